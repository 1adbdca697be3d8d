import type { ClientEvent, ClientEventPayload, ErrorCode } from "@teamaround/domain";

/**
 * Everyone the matrix sends every event as. `notJoined` is an invited team
 * member's second connection that has not joined the meeting; `guest` a
 * guest partner invited to each cell's meeting (admitted from the lobby, as
 * the family member is). The others join first when they may (and try to
 * when they may not).
 */
export const eventPersonas = [
  "chair",
  "teamMember",
  "familyMember",
  "notJoined",
  "otherFamilyMember",
  "outsider",
  "manager",
  "administrator",
  "analyst",
  "guest",
] as const;
export type EventPersona = (typeof eventPersonas)[number];

/** "ok" or the code of the error ack. */
export type Outcome = "ok" | ErrorCode;

/** What a case's payload may point at: a fresh live meeting of the family, for each cell. */
export interface EventCell {
  meetingId: string;
  /** The meeting's family (the personas' family). */
  familyId: string;
  agendaItemId: string;
  /** A practitioner who is none of the personas (to lower someone else's hand). */
  someoneElseId: string;
  /** The family member's user, waiting in the cell's lobby (another connection of theirs). */
  waitingUserId: string;
}

export interface EventCase<E extends ClientEvent> {
  payload(cell: EventCell): ClientEventPayload<E>;
  expect: Record<EventPersona, Outcome>;
}

/** Anyone not in the room is told to join first, whoever they are. */
const notInRoom = {
  notJoined: "forbidden",
  otherFamilyMember: "forbidden",
  outsider: "forbidden",
  manager: "forbidden",
  administrator: "forbidden",
  analyst: "forbidden",
} as const;

/** A guest partner in the room may do what a family member may, no more (guest-policy.ts). */
function inRoom(chair: Outcome, teamMember: Outcome, familyMember: Outcome) {
  return { chair, teamMember, familyMember, guest: familyMember, ...notInRoom };
}

/**
 * The expected answer to every client event, per persona, in one or more
 * cases each. Add an entry with every new event: the matrix test fails on an
 * event without one, and on an entry for an event that does not exist.
 */
