import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import type { ReactNode } from "react";
import type { Action, FamilyAbilities, PlanOutcome } from "../../api/types";
import { Details, Tag } from "../../components/govuk";
import { LoadFailed, Loading } from "../../components/layout/page-states";
import { usePageTitle } from "../../components/layout/page-title";
import { dueInWords, formatDateTime, formatDay } from "../../lib/dates";
import { outcomeAreaLabels } from "../../lib/labels";
import { membersQuery, outcomesQuery, useFamily, useFamilyId } from "../family/family-queries";
import { ActionStatusButton } from "./action-status-button";
import { SeenBy } from "./audience-fields";

const outcomeStatus = {
  active: ["Active", "blue"],
  achieved: ["Achieved", "green"],
  dropped: ["Dropped", "grey"],
} as const;
const actionStatus = {
  open: ["Open", "blue"],
  done: ["Done", "green"],
  dropped: ["Dropped", "grey"],
} as const;

export function ownersText(action: Action): string {
  const left = action.ownersWhoLeft ?? [];
  return action.owners
    .map((o) => {
      const name =
        o.kind === "practitioner" && o.agencyName ? `${o.name} (${o.agencyName})` : o.name;
      return o.kind === "practitioner" && left.includes(o.userId)
        ? `${name}, no longer in the team`
        : name;
    })
    .join(", ");
}

/** "Done on 29 November by Dana Ashdown", or when it is due. */
export function whenText(action: Action): string {
  if (action.status !== "done" || !action.completedAt) return dueInWords(action.dueDate);
  const by = action.completedByName ? ` by ${action.completedByName}` : "";
  return `Done on ${formatDay(action.completedAt)}${by}`;
}

export function OutcomesPage() {
  const familyId = useFamilyId();
  const family = useFamily(familyId);
  const outcomes = useQuery(outcomesQuery(familyId));
  usePageTitle(`Outcomes and actions – ${family.data?.data.displayName ?? "Family"}`);
  const abilities = outcomes.data?.abilities ?? family.data?.abilities;
  return (
    <>
      <h1 className="govuk-heading-l">Outcomes and actions</h1>
      <p className="govuk-body">What the family wants to happen, and who will do what by when.</p>
      {abilities?.outcome.create ? (
        <Link
          to="/families/$familyId/outcomes/new"
          params={{ familyId }}
          className="govuk-button govuk-button--secondary"
        >
          Add an outcome
        </Link>
      ) : null}
      {outcomes.isPending ? <Loading /> : null}
      {outcomes.error ? <LoadFailed error={outcomes.error} /> : null}
      {outcomes.data?.data.length === 0 ? (
        <p className="govuk-body">No outcomes have been agreed yet.</p>
      ) : null}
      {abilities
        ? outcomes.data?.data.map((o) => (
            <OutcomeSection key={o.id} familyId={familyId} outcome={o} abilities={abilities} />
          ))
        : null}
    </>
  );
}

export function OutcomeSection({
  familyId,
  outcome,
  abilities,
}: {
  familyId: string;
  outcome: PlanOutcome;
  abilities: FamilyAbilities;
}) {
  const [label, colour] = outcomeStatus[outcome.status];
  // Practitioners see who in the family can see each item; family members only what they may see.
  const staff = abilities.sharing.read_hidden;
  const members = useQuery({ ...membersQuery(familyId), enabled: staff }).data?.data ?? [];
  return (
    <section className="govuk-!-margin-bottom-8" aria-labelledby={`outcome-${outcome.id}`}>
      <span className="govuk-caption-m">{outcomeAreaLabels[outcome.area]}</span>
      <h2 className="govuk-heading-m" id={`outcome-${outcome.id}`}>
        {outcome.title}
      </h2>
      <p className="govuk-body">
        <Tag colour={colour}>{label}</Tag> How we will know: {outcome.measure}. By{" "}
        {formatDay(outcome.targetDate, { weekday: true })}.
      </p>
      {staff ? <SeenBy audience={outcome.audience} members={members} /> : null}
      <p className="govuk-body">
        {abilities.outcome.update ? (
          <Link
            to="/families/$familyId/outcomes/$outcomeId/edit"
            params={{ familyId, outcomeId: outcome.id }}
            className="govuk-link govuk-!-margin-right-4"
          >
            Change<span className="govuk-visually-hidden"> outcome: {outcome.title}</span>
          </Link>
        ) : null}
        {abilities.action.create && outcome.status === "active" ? (
          <Link
            to="/families/$familyId/actions/new"
            params={{ familyId }}
            search={{ outcomeId: outcome.id }}
            className="govuk-link"
          >
            Add an action<span className="govuk-visually-hidden"> to {outcome.title}</span>
          </Link>
        ) : null}
      </p>
      {outcome.actions.length === 0 ? <p className="govuk-body">No actions yet.</p> : null}
      <ul className="app-card-list">
        {outcome.actions.map((a) => (
          <ActionCard
            key={a.id}
            familyId={familyId}
            action={a}
            abilities={abilities}
            seenBy={staff ? <SeenBy audience={a.audience} members={members} /> : null}
          />
        ))}
      </ul>
    </section>
  );
}

function ActionCard({
  familyId,
  action,
  abilities,
  seenBy,
}: {
  familyId: string;
  action: Action;
  abilities: FamilyAbilities;
  seenBy: ReactNode;
}) {
  const [label, colour] = actionStatus[action.status];
  const cardClass = action.overdue
    ? "app-card app-card--overdue"
    : action.status === "done"
      ? "app-card app-card--done"
      : "app-card";
  return (
    // The anchor a notice about this action links to.
    <li className={cardClass} id={`action-${action.id}`}>
      <p className="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">{action.text}</p>
      <p className="govuk-body-s govuk-!-margin-bottom-2">Who: {ownersText(action)}</p>
      {seenBy}
      <p className="govuk-body govuk-!-margin-bottom-2">
        <Tag colour={colour}>{label}</Tag> {action.overdue ? <Tag colour="red">Overdue</Tag> : null}{" "}
        {action.needsNewOwner ? (
          <>
            <Tag colour="orange">Needs a new owner</Tag>{" "}
          </>
        ) : null}
        {whenText(action)}
      </p>
      {action.progress.length > 0 ? (
        <Details summary={`Progress notes (${action.progress.length})`}>
          <ul className="govuk-list govuk-list--spaced">
            {action.progress.map((p) => (
              <li key={p.id}>
                {p.note}
                <br />
                <span className="govuk-body-s">
                  {p.authorName}, {formatDateTime(p.at)}
                  {p.forTeamOnly ? " · for the team only" : ""}
                </span>
              </li>
            ))}
          </ul>
        </Details>
      ) : null}
      <div className="govuk-button-group govuk-!-margin-bottom-0">
        {action.canUpdate ? <ActionStatusButton familyId={familyId} action={action} /> : null}
        {abilities.action.update && action.canUpdate ? (
          <Link
            to="/families/$familyId/actions/$actionId/edit"
            params={{ familyId, actionId: action.id }}
            className="govuk-link"
          >
            Change<span className="govuk-visually-hidden"> action: {action.text}</span>
          </Link>
        ) : null}
        {action.canAddProgress ? (
          <Link
            to="/families/$familyId/actions/$actionId/progress"
            params={{ familyId, actionId: action.id }}
            className="govuk-link"
          >
            Add a progress note<span className="govuk-visually-hidden">: {action.text}</span>
          </Link>
        ) : null}
      </div>
    </li>
  );
}
