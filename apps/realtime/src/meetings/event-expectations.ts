import type { ClientEvent, ClientEventPayload, ErrorCode } from "@teamaround/domain";

/**
 * Everyone the matrix sends every event as. `notJoined` is an invited team
 * member's second connection that has not joined the meeting; the others
 * join first when they may (and try to when they may not).
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
] as const;
export type EventPersona = (typeof eventPersonas)[number];

/** "ok" or the code of the error ack. */
export type Outcome = "ok" | ErrorCode;

/** What a case's payload may point at: a fresh live meeting of the family, for each cell. */
export interface EventCell {
  meetingId: string;
  agendaItemId: string;
  /** A practitioner who is none of the personas (to lower someone else's hand). */
  someoneElseId: string;
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

function inRoom(chair: Outcome, teamMember: Outcome, familyMember: Outcome) {
  return { chair, teamMember, familyMember, ...notInRoom };
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
};
