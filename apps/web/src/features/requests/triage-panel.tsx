import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api, unwrap } from "../../api/client";
import { authorityQuery } from "../../app/session";
import { Button, Input, Radios, Select, Textarea } from "../../components/govuk";
import { usePageTitle } from "../../components/layout/page-title";
import { required } from "../../forms/field-errors";
import { FormProblems } from "../../forms/form-problems";
import { useApiForm } from "../../forms/use-api-form";
import { agenciesQuery } from "../consent/consent-queries";
import { type HelpRequest, requestsKey, staffDirectoryQuery } from "./request-queries";

type Decision = "accept" | "signpost" | "not_accepted";

/** "Not known", chosen on purpose when the asker's locality has been removed since. */
const notKnown = "not-known";

const fields = {
  decision: { id: "decision", label: "Decision" },
  leadUserId: { id: "leadUserId", label: "Lead professional" },
  levelOfNeed: { id: "levelOfNeed", label: "Level of need" },
  locality: { id: "locality", label: "Locality" },
  signpostedTo: { id: "signpostedTo", label: "Service signposted to" },
  reason: { id: "reason", label: "Reason" },
};

/** The receiving service decides: accept with a lead, signpost elsewhere, or not accept. */
export function TriagePanel({ request }: { request: HelpRequest }) {
  const queryClient = useQueryClient();
  const authority = useQuery(authorityQuery);
  const agencies = useQuery(agenciesQuery);
  const [leadAgency, setLeadAgency] = useState(request.receivingAgency.id);
  const staff = useQuery(staffDirectoryQuery(leadAgency));
  const [decision, setDecision] = useState("");
  const [lead, setLead] = useState("");
  const [level, setLevel] = useState("");
  // A new family takes the asker's locality unless triage changes it; a known family keeps its own.
  const newFamily = request.familyId === null;
  const [locality, setLocality] = useState(newFamily ? (request.locality ?? "") : "");
  const [signpostedTo, setSignpostedTo] = useState("");
  const [reason, setReason] = useState("");
  const localities = authority.data?.localities ?? [];
  // The asker's locality removed from the authority's list since: the decision says where the family lives now.
  const askedLocalityGone =
    newFamily &&
    request.locality !== null &&
    authority.data !== undefined &&
    !localities.includes(request.locality);
  const shownLocality = askedLocalityGone && locality === request.locality ? "" : locality;
  const form = useApiForm({
    fields,
    validate: () =>
      required([
        ["decision", !decision, "Select a decision"],
        ["leadUserId", decision === "accept" && !lead, "Choose the lead professional"],
        ["levelOfNeed", decision === "accept" && !level, "Select the family's level of need"],
        [
          "locality",
          decision === "accept" && askedLocalityGone && !shownLocality,
          "Select where the family lives now, or ‘Not known’",
        ],
        ["signpostedTo", decision === "signpost" && !signpostedTo.trim(), "Enter the service"],
        [
          "reason",
          decision !== "accept" && !reason.trim(),
          "Enter the reason, for the person who asked",
        ],
      ]),
    submit: () =>
      unwrap(
        api.POST("/api/help-requests/{requestId}/triage", {
          params: { path: { requestId: request.id } },
          body: bodyFor(decision as Decision, request.version, {
            lead,
            level,
            locality: shownLocality === notKnown ? "" : shownLocality,
            newFamily,
            signpostedTo,
            reason,
          }),
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: requestsKey }),
  });
  usePageTitle(`Request for help – ${request.familyName}`, form.errors !== null);
  const leads = [
    { value: "", label: "Choose a practitioner" },
    ...(staff.data ?? []).map((p) => ({
      value: p.id,
      label: `${p.displayName}, ${p.agency.name}${p.jobTitle ? ` (${p.jobTitle})` : ""}`,
    })),
  ];
  const levels = (authority.data?.levelsOfNeed ?? []).map((l) => ({
    value: String(l.level),
    label: `${l.level} – ${l.label}`,
    hint: l.description,
  }));
  const reload = () => queryClient.invalidateQueries({ queryKey: requestsKey });
  return (
    <form noValidate onSubmit={form.handleSubmit(undefined)} aria-labelledby="triage-heading">
      <h2 className="govuk-heading-m" id="triage-heading">
        Decide on this request
      </h2>
      <FormProblems form={form} onReload={reload} />
      <Radios
        id="decision"
        legend="What is your decision?"
        legendSize="s"
        items={[
          { value: "accept", label: "Accept: allocate a lead professional and open a case" },
          { value: "signpost", label: "Signpost the family to another service" },
          { value: "not_accepted", label: "Not accepted" },
        ]}
        value={decision}
        onChange={setDecision}
        error={form.fieldError("decision")}
      />
      {decision === "accept" ? (
        <>
          <Select
            id="leadAgency"
            label="Lead professional's service"
            options={(agencies.data ?? [])
              .filter((a) => a.active)
              .map((a) => ({ value: a.id, label: a.name }))}
            value={leadAgency}
            onChange={(value) => {
              setLeadAgency(value);
              setLead("");
            }}
          />
          <Select
            id="leadUserId"
            label="Lead professional"
            hint="A practitioner from the staff directory."
            options={leads}
            value={lead}
            onChange={setLead}
            error={form.fieldError("leadUserId")}
          />
          <Radios
            id="levelOfNeed"
            legend="Level of need"
            legendSize="s"
            items={levels}
            value={level}
            onChange={setLevel}
            error={form.fieldError("levelOfNeed")}
          />
          {localities.length > 0 ? (
            <Select
              id="locality"
              label="Locality"
              hint={
                askedLocalityGone
                  ? `Where the family lives now. The person who asked said: ${request.locality}, which is no longer one of your authority's localities.`
                  : newFamily
                    ? `Where the family lives. The person who asked said: ${request.locality ?? "not known"}.`
                    : "Where the family lives, if it has changed. ‘Not recorded’ keeps the family's own."
              }
              options={[
                ...(askedLocalityGone
                  ? [
                      { value: "", label: "Choose a locality" },
                      { value: notKnown, label: "Not known" },
                    ]
                  : [{ value: "", label: newFamily ? "Not known" : "Not recorded" }]),
                ...localities.map((l) => ({ value: l, label: l })),
              ]}
              value={shownLocality}
              onChange={setLocality}
              error={form.fieldError("locality")}
            />
          ) : null}
        </>
      ) : null}
      {decision === "signpost" ? (
        <Input
          id="signpostedTo"
          label="Which service was the family signposted to?"
          value={signpostedTo}
          onChange={setSignpostedTo}
          error={form.fieldError("signpostedTo")}
        />
      ) : null}
      {decision === "signpost" || decision === "not_accepted" ? (
        <Textarea
          id="reason"
          label="Reason"
          hint="The person who asked will read this."
          value={reason}
          onChange={setReason}
          error={form.fieldError("reason")}
        />
      ) : null}
      <Button type="submit" disabled={form.pending}>
        Record the decision
      </Button>
    </form>
  );
}

function bodyFor(
  decision: Decision,
  version: number,
  v: {
    lead: string;
    level: string;
    locality: string;
    newFamily: boolean;
    signpostedTo: string;
    reason: string;
  },
) {
  if (decision === "accept") {
    // A new family's locality is always said (null: not known), so the asker's is not assumed.
    const locality = v.locality || v.newFamily ? { locality: v.locality || null } : {};
    return { decision, leadUserId: v.lead, levelOfNeed: Number(v.level), ...locality, version };
  }
  if (decision === "signpost") {
    return { decision, signpostedTo: v.signpostedTo, reason: v.reason, version };
  }
  return { decision, reason: v.reason, version };
}
