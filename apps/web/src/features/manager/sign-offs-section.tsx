import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { LoadFailed, Loading } from "../../components/layout/page-states";
import { formatDay } from "../../lib/dates";
import { decisionWords } from "../sign-off/sign-off-history";
import { type SignOffItem, signOffsQuery } from "./manager-queries";

const whatWaits: Record<SignOffItem["subject"], string> = {
  assessment: "Assessment",
  plan: "Plan",
  closure: "Closure",
};

function History({ item }: { item: SignOffItem }) {
  if (item.history.length === 0) return <p className="govuk-body-s">First submission.</p>;
  return (
    <ol className="govuk-list govuk-body-s">
      {item.history.map((h) => (
        <li key={`${h.decidedAt}-${h.decision}`}>
          {decisionWords[h.decision]} by {h.decidedByName} on {formatDay(h.decidedAt)}
          {h.comments ? `: “${h.comments}”` : null}
        </li>
      ))}
    </ol>
  );
}

/** Where the decision is taken: the assessment, the family's plan, or the family's summary. */
function DecideLink({ item }: { item: SignOffItem }) {
  const name = (
    <>
      {item.familyName}
      <span className="govuk-visually-hidden">
        : open the {whatWaits[item.subject].toLowerCase()}
      </span>
    </>
  );
  const params = { familyId: item.familyId };
  if (item.subject === "assessment") {
    return (
      <Link
        to="/families/$familyId/assessments/$assessmentId"
        params={{ ...params, assessmentId: item.subjectId }}
        className="govuk-link"
      >
        {name}
      </Link>
    );
  }
  return (
    <Link
      to={item.subject === "plan" ? "/families/$familyId/plan" : "/families/$familyId"}
      params={params}
      hash={item.subject === "plan" ? "plan-sign-off" : "closure-sign-off"}
      className="govuk-link"
    >
      {name}
    </Link>
  );
}

/** Assessments, plans and closures waiting for a manager's decision, longest waiting first. */
export function SignOffsSection() {
  const queue = useQuery(signOffsQuery);
  return (
    <section aria-labelledby="sign-offs" className="govuk-!-margin-bottom-8">
      <h2 className="govuk-heading-m" id="sign-offs">
        Sign-offs
      </h2>
      {queue.isPending ? <Loading what="Loading what waits for sign-off" /> : null}
      {queue.error ? <LoadFailed error={queue.error} /> : null}
      {queue.data && queue.data.length === 0 ? (
        <p className="govuk-body">Nothing is waiting for your sign-off.</p>
      ) : null}
      {queue.data && queue.data.length > 0 ? (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--s">
            Assessments, plans and closures waiting for sign-off, longest waiting first (
            {queue.data.length})
          </caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Family
              </th>
              <th scope="col" className="govuk-table__header">
                Waiting
              </th>
              <th scope="col" className="govuk-table__header">
                Submitted
              </th>
              <th scope="col" className="govuk-table__header">
                Earlier decisions
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {queue.data.map((item) => (
              <tr className="govuk-table__row" key={`${item.subject}-${item.subjectId}`}>
                <th scope="row" className="govuk-table__header">
                  <DecideLink item={item} />
                  <br />
                  <span className="govuk-body-s">{item.familyReference}</span>
                </th>
                <td className="govuk-table__cell">{whatWaits[item.subject]}</td>
                <td className="govuk-table__cell">
                  {item.submittedAt ? formatDay(item.submittedAt) : "Not known"}
                  {item.submittedByName ? ` by ${item.submittedByName}` : null}
                </td>
                <td className="govuk-table__cell">
                  <History item={item} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
