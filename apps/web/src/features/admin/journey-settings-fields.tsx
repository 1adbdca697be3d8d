import { Fieldset, Input, Radios } from "../../components/govuk";

export interface JourneySettings {
  assessmentSignOffRequired: string;
  firstTacWorkingDays: string;
  scoreLowLabel: string;
  scoreHighLabel: string;
}

/** The Early Help journey's local rules: sign-off, the first TAC's timescale, the score's words. */
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
