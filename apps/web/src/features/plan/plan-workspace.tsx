import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { documentKinds } from "@teamaround/domain";
import { meQuery } from "../../app/session";
import { LoadFailed, Loading } from "../../components/layout/page-states";
import { PartBoundary } from "../../components/layout/part-boundary";
import { useFamilyRefusal } from "../connection/live-connections";
import { outcomesQuery, useFamily } from "../family/family-queries";
import { useLiveFamily } from "../family/use-live-family";
import { OutcomeSection } from "../outcomes/outcomes-page";
import { LiveDocumentPanel } from "./live-document-panel";

export interface PlanWorkspaceProps {
  familyId: string;
  /** Documents side by side (the plan page) or one under another (beside the meeting room). */
  layout: "columns" | "stacked";
  /**
   * Watch the family for changes (`useLiveFamily`) and re-read what changed.
   * Off in the meeting room, whose own socket hears the same notices.
   */
  watch: boolean;
}

/** The live documents the caller may open, then the outcomes and actions. */
export function PlanWorkspace({ familyId, layout, watch }: PlanWorkspaceProps) {
  const { pollMs } = useLiveFamily(familyId, watch);
  const family = useFamily(familyId);
  const me = useQuery(meQuery);
  const refusal = useFamilyRefusal(familyId);
  if (refusal) {
    return (
      <p className="govuk-body govuk-!-font-weight-bold" data-testid="access-ended">
        {refusal.message}
      </p>
    );
  }
  if (family.isPending || me.isPending) return <Loading what="Loading the plan" />;
  if (family.error) return <LoadFailed error={family.error} />;
  if (me.error) return <LoadFailed error={me.error} />;
  const { documents } = family.data;
  return (
    <>
      <div className={`app-plan-documents app-plan-documents--${layout}`}>
        {documentKinds.map((kind) => (
          <PartBoundary key={kind} what="this document">
            <LiveDocumentPanel
              familyId={familyId}
              kind={kind}
              access={documents[kind]}
              audience={me.data.data.role === "family_member" ? "family" : "staff"}
              me={{ name: me.data.data.displayName }}
            />
          </PartBoundary>
        ))}
      </div>
      <PlanOutcomes familyId={familyId} pollMs={pollMs} />
    </>
  );
}

/** `pollMs`: only while changes cannot be pushed (see `useLiveFamily`). */
function PlanOutcomes({ familyId, pollMs }: { familyId: string; pollMs: number | false }) {
  const family = useFamily(familyId);
  const outcomes = useQuery({ ...outcomesQuery(familyId), refetchInterval: pollMs });
  const abilities = outcomes.data?.abilities ?? family.data?.abilities;
  return (
    <section aria-labelledby="plan-outcomes" className="app-plan-outcomes">
      <h2 className="govuk-heading-l" id="plan-outcomes">
        Outcomes and actions
      </h2>
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
    </section>
  );
}
