import type { MeetingRoomState } from "@teamaround/domain";
import { Button } from "../../components/govuk";
import { type MeetingSocket, send } from "./meeting-socket";
import { useRoomAction } from "./room-people";

/** The chair's view of the lobby: who waits, to let in or turn away. */
export function RoomLobby({
  room,
  socket,
}: {
  room: MeetingRoomState;
  socket: MeetingSocket | null;
}) {
  const action = useRoomAction();
  const decide = (event: "lobby:admit" | "lobby:decline", userId: string) =>
    socket
      ? void action.run(() => send(socket, event, { meetingId: room.meetingId, userId }))
      : undefined;
  return (
    <section aria-labelledby="room-lobby" className="app-room-panel">
      <h2 className="govuk-heading-m" id="room-lobby">
        Waiting to join
      </h2>
      {room.lobby.length === 0 ? (
        <p className="govuk-body app-secondary-text">
          Nobody is waiting. Family members and guests wait here until you let them in.
        </p>
      ) : (
        <ul className="govuk-list" data-testid="lobby">
          {room.lobby.map((person) => (
            <li key={person.userId}>
              <p className="govuk-body govuk-!-margin-bottom-1">{person.name} is waiting</p>
              <div className="govuk-button-group">
                <Button
                  inline
                  disabled={action.pending}
                  onClick={() => decide("lobby:admit", person.userId)}
                >
                  Let in<span className="govuk-visually-hidden"> {person.name}</span>
                </Button>
                <Button
                  inline
                  variant="secondary"
                  disabled={action.pending}
                  onClick={() => decide("lobby:decline", person.userId)}
                >
                  Not now<span className="govuk-visually-hidden"> for {person.name}</span>
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {action.error ? <p className="govuk-error-message">{action.error}</p> : null}
    </section>
  );
}

/** What someone waiting in the lobby (or turned away) sees. */
export function LobbyWait({ declined, onAskAgain }: { declined: boolean; onAskAgain: () => void }) {
  if (declined) {
    return (
      <div className="govuk-inset-text" role="status" data-testid="lobby-wait">
        <p className="govuk-body">The chair has not let you in yet.</p>
        <Button variant="secondary" onClick={onAskAgain}>
          Ask to join again
        </Button>
      </div>
    );
  }
  return (
    <div className="govuk-inset-text" role="status" data-testid="lobby-wait">
      Waiting for the chair to let you in. Keep this page open: it opens the meeting as soon as they
      do.
    </div>
  );
}
