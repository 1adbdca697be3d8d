import { type FormEvent, useState } from "react";
import { Button, Textarea } from "../../components/govuk";
import { formatDateTime } from "../../lib/dates";
import { send } from "./meeting-socket";
import { type RoomPanelProps, useRoomAction } from "./room-people";

/** A one-field form whose text is sent as a room event and cleared once acknowledged. */
function SendForm({
  id,
  label,
  button,
  onSend,
}: {
  id: string;
  label: string;
  button: string;
  onSend: (text: string) => Promise<unknown>;
}) {
  const [text, setText] = useState("");
  const action = useRoomAction();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim() || action.pending) return;
    if (await action.run(() => onSend(text.trim()))) setText("");
  };
  return (
    <form noValidate onSubmit={submit}>
      <Textarea
        id={id}
        label={label}
        labelClassName="govuk-label--s"
        rows={2}
        value={text}
        onChange={setText}
        error={action.error ?? undefined}
      />
      <Button type="submit" variant="secondary" disabled={action.pending}>
        {button}
      </Button>
    </form>
  );
}

/** Chat: every message so far (a log, so new ones are read out), and a box to write one. */
export function RoomChat({ room, socket }: RoomPanelProps) {
  const meetingId = room.meetingId;
  return (
    <section aria-labelledby="room-chat" className="app-room-panel">
      <h2 className="govuk-heading-m" id="room-chat">
        Chat
      </h2>
      <div
        role="log"
        aria-labelledby="room-chat"
        className="app-room-chat"
        data-testid="chat"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard
        tabIndex={0}
      >
        {room.chat.length === 0 ? <p className="govuk-body-s">No messages yet.</p> : null}
        <ul className="govuk-list">
          {room.chat.map((m) => (
            <li key={m.id}>
              <span className="govuk-body-s govuk-!-font-weight-bold">{m.authorName}</span>{" "}
              <span className="govuk-body-s app-secondary-text">{formatDateTime(m.sentAt)}</span>
              <br />
              {m.body}
            </li>
          ))}
        </ul>
      </div>
      {socket ? (
        <SendForm
          id="chat-message"
          label="Message"
          button="Send message"
          onSend={(body) => send(socket, "chat:send", { meetingId, body })}
        />
      ) : null}
    </section>
  );
}

/** Decisions recorded in this meeting; the chair records them. */
export function RoomDecisions({ room, socket, abilities }: RoomPanelProps) {
  const meetingId = room.meetingId;
  return (
    <section aria-labelledby="room-decisions" className="app-room-panel">
      <h2 className="govuk-heading-m" id="room-decisions">
        Decisions
      </h2>
      {room.decisions.length === 0 ? (
        <p className="govuk-body">No decisions recorded yet.</p>
      ) : (
        <ol className="govuk-list govuk-list--number" data-testid="decisions">
          {room.decisions.map((d) => (
            <li key={d.id}>
              {d.text}
              <br />
              <span className="govuk-body-s">Recorded by {d.recordedByName}</span>
            </li>
          ))}
        </ol>
      )}
      {abilities.recordDecision && socket ? (
        <SendForm
          id="decision-text"
          label="Record a decision"
          button="Record decision"
          onSend={(text) => send(socket, "decision:record", { meetingId, text })}
        />
      ) : null}
    </section>
  );
}
