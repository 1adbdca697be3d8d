import { usePageTitle } from "../../components/layout/page-title";
import { useFamily, useFamilyId } from "../family/family-queries";
import { DownloadPdf, printoutPaths } from "../printouts/download-pdf";
import { PlanSignOffPanel } from "../sign-off/plan-sign-off-panel";
import { PlanWorkspace } from "./plan-workspace";

/** The family's plan: the live documents side by side, then the outcomes and actions. */
export function PlanPage() {
  const familyId = useFamilyId();
  const family = useFamily(familyId);
  usePageTitle(`Plan – ${family.data?.data.displayName ?? "Family"}`);
  return (
    <>
      <h1 className="govuk-heading-l">Plan</h1>
      <p className="govuk-body">
        Everyone working on the plan sees what you write as you write it. Changes are saved as you
        type.
      </p>
      {family.data?.abilities.printout.plan ? (
        <DownloadPdf
          href={printoutPaths.plan(familyId)}
          hint="The plan as the family sees it, to print or hand to them: no practitioners' notes, no hidden register entries."
        >
          Download PDF<span className="govuk-visually-hidden"> of the plan</span>
        </DownloadPdf>
      ) : null}
      {family.data?.abilities.plan_sign_off.read ? <PlanSignOffPanel familyId={familyId} /> : null}
      <PlanWorkspace familyId={familyId} layout="columns" watch />
    </>
  );
}
