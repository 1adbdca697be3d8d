import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { api, unwrap } from "../../api/client";
import { authorityQuery } from "../../app/session";
import {
  Button,
  Checkboxes,
  DateInput,
  Input,
  Radios,
  Select,
  Textarea,
} from "../../components/govuk";
import { setFlash } from "../../components/layout/flash";
import { LoadFailed, Loading } from "../../components/layout/page-states";
import { usePageTitle } from "../../components/layout/page-title";
import { required } from "../../forms/field-errors";
import { FormProblems } from "../../forms/form-problems";
import { useApiForm } from "../../forms/use-api-form";
import { type DateParts, datePartsToIso, isoToDateParts, todayIso } from "../../lib/dates";
import { agenciesQuery, memberName } from "../consent/consent-queries";
import { familyQuery, membersQuery } from "../family/family-queries";
import { type NewChild, NewChildren } from "./new-children";

const newRoute = getRouteApi("/_authed/requests/new");

const fields = {
  receivingAgencyId: { id: "receivingAgencyId", label: "Service asked to help" },
  familyName: { id: "familyName", label: "Family name" },
  children: { id: "children", label: "Children" },
  childMemberIds: { id: "childMemberIds", label: "Children" },
  requesterKind: { id: "requesterKind", label: "Who asked" },
  requesterName: { id: "requesterName", label: "Who in the family asked" },
  requesterEmail: { id: "requesterEmail", label: "Their email address" },
  requestedOn: { id: "requestedOn-day", label: "Date of the request" },
  locality: { id: "locality", label: "Where the family lives" },
  worries: { id: "worries", label: "Worries" },
  familyKnows: { id: "familyKnows", label: "Does the family know" },
  familyAgrees: { id: "familyAgrees", label: "Does the family agree" },
};

const yesNoItems = [
  { value: "yes", label: "Yes" },
  { value: "no", label: "No" },
];

/** "Request help for a family": a family already known (from its page), or a new one. */
export function RequestHelpPage() {
  const { familyId } = newRoute.useSearch();
  const family = useQuery({ ...familyQuery(familyId ?? ""), enabled: familyId !== undefined });
  const members = useQuery({ ...membersQuery(familyId ?? ""), enabled: familyId !== undefined });
  usePageTitle("Request help for a family");
  if (familyId === undefined) return <RequestForm />;
  if (family.isPending || members.isPending) return <Loading />;
  if (family.error) return <LoadFailed error={family.error} />;
  if (members.error) return <LoadFailed error={members.error} />;
  const children = members.data.data
    .filter((m) => m.kind === "child")
    .map((m) => ({ value: m.id, label: memberName(m) }));
  return <RequestForm known={{ id: familyId, name: family.data.data.displayName, children }} />;
}

interface KnownFamily {
  id: string;
  name: string;
  children: { value: string; label: string }[];
}

