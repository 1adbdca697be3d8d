import { Fieldset, Input, Radios } from "../../components/govuk";

export interface JourneySettings {
  assessmentSignOffRequired: string;
  closureSignOffRequired: string;
  planSignOffRequired: string;
  firstTacWorkingDays: string;
  scoreLowLabel: string;
  scoreHighLabel: string;
}

/**
 * The Early Help journey's local rules: what a manager signs off (the
 * assessment, the closure, the plan), the first TAC's timescale, the score's words.
 */
export function JourneySettingsFields({
  value,
  onChange,
  fieldError,
}: {
  value: JourneySettings;
  onChange: (value: JourneySettings) => void;
  fieldError: (field: keyof JourneySettings) => string | undefined;
}) {
  const set = (change: Partial<JourneySettings>) => onChange({ ...value, ...change });
  return (
    <>
      <Radios
        id="assessmentSignOffRequired"
        legend="Does completing an Early Help Assessment need a manager's sign-off?"
        legendSize="m"
        items={[
          { value: "yes", label: "Yes, a manager approves it or returns it with comments" },
          { value: "no", label: "No, the lead professional completes it" },
        ]}
        value={value.assessmentSignOffRequired}
        onChange={(assessmentSignOffRequired) => set({ assessmentSignOffRequired })}
        error={fieldError("assessmentSignOffRequired")}
      />
      <Radios
        id="closureSignOffRequired"
        legend="Does closing a case need a manager to approve it?"
        legendSize="m"
        items={[
          {
            value: "yes",
            label: "Yes, the lead professional proposes the closure and a manager approves it",
            hint: "The case stays open until a manager approves it or returns it with comments.",
          },
          { value: "no", label: "No, the lead professional closes the case" },
        ]}
        value={value.closureSignOffRequired}
        onChange={(closureSignOffRequired) => set({ closureSignOffRequired })}
        error={fieldError("closureSignOffRequired")}
      />
      <Radios
        id="planSignOffRequired"
        legend="Does the plan need a manager to approve it?"
        legendSize="m"
        items={[
          {
            value: "yes",
            label: "Yes, the lead professional submits the plan and a manager approves it",
            hint: "The plan can still be changed; staff see when it has changed since it was approved.",
          },
          { value: "no", label: "No, the plan is agreed at the TAC meeting" },
        ]}
        value={value.planSignOffRequired}
        onChange={(planSignOffRequired) => set({ planSignOffRequired })}
        error={fieldError("planSignOffRequired")}
      />
      <Input
        id="firstTacWorkingDays"
        label="The first TAC meeting is due within how many working days of the assessment?"
        labelClassName="govuk-label--m"
        hint="Between 1 and 60. Often 15."
        inputMode="numeric"
        width="3"
        value={value.firstTacWorkingDays}
        onChange={(firstTacWorkingDays) => set({ firstTacWorkingDays })}
        error={fieldError("firstTacWorkingDays")}
      />
      <Fieldset
        legend="What are the ends of the 0 to 10 need score called?"
        legendSize="m"
        describedBy="score-labels-hint"
      >
        <div id="score-labels-hint" className="govuk-hint">
          Practitioners and families see these words beside the scores.
        </div>
        <Input
          id="scoreLowLabel"
          label="0 means"
          hint="For example, ‘Very worried’."
          width="20"
          value={value.scoreLowLabel}
          onChange={(scoreLowLabel) => set({ scoreLowLabel })}
          error={fieldError("scoreLowLabel")}
        />
        <Input
          id="scoreHighLabel"
          label="10 means"
          hint="For example, ‘All well’."
          width="20"
          value={value.scoreHighLabel}
          onChange={(scoreHighLabel) => set({ scoreHighLabel })}
          error={fieldError("scoreHighLabel")}
        />
      </Fieldset>
    </>
  );
}
