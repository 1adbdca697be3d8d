import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { api, unwrap } from "../../api/client";
import type { FamilyMember, OutcomeArea } from "../../api/types";
import { Button, Checkboxes, DateInput, Input, SingleCheckbox } from "../../components/govuk";
import { setFlash } from "../../components/layout/flash";
import { LoadFailed } from "../../components/layout/page-states";
import { usePageTitle } from "../../components/layout/page-title";
import { required } from "../../forms/field-errors";
import { FormProblems } from "../../forms/form-problems";
import { useApiForm } from "../../forms/use-api-form";
import { datePartsToIso, isDateEmpty, isoToDateParts } from "../../lib/dates";
import { outcomeAreaLabels } from "../../lib/labels";
import { membersQuery, useFamilyId, useRefreshFamily } from "./family-queries";
import {
  detailFields,
  detailsToCreate,
  detailsToUpdate,
  initialDetails,
  MemberDetailsFields,
} from "./member-details-fields";

const newRoute = getRouteApi("/_authed/families/$familyId/members/new");
const editRoute = getRouteApi("/_authed/families/$familyId/members/$memberId/edit");

const fields = {
  givenName: { id: "givenName", label: "First name" },
  familyName: { id: "familyName", label: "Last name" },
  dateOfBirth: { id: "dateOfBirth-day", label: "Date of birth" },
  relationship: { id: "relationship", label: "Relationship to the children" },
  needs: { id: "needs", label: "Needs" },
  ...detailFields,
};

const needItems = (Object.keys(outcomeAreaLabels) as OutcomeArea[]).map((value) => ({
  value,
  label: outcomeAreaLabels[value],
}));

export function NewMemberPage() {
  const { kind } = newRoute.useSearch();
  return <MemberForm kind={kind === "adult" ? "adult" : "child"} />;
}

export function EditMemberPage() {
  const familyId = useFamilyId();
  const { memberId } = editRoute.useParams();
  const members = useQuery(membersQuery(familyId));
  const member = members.data?.data.find((m) => m.id === memberId);
  if (members.error) return <LoadFailed error={members.error} />;
  if (!members.data) return null;
  if (!member) return <LoadFailed error={new Error("not found")} />;
  return <MemberForm key={member.version} kind={member.kind} member={member} />;
}

function MemberForm({ kind, member }: { kind: "child" | "adult"; member?: FamilyMember }) {
  const familyId = useFamilyId();
  const refresh = useRefreshFamily(familyId);
  const navigate = useNavigate();
  const [givenName, setGivenName] = useState(member?.givenName ?? "");
  const [familyName, setFamilyName] = useState(member?.familyName ?? "");
  const [dob, setDob] = useState(isoToDateParts(member?.dateOfBirth));
  const [details, setDetails] = useState(initialDetails(member));
  const [relationship, setRelationship] = useState(member?.relationship ?? "");
  const [parental, setParental] = useState(member?.parentalResponsibility ?? false);
  const [competent, setCompetent] = useState(member?.judgedCompetent ?? false);
  const [needs, setNeeds] = useState<string[]>(member?.needs ?? []);
  const dateOfBirth = datePartsToIso(dob);
  const form = useApiForm({
    fields,
    validate: () =>
      required([
        ["givenName", !givenName.trim(), "Enter their first name"],
        ["familyName", !familyName.trim(), "Enter their last name"],
        ["dateOfBirth", kind === "child" && isDateEmpty(dob), "Enter the child's date of birth"],
        [
          "dateOfBirth",
          !isDateEmpty(dob) && dateOfBirth === null,
          "Date of birth must be a real date",
        ],
        [
          "relationship",
          kind === "adult" && !relationship.trim(),
          "Enter their relationship to the children, for example ‘mother’",
        ],
      ]),
    submit: () => save(),
    onSuccess: async () => {
      await refresh();
      setFlash(
        `/families/${familyId}/members`,
        member ? "Details saved" : `${givenName} ${familyName} added`,
      );
      await navigate({ to: "/families/$familyId/members", params: { familyId } });
    },
  });
  const chosenNeeds = needs as OutcomeArea[];
  function save() {
    const params = { path: { familyId } };
    if (member) {
      const common = {
        version: member.version,
        givenName,
        familyName,
        needs: chosenNeeds,
        dateOfBirth,
      };
      const body =
        kind === "child"
          ? { ...common, ...detailsToUpdate(details), judgedCompetent: competent }
          : {
              ...common,
              ...detailsToUpdate(details),
              relationship,
              parentalResponsibility: parental,
            };
      return unwrap(
        api.PATCH("/api/families/{familyId}/members/{memberId}", {
          params: { path: { familyId, memberId: member.id } },
          body,
        }),
      );
    }
    const body =
      kind === "child"
        ? {
            kind,
            givenName,
            familyName,
            dateOfBirth: dateOfBirth ?? "",
            needs: chosenNeeds,
            judgedCompetent: competent,
            ...detailsToCreate(details),
          }
        : {
            kind,
            givenName,
            familyName,
            relationship,
            parentalResponsibility: parental,
            needs: chosenNeeds,
            ...detailsToCreate(details),
            ...(dateOfBirth ? { dateOfBirth } : {}),
          };
    return unwrap(api.POST("/api/families/{familyId}/members", { params, body }));
  }
  const title = member
    ? `Change ${member.givenName} ${member.familyName}'s details`
    : kind === "child"
      ? "Add a child"
      : "Add an adult";
  usePageTitle(title, form.errors !== null);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <FormProblems form={form} onReload={refresh} />
        <h1 className="govuk-heading-l">{title}</h1>
        <form noValidate onSubmit={form.handleSubmit(undefined)}>
          <Input
            id="givenName"
            label="First name"
            autoComplete="off"
            value={givenName}
            onChange={setGivenName}
            error={form.fieldError("givenName")}
          />
          <Input
            id="familyName"
            label="Last name"
            autoComplete="off"
            value={familyName}
            onChange={setFamilyName}
            error={form.fieldError("familyName")}
          />
          {kind === "adult" ? (
            <Input
              id="relationship"
              label="Relationship to the children"
              hint="For example, mother, grandfather, foster carer."
              value={relationship}
              onChange={setRelationship}
              error={form.fieldError("relationship")}
            />
          ) : null}
          <DateInput
            id="dateOfBirth"
            legend={kind === "child" ? "Date of birth" : "Date of birth (optional)"}
            hint={kind === "child" ? "For example, 27 3 2015" : "For example, 14 6 1988"}
            value={dob}
            onChange={setDob}
            error={form.fieldError("dateOfBirth")}
          />
          {kind === "child" ? (
            <SingleCheckbox
              id="judgedCompetent"
              label="Judged competent to make their own decisions about sharing information"
              checked={competent}
              onChange={setCompetent}
            />
          ) : (
            <SingleCheckbox
              id="parentalResponsibility"
              label="Has parental responsibility"
              checked={parental}
              onChange={setParental}
            />
          )}
          <Checkboxes
            id="needs"
            legend="Needs"
            legendSize="s"
            hint="Select all that apply."
            small
            items={needItems}
            values={needs}
            onChange={setNeeds}
            error={form.fieldError("needs")}
          />
          <MemberDetailsFields value={details} onChange={setDetails} fieldError={form.fieldError} />
          <div className="govuk-button-group">
            <Button type="submit" disabled={form.pending}>
              {member ? "Save changes" : kind === "child" ? "Add child" : "Add adult"}
            </Button>
            <Link to="/families/$familyId/members" params={{ familyId }} className="govuk-link">
              Cancel
            </Link>
          </div>
        </form>
      </div>
    </div>
  );
}
