import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import type { MyAction } from "../../api/types";
import { Tag } from "../../components/govuk";
import { LoadFailed, Loading } from "../../components/layout/page-states";
import { dueInWords } from "../../lib/dates";
import { ActionStatusButton } from "../outcomes/action-status-button";
import { myActionsQuery } from "./my-work-queries";

/** My open actions across all my families, overdue first (the API's order). */
export function MyActions() {
  const actions = useQuery(myActionsQuery);
  const open = actions.data?.filter((a) => a.status === "open") ?? [];
  const overdue = open.filter((a) => a.overdue).length;
  return (
    <>
      <h2 className="govuk-heading-m">My actions</h2>
      {actions.isPending ? <Loading what="Loading your actions" /> : null}
      {actions.error ? <LoadFailed error={actions.error} /> : null}
      {actions.data ? (
        <p className="govuk-body">
          {open.length === 0
            ? "You have no open actions."
            : `You have ${open.length} open ${open.length === 1 ? "action" : "actions"}${overdue > 0 ? `, ${overdue} overdue` : ""}.`}
        </p>
      ) : null}
      <ul className="app-card-list">
        {open.map((action) => (
          <ActionCard key={action.id} action={action} />
        ))}
      </ul>
    </>
  );
}

function ActionCard({ action }: { action: MyAction }) {
  return (
    <li className={action.overdue ? "app-card app-card--overdue" : "app-card"}>
      <p className="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">{action.text}</p>
      <p className="govuk-body-s govuk-!-margin-bottom-2">
        <Link
          to="/families/$familyId/outcomes"
          params={{ familyId: action.familyId }}
          className="govuk-link"
        >
          {action.familyDisplayName}
        </Link>{" "}
        ({action.familyReference}) · {action.outcomeTitle}
      </p>
      <p className="govuk-body govuk-!-margin-bottom-2">
        {action.overdue ? (
          <>
            <Tag colour="red">Overdue</Tag>{" "}
          </>
        ) : null}
        {dueInWords(action.dueDate)}
      </p>
      <div className="govuk-button-group govuk-!-margin-bottom-0">
        {action.canUpdate ? (
          <ActionStatusButton familyId={action.familyId} action={action} />
        ) : null}
        <Link
          to="/families/$familyId/actions/$actionId/progress"
          params={{ familyId: action.familyId, actionId: action.id }}
          className="govuk-link"
        >
          Add a progress note<span className="govuk-visually-hidden">: {action.text}</span>
        </Link>
      </div>
    </li>
  );
}
