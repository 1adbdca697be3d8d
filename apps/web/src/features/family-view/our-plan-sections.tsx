import { Link } from "@tanstack/react-router";
import type { Action, Meeting, MyAction, PlanOutcome, TeamMembership } from "../../api/types";
import { Tag } from "../../components/govuk";
import { Loading } from "../../components/layout/page-states";
import { dueInWords, formatDateTime, formatDay } from "../../lib/dates";
import { useHashTarget } from "../../lib/use-hash-target";
import { meetingLengthLabel } from "../meeting/meeting-labels";
import { ActionStatusButton } from "../outcomes/action-status-button";

/** "Sam Okafor (Eastmoor Health Visiting Team) and Taylor Ashdown" */
function who(action: Action): string {
  const names = action.owners.map((o) =>
    o.kind === "practitioner" && o.agencyName ? `${o.name} (${o.agencyName})` : o.name,
  );
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

export function NextMeeting({ meetings, familyId }: { meetings: Meeting[]; familyId?: string }) {
  const next = meetings
    .filter((m) => m.state === "scheduled" || m.state === "live")
    .sort((a, b) => a.scheduledFor.localeCompare(b.scheduledFor))[0];
  if (!next) return null;
  return (
    <div className="govuk-inset-text">
      {next.state === "live"
        ? "Your family's meeting is happening now."
        : `Your next meeting is on ${formatDateTime(next.scheduledFor)}. It should last about ${meetingLengthLabel(next.durationMinutes)}.`}
      {next.location ? ` It is at ${next.location}.` : ""}
      {next.state === "live" && familyId ? (
        <>
          {" "}
          <Link
            to="/families/$familyId/meetings/$meetingId/room"
            params={{ familyId, meetingId: next.id }}
            className="govuk-link"
          >
            Join the meeting online
          </Link>
        </>
      ) : null}
    </div>
  );
}

export function FamilyActions({
  familyId,
  actions,
  loading,
}: {
  familyId: string;
  actions: MyAction[];
  loading: boolean;
}) {
  const open = actions.filter((a) => a.status === "open");
  const done = actions.filter((a) => a.status === "done");
  // A notice about one of my actions links to its card (`#action-<id>`).
  useHashTarget(!loading);
  return (
    <section aria-labelledby="my-actions">
      <h2 className="govuk-heading-m" id="my-actions">
        My actions
      </h2>
      {loading ? <Loading /> : null}
      {!loading && actions.length === 0 ? (
        <p className="govuk-body">You have nothing to do at the moment.</p>
      ) : null}
      <ul className="app-card-list">
        {[...open, ...done].map((a) => (
          <li
            key={a.id}
            id={`action-${a.id}`}
            tabIndex={-1}
            className={
              a.status === "done"
                ? "app-card app-card--done"
                : a.overdue
                  ? "app-card app-card--overdue"
                  : "app-card"
            }
          >
            <p className="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">{a.text}</p>
            <p className="govuk-body govuk-!-margin-bottom-2">
              {a.status === "done" ? (
                <Tag colour="green">Done</Tag>
              ) : a.overdue ? (
                <>
                  <Tag colour="red">Late</Tag> This {dueInWords(a.dueDate)}
                </>
              ) : (
                <>Do this {dueInWords(a.dueDate)}</>
              )}
            </p>
            {a.canUpdate ? (
              <ActionStatusButton
                familyId={familyId}
                action={a}
                doneLabel="I have done this"
                reopenLabel="I have not done this yet"
              />
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function PlanOutcomes({ outcomes }: { outcomes: PlanOutcome[] }) {
  const current = outcomes.filter((o) => o.status !== "dropped");
  return (
    <section aria-labelledby="what-we-want">
      <h2 className="govuk-heading-m" id="what-we-want">
        What we want to happen
      </h2>
      {current.length === 0 ? (
        <p className="govuk-body">Nothing has been written down yet.</p>
      ) : null}
      {current.map((o) => (
        <div key={o.id} className="app-card">
          <h3 className="govuk-heading-s govuk-!-margin-bottom-2">{o.title}</h3>
          {o.status === "achieved" ? (
            <p className="govuk-body">
              <Tag colour="green">We did it</Tag>
            </p>
          ) : null}
          <p className="govuk-body">
            How we will know: {o.measure}. We hope to get there by{" "}
            {formatDay(o.targetDate, { weekday: true, year: "auto" })}.
          </p>
          <h4 className="govuk-heading-s govuk-!-margin-bottom-1">
            What will happen and who will do it
          </h4>
          {o.actions.length === 0 ? <p className="govuk-body">Nothing planned yet.</p> : null}
          <ul className="govuk-list govuk-list--bullet">
            {o.actions
              .filter((a) => a.status !== "dropped")
              .map((a) => (
                <li key={a.id}>
                  {who(a)} will {a.text.charAt(0).toLowerCase()}
                  {a.text.slice(1)},{" "}
                  {a.status === "done" ? "and this is done" : dueInWords(a.dueDate)}.
                </li>
              ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

export function TheTeam({ team, leadTitle }: { team: TeamMembership[]; leadTitle: string }) {
  const current = team.filter((m) => !m.removedAt);
  return (
    <section aria-labelledby="who-is-helping">
      <h2 className="govuk-heading-m" id="who-is-helping">
        The people helping your family
      </h2>
      <ul className="govuk-list govuk-list--spaced">
        {current.map((m) => (
          <li key={m.id}>
            <strong>{m.displayName}</strong>
            {m.jobTitle ? `, ${m.jobTitle}` : ""}
            {m.agency ? ` at ${m.agency.name}` : ""}
            {m.role === "lead_professional" ? (
              <>
                <br />
                <span className="govuk-body-s">
                  Your {leadTitle.toLowerCase()}: the person who brings everyone together
                </span>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
