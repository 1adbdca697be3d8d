import { usePageTitle } from "../../components/layout/page-title";
import { useFamily, useFamilyId } from "../family/family-queries";
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
      <PlanWorkspace familyId={familyId} layout="columns" poll />
    </>
  );
}
