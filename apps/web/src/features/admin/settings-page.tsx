import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api, unwrap } from "../../api/client";
import type { Authority } from "../../api/types";
import { authorityQuery, meQuery } from "../../app/session";
import { Button, Fieldset, Input, NotificationBanner, Radios } from "../../components/govuk";
import { LoadFailed, Loading } from "../../components/layout/page-states";
import { usePageTitle } from "../../components/layout/page-title";
import { FormProblems } from "../../forms/form-problems";
import { useApiForm } from "../../forms/use-api-form";
import { type JourneySettings, JourneySettingsFields } from "./journey-settings-fields";
import { LevelsOfNeedFields } from "./levels-of-need-fields";
import {
  type OversightSettings,
  OversightSettingsFields,
  oversightSettingsBody,
  oversightSettingsOf,
} from "./oversight-settings-fields";
import {
  RetentionSettingsFields,
  retentionFields,
  retentionSettingsBody,
  retentionSettingsOf,
} from "./retention-settings-fields";

export function SettingsPage() {
  usePageTitle("Authority settings");
  const authority = useQuery(authorityQuery);
  if (authority.isPending) return <Loading />;
  if (authority.error) return <LoadFailed error={authority.error} />;
  // Starts again when the settings change, but not for a new version alone (the "saved" banner stays).
  const settings = JSON.stringify({ ...authority.data, version: undefined });
  return <SettingsForm key={settings} authority={authority.data} />;
}

const fields = {
  levelsOfNeed: { id: "level-1-label", label: "Levels of need" },
  reviewMinWeeks: { id: "reviewMinWeeks", label: "Earliest review" },
  reviewMaxWeeks: { id: "reviewMaxWeeks", label: "Latest review" },
  leadProfessionalTitle: { id: "leadProfessionalTitle", label: "Lead professional's title" },
  requireStaffTotp: { id: "requireStaffTotp", label: "Two-step verification" },
  noticeFamilyNames: { id: "noticeFamilyNames", label: "Family names in emails" },
  assessmentSignOffRequired: { id: "assessmentSignOffRequired", label: "Assessment sign-off" },
  closureSignOffRequired: { id: "closureSignOffRequired", label: "Closure sign-off" },
  planSignOffRequired: { id: "planSignOffRequired", label: "Plan sign-off" },
  firstTacWorkingDays: { id: "firstTacWorkingDays", label: "First TAC meeting" },
  scoreLowLabel: { id: "scoreLowLabel", label: "What 0 means" },
  scoreHighLabel: { id: "scoreHighLabel", label: "What 10 means" },
  triageTargetWorkingDays: { id: "triageTargetWorkingDays", label: "Triage target" },
  assessmentTargetWorkingDays: { id: "assessmentTargetWorkingDays", label: "Assessment target" },
  actionOverdueDays: { id: "actionOverdueDays", label: "Overdue actions" },
  localities: { id: "localities", label: "Localities" },
  ...retentionFields,
};

