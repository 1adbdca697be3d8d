import { useQuery } from "@tanstack/react-query";
import { Details, SummaryList } from "../../components/govuk";
import { LoadFailed, Loading } from "../../components/layout/page-states";
import { formatDateTime, formatDay } from "../../lib/dates";
import { roleLabels } from "../../lib/labels";
import { AskForCorrection } from "../corrections/ask-for-correction";
import { RecordCorrections } from "../corrections/record-corrections";
import { type MeetingRecordData, meetingRecordQuery } from "./meeting-queries";
import { RecordResponses } from "./record-responses";

const timeOf = (iso: string) => formatDateTime(iso).split(" at ")[1] ?? "";

/** "Sam Okafor (Eastmoor Health Visiting Team)" */
const named = (p: { name: string; agencyName: string | null }) =>
  p.agencyName ? `${p.name} (${p.agencyName})` : p.name;

function listInWords(names: string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

/**
 * A held meeting's record: when it really ran, who came and who sent
 * apologies, what was decided and agreed, when the family meets next, and
 * the attendees' confirmations and comments under it. The words are plain
 * for everyone; family members' copy comes without the team's parts.
 */
export function MeetingRecord({
  familyId,
  meetingId,
  asFamily,
}: {
  familyId: string;
  meetingId: string;
  asFamily: boolean;
}) {
  const record = useQuery(meetingRecordQuery(familyId, meetingId));
  if (record.isPending) return <Loading what="Loading the meeting's record" />;
  if (record.error) return <LoadFailed error={record.error} />;
  const r = record.data.data;
  return (
    <section aria-labelledby="meeting-record" data-testid="meeting-record">
      <h2 className="govuk-heading-l" id="meeting-record">
        {asFamily ? "Notes of the meeting" : "Record of the meeting"}
      </h2>
      <SummaryList
        rows={[
          { key: "When it ran", value: ranInWords(r) },
          { key: "Next meeting", value: nextInWords(r) },
        ]}
      />
      <Attendance record={r} />
      <Apologies record={r} />
      <h3 className="govuk-heading-m">{asFamily ? "What was decided" : "Decisions"}</h3>
      {r.decisions.length === 0 ? (
        <p className="govuk-body">No decisions were written down in the meeting.</p>
      ) : (
        <ul className="govuk-list govuk-list--bullet">
          {r.decisions.map((d) => (
            <li key={d.id}>
              {d.text}
              <span className="govuk-hint govuk-!-margin-bottom-0">
                Written down by {d.recordedByName} at {timeOf(d.recordedAt)}
              </span>
            </li>
          ))}
        </ul>
      )}
      <h3 className="govuk-heading-m">{asFamily ? "What we agreed to do" : "Actions agreed"}</h3>
      {r.actionsAgreed.length === 0 ? (
        <p className="govuk-body">No new actions were agreed in the meeting.</p>
      ) : (
        <ul className="govuk-list govuk-list--bullet" data-testid="actions-agreed">
          {r.actionsAgreed.map((a) => (
            <li key={a.id}>
              {a.text}
              <span className="govuk-hint govuk-!-margin-bottom-0">
                {listInWords(a.owners.map(named))}, by {formatDay(a.dueDate)}
              </span>
            </li>
          ))}
        </ul>
      )}
      <Unchanged record={r} />
      <RecordResponses familyId={familyId} meetingId={meetingId} record={r} />
      {asFamily ? (
        <AskForCorrection familyId={familyId} recordKind="meeting_record" recordId={meetingId} />
      ) : (
        <RecordCorrections familyId={familyId} recordKind="meeting_record" recordId={meetingId} />
      )}
    </section>
  );
}

function ranInWords(r: MeetingRecordData): string {
  const { startedAt, endedAt, scheduledFor } = r.meeting;
  const booked = `(booked for ${formatDateTime(scheduledFor)})`;
  if (!startedAt) return `Ended ${formatDateTime(endedAt)} ${booked}`;
  return `${formatDateTime(startedAt)} to ${timeOf(endedAt)} ${booked}`;
}

function nextInWords(r: MeetingRecordData): string {
  if (r.nextMeeting) return formatDateTime(r.nextMeeting.scheduledFor);
  if (r.nextReviewBy)
    return `Not booked yet; the next review is due by ${formatDay(r.nextReviewBy)}`;
  return "Not booked yet";
}

function Attendance({ record }: { record: MeetingRecordData }) {
  return (
    <>
      <h3 className="govuk-heading-m">Who came</h3>
      {record.attendance.length === 0 ? (
        <p className="govuk-body">Nobody joined the meeting room.</p>
      ) : (
        <table className="govuk-table" data-testid="attendance">
          <caption className="govuk-table__caption govuk-visually-hidden">Who came</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Name
              </th>
              <th scope="col" className="govuk-table__header">
                Role
              </th>
              <th scope="col" className="govuk-table__header">
                Joined and left
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {record.attendance.map((p) => (
              <tr key={p.userId} className="govuk-table__row">
                <th scope="row" className="govuk-table__header">
                  {p.name}
                </th>
                <td className="govuk-table__cell">
                  {p.chair ? "Chair" : roleLabels[p.role]}
                  {p.agencyName ? `, ${p.agencyName}` : ""}
                </td>
                <td className="govuk-table__cell">
                  {p.spans
                    .map(
                      (s) => `${timeOf(s.joinedAt)} to ${s.leftAt ? timeOf(s.leftAt) : "the end"}`,
                    )
                    .join("; ")}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

function Apologies({ record }: { record: MeetingRecordData }) {
  if (record.apologies.length === 0) return null;
  return (
    <>
      <h3 className="govuk-heading-m">Could not come</h3>
      <ul className="govuk-list govuk-list--bullet" data-testid="apologies">
        {record.apologies.map((a) => (
          <li key={a.id}>
            {named(a)}
            {a.reason ? `: ${a.reason}` : ""}
          </li>
        ))}
      </ul>
    </>
  );
}

/** Whether the stored record still matches the fingerprint taken when the meeting ended. */
function Unchanged({ record }: { record: MeetingRecordData }) {
  return (
    <>
      {record.version.unchanged ? (
        <p className="govuk-body" data-testid="record-unchanged">
          This record has not changed since the meeting ended.
        </p>
      ) : (
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            This record no longer matches the one stored when the meeting ended. Tell your
            administrator.
          </strong>
        </div>
      )}
      <Details summary="How we know">
        <p className="govuk-body">
          When the meeting ended, Teamaround stored the record as version {record.version.number} of
          the plan with a fingerprint (a SHA-256 hash) of its contents. Any change to the record
          would change the fingerprint.
        </p>
        <p className="govuk-body app-break-anywhere">
          Fingerprint: <code data-testid="version-hash">{record.version.hash}</code>
        </p>
      </Details>
    </>
  );
}
