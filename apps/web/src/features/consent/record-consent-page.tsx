import { useQuery } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { api, unwrap } from "../../api/client";
import type { ConsentMethod, InformationKind } from "../../api/types";
import { Button, Checkboxes, DateInput, Radios, Textarea } from "../../components/govuk";
import { setFlash } from "../../components/layout/flash";
import { usePageTitle } from "../../components/layout/page-title";
import { required } from "../../forms/field-errors";
import { FormProblems } from "../../forms/form-problems";
import { useApiForm } from "../../forms/use-api-form";
import { datePartsToIso, dayToTimestamp, emptyDate, isDateEmpty } from "../../lib/dates";
import { consentMethodLabels, informationKindLabels } from "../../lib/labels";
import { membersQuery, useFamilyId, useRefreshFamily } from "../family/family-queries";
import { agenciesQuery, memberName } from "./consent-queries";

const fields = {
  givenByMemberId: { id: "givenByMemberId", label: "Who gave or refused consent" },
  decision: { id: "decision", label: "Decision" },
  coversMemberIds: { id: "coversMemberIds", label: "Whose information" },
  agencyIds: { id: "agencyIds", label: "Agencies" },
  informationKinds: { id: "informationKinds", label: "Kinds of information" },
  withheld: { id: "withheld", label: "Information not to be shared" },
  method: { id: "method", label: "How consent was obtained" },
  obtainedAt: { id: "obtainedAt-day", label: "Date obtained" },
  reviewDate: { id: "reviewDate-day", label: "Review date" },
};

const kindItems = (Object.keys(informationKindLabels) as InformationKind[]).map((value) => ({
  value,
  label: informationKindLabels[value],
}));
const methodItems = (Object.keys(consentMethodLabels) as ConsentMethod[]).map((value) => ({
  value,
  label: consentMethodLabels[value],
}));