function SettingsForm({ authority }: { authority: Authority }) {
  const queryClient = useQueryClient();
  const [levels, setLevels] = useState(authority.levelsOfNeed);
  const [minWeeks, setMinWeeks] = useState(String(authority.reviewMinWeeks));
  const [maxWeeks, setMaxWeeks] = useState(String(authority.reviewMaxWeeks));
  const [title, setTitle] = useState(authority.leadProfessionalTitle);
  const [totp, setTotp] = useState(authority.requireStaffTotp ? "yes" : "no");
  const [familyNames, setFamilyNames] = useState(authority.noticeFamilyNames ? "yes" : "no");
  const [journey, setJourney] = useState<JourneySettings>({
    assessmentSignOffRequired: authority.assessmentSignOffRequired ? "yes" : "no",
    closureSignOffRequired: authority.closureSignOffRequired ? "yes" : "no",
    planSignOffRequired: authority.planSignOffRequired ? "yes" : "no",
    firstTacWorkingDays: String(authority.firstTacWorkingDays),
    scoreLowLabel: authority.scoreLowLabel,
    scoreHighLabel: authority.scoreHighLabel,
  });
  const [oversight, setOversight] = useState<OversightSettings>(oversightSettingsOf(authority));
  const [retention, setRetention] = useState(retentionSettingsOf(authority));
  const form = useApiForm({
    fields,
    submit: () =>
      unwrap(
        api.PATCH("/api/authority", {
          body: {
            version: authority.version,
            levelsOfNeed: levels,
            reviewMinWeeks: Number(minWeeks),
            reviewMaxWeeks: Number(maxWeeks),
            leadProfessionalTitle: title,
            requireStaffTotp: totp === "yes",
            noticeFamilyNames: familyNames === "yes",
            assessmentSignOffRequired: journey.assessmentSignOffRequired === "yes",
            closureSignOffRequired: journey.closureSignOffRequired === "yes",
            planSignOffRequired: journey.planSignOffRequired === "yes",
            firstTacWorkingDays: Number(journey.firstTacWorkingDays),
            scoreLowLabel: journey.scoreLowLabel,
            scoreHighLabel: journey.scoreHighLabel,
            ...oversightSettingsBody(oversight),
            ...retentionSettingsBody(retention),
          },
        }),
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: authorityQuery.queryKey });
      await queryClient.invalidateQueries({ queryKey: meQuery.queryKey });
    },
  });
  return (
    <>
      <FormProblems
        form={form}
        onReload={async () => {
          await queryClient.invalidateQueries({ queryKey: authorityQuery.queryKey });
          form.reset();
        }}
      />
      {form.result && !form.pending ? (
        <NotificationBanner type="success" heading="Settings saved" />
      ) : null}
      <h1 className="govuk-heading-l">Authority settings</h1>
      <p className="govuk-body">{authority.name}</p>
      <form noValidate onSubmit={form.handleSubmit(undefined)}>
        <LevelsOfNeedFields
          levels={levels}
          onChange={setLevels}
          error={form.fieldError("levelsOfNeed")}
        />
        <Fieldset legend="Reviews" legendSize="m">
          <Input
            id="reviewMinWeeks"
            label="Earliest a review falls due, in weeks"
            inputMode="numeric"
            width="3"
            value={minWeeks}
            onChange={setMinWeeks}
            error={form.fieldError("reviewMinWeeks")}
          />
          <Input
            id="reviewMaxWeeks"
            label="Latest a review may be, in weeks"
            inputMode="numeric"
            width="3"
            value={maxWeeks}
            onChange={setMaxWeeks}
            error={form.fieldError("reviewMaxWeeks")}
          />
        </Fieldset>
        <Input
          id="leadProfessionalTitle"
          label="What do you call the lead professional?"
          labelClassName="govuk-label--m"
          hint="For example, ‘Family Help Lead Practitioner’."
          value={title}
          onChange={setTitle}
          error={form.fieldError("leadProfessionalTitle")}
        />
        <JourneySettingsFields value={journey} onChange={setJourney} fieldError={form.fieldError} />
        <OversightSettingsFields
          value={oversight}
          onChange={setOversight}
          fieldError={form.fieldError}
        />
        <Radios
          id="requireStaffTotp"
          legend="Must staff use two-step verification?"
          legendSize="m"
          items={[
            { value: "yes", label: "Yes" },
            { value: "no", label: "No" },
          ]}
          value={totp}
          onChange={setTotp}
          error={form.fieldError("requireStaffTotp")}
        />
        <Radios
          id="noticeFamilyNames"
          legend="May emails about staff's actions name the family?"
          legendSize="m"
          hint="Emails about an action given to someone, changed or due tomorrow always say what happened and link to it. With ‘No’, they do not say which family it is about; the link does, once the person signs in."
          items={[
            { value: "yes", label: "Yes" },
            { value: "no", label: "No" },
          ]}
          value={familyNames}
          onChange={setFamilyNames}
          error={form.fieldError("noticeFamilyNames")}
        />
        <RetentionSettingsFields
          value={retention}
          onChange={setRetention}
          fieldError={form.fieldError}
        />
        <Button type="submit" disabled={form.pending}>
          Save settings
        </Button>
      </form>
    </>
  );
}