export const eventExpectations: { [E in ClientEvent]: Record<string, EventCase<E>> } = {
  "meeting:join": {
    "a live meeting": {
      payload: ({ meetingId }) => ({ meetingId }),
      expect: {
        chair: "ok",
        teamMember: "ok",
        familyMember: "ok",
        notJoined: "ok",
        // Oversight, not a participant.
        manager: "forbidden",
        otherFamilyMember: "not_found",
        outsider: "not_found",
        administrator: "not_found",
        // Aggregate figures only: no family's meeting exists for the partnership analyst.
        analyst: "not_found",
        // Invited to this one meeting: waits in the lobby (an ok ack that says so).
        guest: "ok",
      },
    },
  },
  "meeting:leave": {
    // Leaving a meeting one is not in is a no-op for anyone.
    "a meeting": {
      payload: ({ meetingId }) => ({ meetingId }),
      expect: {
        chair: "ok",
        teamMember: "ok",
        familyMember: "ok",
        notJoined: "ok",
        otherFamilyMember: "ok",
        outsider: "ok",
        manager: "ok",
        administrator: "ok",
        analyst: "ok",
        guest: "ok",
      },
    },
  },
  "agenda:set": {
    "an item of the agenda": {
      payload: ({ meetingId, agendaItemId }) => ({ meetingId, agendaItemId }),
      expect: inRoom("ok", "forbidden", "forbidden"),
    },
  },
  "hand:raise": {
    "one's own": {
      payload: ({ meetingId }) => ({ meetingId }),
      expect: inRoom("ok", "ok", "ok"),
    },
  },
  "hand:lower": {
    "one's own": {
      payload: ({ meetingId }) => ({ meetingId }),
      expect: inRoom("ok", "ok", "ok"),
    },
    "someone else's": {
      payload: ({ meetingId, someoneElseId }) => ({ meetingId, userId: someoneElseId }),
      expect: inRoom("ok", "forbidden", "forbidden"),
    },
  },
  "chat:send": {
    "a message": {
      payload: ({ meetingId }) => ({ meetingId, body: "Hello everyone" }),
      expect: inRoom("ok", "ok", "ok"),
    },
  },
  "decision:record": {
    "a decision": {
      payload: ({ meetingId }) => ({ meetingId, text: "Review again in six weeks" }),
      expect: inRoom("ok", "forbidden", "forbidden"),
    },
  },
  "meeting:end": {
    "a live meeting": {
      payload: ({ meetingId }) => ({ meetingId }),
      expect: inRoom("ok", "forbidden", "forbidden"),
    },
  },
  // The call's events are sent after joining the call (the matrix's `prepare`).
  "call:join": {
    "with camera and microphone": {
      payload: ({ meetingId }) => ({ meetingId, muted: false, cameraOff: false, audioOnly: false }),
      expect: inRoom("ok", "ok", "ok"),
    },
  },
  "call:leave": {
    // Leaving a call one is not in is a no-op for anyone.
    "one's own": {
      payload: ({ meetingId }) => ({ meetingId }),
      expect: {
        chair: "ok",
        teamMember: "ok",
        familyMember: "ok",
        notJoined: "ok",
        otherFamilyMember: "ok",
        outsider: "ok",
        manager: "ok",
        administrator: "ok",
        analyst: "ok",
        guest: "ok",
      },
    },
  },
  "call:signal": {
    // Relayed only to a peer in the same call (call.test.ts): anyone else is not found.
    "to someone not in the call": {
      payload: ({ meetingId, someoneElseId }) => ({
        meetingId,
        to: someoneElseId,
        signal: {
          kind: "candidate",
          candidate: "",
          sdpMid: "0",
          sdpMLineIndex: 0,
          usernameFragment: null,
        },
      }),
      expect: inRoom("not_found", "not_found", "not_found"),
    },
  },
  "call:state": {
    muted: {
      payload: ({ meetingId }) => ({
        meetingId,
        muted: true,
        cameraOff: false,
        audioOnly: false,
        speaking: false,
      }),
      expect: inRoom("ok", "ok", "ok"),
    },
  },
  "lobby:admit": {
    "the family member waiting": {
      payload: ({ meetingId, waitingUserId }) => ({ meetingId, userId: waitingUserId }),
      expect: inRoom("ok", "forbidden", "forbidden"),
    },
  },
  "lobby:decline": {
    "the family member waiting": {
      payload: ({ meetingId, waitingUserId }) => ({ meetingId, userId: waitingUserId }),
      expect: inRoom("ok", "forbidden", "forbidden"),
    },
  },
  "notifications:watch": {
    // One's own notices: anyone signed in, whatever their relationship to any family.
    "one's own": {
      payload: () => ({}),
      expect: {
        chair: "ok",
        teamMember: "ok",
        familyMember: "ok",
        notJoined: "ok",
        otherFamilyMember: "ok",
        outsider: "ok",
        manager: "ok",
        administrator: "ok",
        analyst: "ok",
        // A guest partner has no notices of their own: their one meeting is all they have.
        guest: "forbidden",
      },
    },
  },
  "family:watch": {
    // The family-read policy, as the API applies it: outsiders are told it does not exist.
    "the family": {
      payload: ({ familyId }) => ({ familyId }),
      expect: {
        chair: "ok",
        teamMember: "ok",
        familyMember: "ok",
        notJoined: "ok",
        // Oversight reads the family (a meeting room is another matter).
        manager: "ok",
        otherFamilyMember: "not_found",
        outsider: "not_found",
        administrator: "not_found",
        analyst: "not_found",
        guest: "not_found",
      },
    },
    "a family that does not exist": {
      payload: () => ({ familyId: "5d1f8a52-3c1e-4b7a-9e0d-6f2a1b3c4d5e" }),
      expect: {
        chair: "not_found",
        teamMember: "not_found",
        familyMember: "not_found",
        notJoined: "not_found",
        manager: "not_found",
        otherFamilyMember: "not_found",
        outsider: "not_found",
        administrator: "not_found",
        analyst: "not_found",
        guest: "not_found",
      },
    },
  },
  "family:unwatch": {
    // Not watching it is a no-op for anyone.
    "a family": {
      payload: ({ familyId }) => ({ familyId }),
      expect: {
        chair: "ok",
        teamMember: "ok",
        familyMember: "ok",
        notJoined: "ok",
        otherFamilyMember: "ok",
        outsider: "ok",
        manager: "ok",
        administrator: "ok",
        analyst: "ok",
        guest: "ok",
      },
    },
  },
};
