import { useQuery } from "@tanstack/react-query";
import { meQuery } from "../../app/session";
import { useFamilyRefusal } from "../connection/live-connections";
import { familyQuery } from "../family/family-queries";
import { LiveDocumentPanel } from "./live-document-panel";

/**
 * The family's view of the live documents: the plan in words (read only for
 * them) and their own words (theirs to write). Practitioners' notes are never
 * opened: the API says "none" for them, and the server refuses them anyway.
 */
export function FamilyLiveDocuments({ familyId }: { familyId: string }) {
  const family = useQuery(familyQuery(familyId));
  const me = useQuery(meQuery);
  const refusal = useFamilyRefusal(familyId);
  if (!family.data || !me.data) return null;
  if (refusal) {
    return (
      <p className="govuk-body govuk-!-font-weight-bold" data-testid="access-ended">
        {refusal.message}
      </p>
    );
  }
  const { documents } = family.data;
  return (
    <div className="app-plan-documents app-plan-documents--stacked">
      {(["plan", "voice"] as const).map((kind) => (
        <LiveDocumentPanel
          key={kind}
          familyId={familyId}
          kind={kind}
          access={documents[kind]}
          audience="family"
          me={{ name: me.data.data.displayName }}
        />
      ))}
    </div>
  );
}