function RequestForm({ known }: { known?: KnownFamily }) {
  const navigate = useNavigate();
  const agencies = useQuery(agenciesQuery);
  const authority = useQuery(authorityQuery);
  const [agencyId, setAgencyId] = useState("");
  const [familyName, setFamilyName] = useState("");
  const [children, setChildren] = useState<NewChild[]>([
    { givenName: "", familyName: "", dateOfBirth: { day: "", month: "", year: "" } },
  ]);
  const [childIds, setChildIds] = useState<string[]>([]);
  const [kind, setKind] = useState("practitioner");
  const [requesterName, setRequesterName] = useState("");
  const [requesterEmail, setRequesterEmail] = useState("");
  const [requestedOn, setRequestedOn] = useState<DateParts>(isoToDateParts(todayIso()));
  const [locality, setLocality] = useState("");
  const [worries, setWorries] = useState("");
  const [knows, setKnows] = useState("");
  const [agrees, setAgrees] = useState("");
  const named = children.filter((c) => c.givenName.trim() || c.familyName.trim());
  const day = datePartsToIso(requestedOn);
  const form = useApiForm({
    fields,
    validate: () =>
      required([
        ["receivingAgencyId", !agencyId, "Select the service you are asking to help"],
        ["familyName", !known && !familyName.trim(), "Enter a name for the family"],
        ["children", !known && named.length === 0, "Name at least one child"],
        [
          "childMemberIds",
          known !== undefined && childIds.length === 0,
          "Select at least one child",
        ],
        [
          "requesterName",
          kind === "family" && !requesterName.trim(),
          "Enter who in the family asked",
        ],
        ["requestedOn", day === null, "Enter the date of the request as a real date"],
        ["worries", !worries.trim(), "Enter the worries in a sentence or two"],
        ["familyKnows", !knows, "Select whether the family knows about this request"],
        ["familyAgrees", !agrees, "Select whether the family agrees to this request"],
      ]),
    submit: () =>
      unwrap(
        api.POST("/api/help-requests", {
          body: {
            receivingAgencyId: agencyId,
            ...(known
              ? { familyId: known.id, childMemberIds: childIds }
              : {
                  familyName,
                  children: named.map((c) => {
                    const dateOfBirth = datePartsToIso(c.dateOfBirth);
                    return {
                      givenName: c.givenName,
                      familyName: c.familyName,
                      ...(dateOfBirth ? { dateOfBirth } : {}),
                    };
                  }),
                }),
            requesterKind: kind === "family" ? "family" : "practitioner",
            ...(kind === "family" ? { requesterName } : {}),
            ...(kind === "family" && requesterEmail.trim()
              ? { requesterEmail: requesterEmail.trim() }
              : {}),
            requestedOn: day ?? "",
            ...(locality ? { locality } : {}),
            worries,
            familyKnows: knows === "yes",
            familyAgrees: agrees === "yes",
          },
        }),
      ),
    onSuccess: async ({ data }) => {
      setFlash(`/requests/${data.id}`, "Request sent", [
        `${data.receivingAgency.name} will decide on it. You can see their answer here.`,
      ]);
      await navigate({ to: "/requests/$requestId", params: { requestId: data.id } });
    },
  });
  const agencyOptions = [
    { value: "", label: "Choose a service" },
    ...(agencies.data ?? []).filter((a) => a.active).map((a) => ({ value: a.id, label: a.name })),
  ];
  const localities = authority.data?.localities ?? [];
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <FormProblems form={form} />
        <h1 className="govuk-heading-l">Request help for {known ? known.name : "a family"}</h1>
        <form noValidate onSubmit={form.handleSubmit(undefined)}>
          <Select
            id="receivingAgencyId"
            label="Which service are you asking to help?"
            labelClassName="govuk-label--m"
            options={agencyOptions}
            value={agencyId}
            onChange={setAgencyId}
            error={form.fieldError("receivingAgencyId")}
          />
          {known ? (
            <Checkboxes
              id="childMemberIds"
              legend="Which children is this about?"
              legendSize="m"
              items={known.children}
              values={childIds}
              onChange={setChildIds}
              error={form.fieldError("childMemberIds")}
            />
          ) : (
            <>
              <Input
                id="familyName"
                label="Family name"
                labelClassName="govuk-label--m"
                hint="For example ‘The Ashdown family’."
                value={familyName}
                onChange={setFamilyName}
                error={form.fieldError("familyName")}
              />
              <NewChildren
                rows={children}
                onChange={setChildren}
                error={form.fieldError("children")}
              />
            </>
          )}
          {localities.length > 0 ? (
            <Select
              id="locality"
              label="Where does the family live?"
              labelClassName="govuk-label--m"
              hint="The locality (area team) of the family's home, if you know it."
              options={[
                { value: "", label: "Not known" },
                ...localities.map((l) => ({ value: l, label: l })),
              ]}
              value={locality}
              onChange={setLocality}
              error={form.fieldError("locality")}
            />
          ) : null}
          <Radios
            id="requesterKind"
            legend="Who asked for help?"
            legendSize="m"
            items={[
              { value: "practitioner", label: "I did, as a practitioner" },
              { value: "family", label: "The family asked" },
            ]}
            value={kind}
            onChange={setKind}
            error={form.fieldError("requesterKind")}
          />
          {kind === "family" ? (
            <Input
              id="requesterName"
              label="Who in the family asked?"
              hint="For example ‘Mia's mum, Sarah’."
              value={requesterName}
              onChange={setRequesterName}
              error={form.fieldError("requesterName")}
            />
          ) : null}
          {kind === "family" ? (
            <Input
              id="requesterEmail"
              label="Their email address (optional)"
              hint="We will email them when the service has decided, in plain words and without any details of the request."
              type="email"
              spellCheck={false}
              autoComplete="off"
              value={requesterEmail}
              onChange={setRequesterEmail}
              error={form.fieldError("requesterEmail")}
            />
          ) : null}
          <DateInput
            id="requestedOn"
            legend="When was help asked for?"
            legendSize="m"
            hint="Today or earlier."
            value={requestedOn}
            onChange={setRequestedOn}
            error={form.fieldError("requestedOn")}
          />
          <Textarea
            id="worries"
            label="What are the worries?"
            labelClassName="govuk-label--m"
            hint="A sentence or a short paragraph, in plain words."
            value={worries}
            onChange={setWorries}
            error={form.fieldError("worries")}
          />
          <Radios
            id="familyKnows"
            legend="Does the family know about this request?"
            legendSize="s"
            inline
            items={yesNoItems}
            value={knows}
            onChange={setKnows}
            error={form.fieldError("familyKnows")}
          />
          <Radios
            id="familyAgrees"
            legend="Does the family agree to it?"
            legendSize="s"
            inline
            items={yesNoItems}
            value={agrees}
            onChange={setAgrees}
            error={form.fieldError("familyAgrees")}
          />
          <div className="govuk-button-group">
            <Button type="submit" disabled={form.pending}>
              Send the request
            </Button>
            <Link to="/requests" className="govuk-link">
              Cancel
            </Link>
          </div>
        </form>
      </div>
    </div>
  );
}
