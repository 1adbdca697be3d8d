import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { api, unwrap } from "../../api/client";
import { authorityQuery } from "../../app/session";
import { Button, Radios, Textarea } from "../../components/govuk";
import { setFlash } from "../../components/layout/flash";
import { LoadFailed } from "../../components/layout/page-states";
import { usePageTitle } from "../../components/layout/page-title";
import { required } from "../../forms/field-errors";
import { FormProblems } from "../../forms/form-problems";
import { useApiForm } from "../../forms/use-api-form";
import { teamQuery, useFamilyId, useRefreshFamily } from "../family/family-queries";

const removeRoute = getRouteApi("/_authed/families/$familyId/team/$membershipId/remove");

function useBackToTeam(familyId: string) {
  const refresh = useRefreshFamily(familyId);
  const navigate = useNavigate();
  return async (heading: string) => {
    await refresh();
    setFlash(`/families/${familyId}/team`, heading);
    await navigate({ to: "/families/$familyId/team", params: { familyId } });
  };
}

export function RemoveTeamMemberPage() {
  const familyId = useFamilyId();
  const { membershipId } = removeRoute.useParams();
  const team = useQuery(teamQuery(familyId));
  const member = team.data?.data.find((m) => m.id === membershipId);
  const back = useBackToTeam(familyId);
  const [reason, setReason] = useState("");
  const form = useApiForm({
    fields: { reason: { id: "reason", label: "Reason" } },
    validate: () => required([["reason", !reason.trim(), "Enter why they are leaving the team"]]),
    submit: () =>
      unwrap(
        api.POST("/api/families/{familyId}/team/{membershipId}/remove", {
          params: { path: { familyId, membershipId } },
          body: { reason },
        }),
      ),
    onSuccess: () => back(`${member?.displayName ?? "They"} has left the team`),
  });
  usePageTitle(
    `Remove ${member?.displayName ?? "a practitioner"} from the team`,
    form.errors !== null,
  );
  if (team.error) return <LoadFailed error={team.error} />;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <FormProblems form={form} />
        <h1 className="govuk-heading-l">
          Remove {member?.displayName ?? "a practitioner"} from the team
        </h1>
        <p className="govuk-body">
          They will lose access to the family's record straight away, including any meeting or plan
          they have open.
        </p>
        <form noValidate onSubmit={form.handleSubmit(undefined)}>
          <Textarea
            id="reason"
            label="Why are they leaving the team?"
            labelClassName="govuk-label--s"
            value={reason}
            onChange={setReason}
            error={form.fieldError("reason")}
            rows={3}
          />
          <div className="govuk-button-group">
            <Button type="submit" variant="warning" disabled={form.pending}>
              Remove from the team
            </Button>
            <Link to="/families/$familyId/team" params={{ familyId }} className="govuk-link">
              Cancel
            </Link>
          </div>
        </form>
      </div>
    </div>
  );
}

export function HandOverLeadPage() {
  const familyId = useFamilyId();
  const team = useQuery(teamQuery(familyId));
  const authority = useQuery(authorityQuery);
  const back = useBackToTeam(familyId);
  const [membershipId, setMembershipId] = useState("");
  const title = authority.data?.leadProfessionalTitle ?? "Lead professional";
  const candidates =
    team.data?.data.filter((m) => !m.removedAt && m.role !== "lead_professional") ?? [];
  const chosen = candidates.find((m) => m.id === membershipId);
  const form = useApiForm({
    fields: { membershipId: { id: "membershipId", label: `New ${title.toLowerCase()}` } },
    validate: () =>
      required([["membershipId", !membershipId, `Select who will be the ${title.toLowerCase()}`]]),
    submit: () =>
      unwrap(
        api.POST("/api/families/{familyId}/team/lead", {
          params: { path: { familyId } },
          body: { membershipId },
        }),
      ),
    onSuccess: () => back(`${chosen?.displayName ?? "They"} is now the ${title.toLowerCase()}`),
  });
  usePageTitle(`Hand over the ${title.toLowerCase()} role`, form.errors !== null);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <FormProblems form={form} />
        <form noValidate onSubmit={form.handleSubmit(undefined)}>
          <Radios
            id="membershipId"
            legend={`Who will be the ${title.toLowerCase()}?`}
            legendSize="l"
            isPageHeading
            hint="You will stay in the team as a team member."
            items={candidates.map((m) => ({
              value: m.id,
              label: m.displayName,
              hint: m.agency?.name,
            }))}
            value={membershipId}
            onChange={setMembershipId}
            error={form.fieldError("membershipId")}
          />
          <div className="govuk-button-group">
            <Button type="submit" disabled={form.pending}>
              Hand over
            </Button>
            <Link to="/families/$familyId/team" params={{ familyId }} className="govuk-link">
              Cancel
            </Link>
          </div>
        </form>
      </div>
    </div>
  );
}