export function RecordConsentPage() {
  const familyId = useFamilyId();
  const members = useQuery(membersQuery(familyId));
  const agencies = useQuery(agenciesQuery);
  const refresh = useRefreshFamily(familyId);
  const navigate = useNavigate();
  const [givenBy, setGivenBy] = useState("");
  const [decision, setDecision] = useState("");
  const [covers, setCovers] = useState<string[]>([]);
  const [agencyIds, setAgencyIds] = useState<string[]>([]);
  const [kinds, setKinds] = useState<string[]>([]);
  const [withheld, setWithheld] = useState("");
  const [method, setMethod] = useState("");
  const [obtained, setObtained] = useState(emptyDate);
  const [review, setReview] = useState(emptyDate);
  const obtainedDay = datePartsToIso(obtained);
  const reviewDay = datePartsToIso(review);
  const form = useApiForm({
    fields,
    validate: () =>
      required([
        ["givenByMemberId", !givenBy, "Select who gave or refused consent"],
        ["decision", !decision, "Select whether consent was given or refused"],
        ["coversMemberIds", covers.length === 0, "Select whose information the consent covers"],
        ["agencyIds", agencyIds.length === 0, "Select at least one agency"],
        ["informationKinds", kinds.length === 0, "Select at least one kind of information"],
        ["method", !method, "Select how consent was obtained"],
        ["obtainedAt", obtainedDay === null, "Enter the date consent was obtained, as a real date"],
        [
          "reviewDate",
          !isDateEmpty(review) && reviewDay === null,
          "Review date must be a real date",
        ],
      ]),
    submit: () =>
      unwrap(
        api.POST("/api/families/{familyId}/consents", {
          params: { path: { familyId } },
          body: {
            givenByMemberId: givenBy,
            decision: decision === "refused" ? "refused" : "given",
            coversMemberIds: covers,
            agencyIds,
            informationKinds: kinds as InformationKind[],
            method: method as ConsentMethod,
            obtainedAt: dayToTimestamp(obtainedDay ?? ""),
            ...(withheld.trim() ? { withheld } : {}),
            ...(reviewDay ? { reviewDate: reviewDay } : {}),
          },
        }),
      ),
    onSuccess: async () => {
      await refresh();
      setFlash(
        `/families/${familyId}/consents`,
        decision === "refused" ? "Refusal recorded" : "Consent recorded",
      );
      await navigate({ to: "/families/$familyId/consents", params: { familyId } });
    },
  });
  usePageTitle("Record consent", form.errors !== null);
  const people = members.data?.data ?? [];
  // Only those the consent rule lets give consent are offered (the API says who).
  const givers = people.filter((m) => m.canGiveConsent);
  const activeAgencies = (agencies.data ?? []).filter((a) => a.active);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <FormProblems form={form} />
        <h1 className="govuk-heading-l">Record consent to share information</h1>
        <form noValidate onSubmit={form.handleSubmit(undefined)}>
          <Radios
            id="givenByMemberId"
            legend="Who gave or refused consent?"
            legendSize="m"
            hint="A parent with parental responsibility, or a young person of 16 or more, or judged competent, for themselves. Others in the family cannot give consent."
            items={givers.map((m) => ({
              value: m.id,
              label: memberName(m),
              hint: m.kind === "adult" ? (m.relationship ?? undefined) : "Young person",
            }))}
            value={givenBy}
            onChange={setGivenBy}
            error={form.fieldError("givenByMemberId")}
          />
          <Radios
            id="decision"
            legend="Did they give consent?"
            legendSize="m"
            inline
            items={[
              { value: "given", label: "Given" },
              { value: "refused", label: "Refused" },
            ]}
            value={decision}
            onChange={setDecision}
            error={form.fieldError("decision")}
          />
          <Checkboxes
            id="coversMemberIds"
            legend="Whose information does it cover?"
            legendSize="m"
            hint="A parent's consent covers themselves and the family's children. A young person's covers only themselves."
            small
            items={people.map((m) => ({ value: m.id, label: memberName(m) }))}
            values={covers}
            onChange={setCovers}
            error={form.fieldError("coversMemberIds")}
          />
          <Checkboxes
            id="agencyIds"
            legend="Which agencies may receive information?"
            legendSize="m"
            small
            items={activeAgencies.map((a) => ({ value: a.id, label: a.name }))}
            values={agencyIds}
            onChange={setAgencyIds}
            error={form.fieldError("agencyIds")}
          />
          <Checkboxes
            id="informationKinds"
            legend="What kinds of information?"
            legendSize="m"
            small
            items={kindItems}
            values={kinds}
            onChange={setKinds}
            error={form.fieldError("informationKinds")}
          />
          <Textarea
            id="withheld"
            label="Is there anything they asked not to be shared? (optional)"
            labelClassName="govuk-label--m"
            hint="Say what, and with whom."
            rows={3}
            value={withheld}
            onChange={setWithheld}
            error={form.fieldError("withheld")}
          />
          <Radios
            id="method"
            legend="How was consent obtained?"
            legendSize="m"
            items={methodItems}
            value={method}
            onChange={setMethod}
            error={form.fieldError("method")}
          />
          <DateInput
            id="obtainedAt"
            legend="When was it obtained?"
            legendSize="m"
            hint="For example, 14 11 2026"
            value={obtained}
            onChange={setObtained}
            error={form.fieldError("obtainedAt")}
          />
          <DateInput
            id="reviewDate"
            legend="When should it be reviewed? (optional)"
            legendSize="m"
            hint="Leave blank for a year after it was obtained."
            value={review}
            onChange={setReview}
            error={form.fieldError("reviewDate")}
          />
          <div className="govuk-button-group">
            <Button type="submit" disabled={form.pending}>
              Save consent
            </Button>
            <Link to="/families/$familyId/consents" params={{ familyId }} className="govuk-link">
              Cancel
            </Link>
          </div>
        </form>
      </div>
    </div>
  );
}
