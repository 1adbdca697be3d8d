import type { components } from "../../api/schema";
import { Button, Details, SummaryCard, SummaryList } from "../../components/govuk";
import { formatDateTime } from "../../lib/dates";

export interface OutboxMessage {
  noticeId: string;
  kind: components["schemas"]["OutboxMessage"]["kind"];
  to: string;
  from: string;
  subject: string;
  body: string;
  storedAt: string;
}

const kindLabels: Record<OutboxMessage["kind"], string> = {
  staff_invitation: "Invitation to a member of staff",
  family_invitation: "Invitation to a family member",
  password_changed: "Password changed",
  action_assigned: "An action assigned",
  action_changed: "An action changed",
  action_due: "An action due tomorrow",
  daily_digest: "Daily summary",
  meeting_invitation: "Meeting invitation (with a calendar entry)",
  consent_withdrawn: "Consent withdrawn, to an agency",
  help_request_received: "New request for help",
  help_request_outcome: "Decision on a request for help",
  sign_off_waiting: "Waiting for sign-off",
  new_sign_in: "A new sign-in, from a browser not used before",
  meeting_record_review: "Please confirm a meeting's record",
  guest_invitation: "Invitation to a guest, for one meeting",
};

const link = /(https?:\/\/[^\s]+)/;

/** A message's lines as written, its addresses as links (the words are ours, escaped by React). */
function MessageBody({ body }: { body: string }) {
  return (
    <>
      {body.split("\n\n").map((paragraph, p) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a message's paragraphs never change
        <p className="govuk-body app-break-anywhere" key={p}>
          {paragraph.split("\n").map((line, l) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a paragraph's lines never change
            <span key={l}>
              {l > 0 ? <br /> : null}
              {line.split(link).map((part, i) =>
                link.test(part) ? (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a line's parts never change
                  <a className="govuk-link" href={part} key={i}>
                    {part}
                  </a>
                ) : (
                  part
                ),
              )}
            </span>
          ))}
        </p>
      ))}
    </>
  );
}

/** Each kept message as it would have been sent, newest first, with a button for older ones. */
export function OutboxMessages({
  messages,
  more,
}: {
  messages: OutboxMessage[];
  more: { available: boolean; loading: boolean; load: () => void };
}) {
  if (messages.length === 0) return <p className="govuk-body">There are no messages yet.</p>;
  return (
    <>
      {messages.map((message) => (
        <SummaryCard key={message.noticeId} title={message.subject}>
          <SummaryList
            rows={[
              { key: "To", value: message.to },
              { key: "From", value: message.from },
              { key: "Kept", value: formatDateTime(message.storedAt) },
              { key: "What it is", value: kindLabels[message.kind] },
            ]}
          />
          <Details summary="Read the message">
            <MessageBody body={message.body} />
          </Details>
        </SummaryCard>
      ))}
      {more.available ? (
        <Button variant="secondary" disabled={more.loading} onClick={more.load}>
          Show older messages
        </Button>
      ) : null}
    </>
  );
}
