import type { MeetingRoomState, Participant } from "@teamaround/domain";
import { useState } from "react";
import { Button, LinkButton, Tag } from "../../components/govuk";
import { PartBoundary } from "../../components/layout/part-boundary";
import { type MeetingActionError, type MeetingSocket, send } from "./meeting-socket";

export interface RoomPanelProps {
  room: MeetingRoomState;
  socket: MeetingSocket | null;
  meId: string;
  abilities: { moderate: boolean; setAgenda: boolean; recordDecision: boolean };
}

/** Runs one room action, keeping its error to show beside the control. */
export function useRoomAction() {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const run = async (action: () => Promise<unknown>) => {
    setPending(true);
    setError(null);
    try {
      await action();
      return true;
    } catch (e) {
      setError((e as MeetingActionError).message);
      return false;
    } finally {
      setPending(false);
    }
  };
  return { error, pending, run };
}

const roleWords: Record<string, string> = {
  lead_professional: "Lead professional",
  team_member: "Team",
  family_member: "Family",
};

function who(p: Participant): string {
  // A guest partner has no account here: named as a guest, with the organisation they came from.
  if (p.role === "guest") return `${p.name}, guest from ${p.agency ?? "another organisation"}`;
  return p.agency ? `${p.name}, ${p.agency}` : `${p.name}, ${roleWords[p.role] ?? "Family"}`;
}

/** Who is here, with their agency; raised hands; the person's own hand. */
export function RoomPeople({ room, socket, meId, abilities }: RoomPanelProps) {
  const action = useRoomAction();
  const me = room.participants.find((p) => p.userId === meId);
  const meetingId = room.meetingId;
  return (
    <section aria-labelledby="room-people" className="app-room-panel">
      <h2 className="govuk-heading-m" id="room-people">
        Who is here
      </h2>
      <ul className="govuk-list app-room-people" data-testid="participants">
        {room.participants.map((p) => (
          <li key={p.userId}>
            <PartBoundary what="One person" inline>
              <ParticipantEntry
                p={p}
                meetingId={meetingId}
                meId={meId}
                socket={socket}
                abilities={abilities}
              />
            </PartBoundary>
          </li>
        ))}
      </ul>
      {me && socket ? (
        <Button
          variant="secondary"
          disabled={action.pending}
          onClick={() =>
            void action.run(() =>
              me.handRaised
                ? send(socket, "hand:lower", { meetingId })
                : send(socket, "hand:raise", { meetingId }),
            )
          }
        >
          {me.handRaised ? "Lower your hand" : "Raise your hand"}
        </Button>
      ) : null}
      {action.error ? <p className="govuk-error-message">{action.error}</p> : null}
    </section>
  );
}

/** One person in the room: name, chair, raised hand and the chair's "lower" control. */
function ParticipantEntry({
  p,
  meetingId,
  meId,
  socket,
  abilities,
}: { p: Participant; meetingId: string } & Pick<RoomPanelProps, "meId" | "socket" | "abilities">) {
  const action = useRoomAction();
  return (
    <>
      {who(p)}
      {p.isChair ? (
        <>
          {" "}
          <Tag colour="blue">Chair</Tag>
        </>
      ) : null}
      {p.handRaised ? (
        <>
          {" "}
          <Tag colour="yellow">Hand raised</Tag>
          {abilities.moderate && p.userId !== meId && socket ? (
            <>
              {" "}
              <LinkButton
                onClick={() =>
                  void action.run(() => send(socket, "hand:lower", { meetingId, userId: p.userId }))
                }
              >
                Lower<span className="govuk-visually-hidden"> {p.name}'s</span> hand
              </LinkButton>
            </>
          ) : null}
        </>
      ) : null}
      {action.error ? <span className="govuk-error-message">{action.error}</span> : null}
    </>
  );
}

/** The agenda with the item being discussed; the chair moves it on. */
export function RoomAgenda({ room, socket, abilities }: RoomPanelProps) {
  const action = useRoomAction();
  const meetingId = room.meetingId;
  return (
    <section aria-labelledby="room-agenda" className="app-room-panel">
      <h2 className="govuk-heading-m" id="room-agenda">
        Agenda
      </h2>
      <ol className="govuk-list govuk-list--number app-room-agenda">
        {room.agenda.map((item) => {
          const current = item.id === room.currentAgendaItemId;
          return (
            <li key={item.id} aria-current={current ? "step" : undefined}>
              {current ? <strong>{item.title}</strong> : item.title}
              {current ? (
                <>
                  {" "}
                  <Tag colour="green">Now</Tag>
                </>
              ) : abilities.setAgenda && socket ? (
                <>
                  {" "}
                  <LinkButton
                    disabled={action.pending}
                    onClick={() =>
                      void action.run(() =>
                        send(socket, "agenda:set", { meetingId, agendaItemId: item.id }),
                      )
                    }
                  >
                    Discuss now<span className="govuk-visually-hidden">: {item.title}</span>
                  </LinkButton>
                </>
              ) : null}
            </li>
          );
        })}
      </ol>
      {action.error ? <p className="govuk-error-message">{action.error}</p> : null}
    </section>
  );
}
