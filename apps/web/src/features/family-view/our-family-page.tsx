import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { LoadFailed, Loading } from "../../components/layout/page-states";
import { usePageTitle } from "../../components/layout/page-title";
import { myFamiliesQuery } from "../my-work/my-work-queries";
import { OurPlan } from "./our-plan";

const familyRoute = getRouteApi("/_authed/our-family/$familyId");

/** A family member's start page: their family's plan (or a choice, if they belong to more than one). */
export function OurFamilyPage() {
  const families = useQuery(myFamiliesQuery);
  const only = families.data?.length === 1 ? families.data[0] : undefined;
  usePageTitle("Our plan");
  if (families.isPending) return <Loading />;
  if (families.error) return <LoadFailed error={families.error} />;
  if (only) return <OurPlan familyId={only.id} />;
  return (
    <>
      <h1 className="govuk-heading-l">Our plan</h1>
      {families.data.length === 0 ? (
        <p className="govuk-body">
          Your account is not linked to a family yet. Ask the person helping your family.
        </p>
      ) : (
        <ul className="govuk-list govuk-list--spaced">
          {families.data.map((f) => (
            <li key={f.id}>
              <Link to="/our-family/$familyId" params={{ familyId: f.id }} className="govuk-link">
                {f.displayName}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export function OurFamilyByIdPage() {
  const { familyId } = familyRoute.useParams();
  usePageTitle("Our plan");
  return <OurPlan familyId={familyId} />;
}
