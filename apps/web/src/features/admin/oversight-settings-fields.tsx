import { Fieldset, Input, Textarea } from "../../components/govuk";

export interface OversightSettings {
  triageTargetWorkingDays: string;
  assessmentTargetWorkingDays: string;
  actionOverdueDays: string;
  /** One locality a line. */
  localities: string;
}

export function oversightSettingsOf(authority: {
  triageTargetWorkingDays: number;
  assessmentTargetWorkingDays: number;
  actionOverdueDays: number;
  localities: string[];
}): OversightSettings {
  return {
    triageTargetWorkingDays: String(authority.triageTargetWorkingDays),
    assessmentTargetWorkingDays: String(authority.assessmentTargetWorkingDays),
    actionOverdueDays: String(authority.actionOverdueDays),
    localities: authority.localities.join("\n"),
  };
}

/** The body's part: numbers as numbers, localities one a line with blank lines dropped. */
export function oversightSettingsBody(value: OversightSettings) {
  return {
    triageTargetWorkingDays: Number(value.triageTargetWorkingDays),
    assessmentTargetWorkingDays: Number(value.assessmentTargetWorkingDays),
    actionOverdueDays: Number(value.actionOverdueDays),
    localities: value.localities
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => l !== ""),
  };
}

/** The targets the drift queue measures against, and the authority's localities. */
export function OversightSettingsFields({
  value,
  onChange,
  fieldError,
}: {
  value: OversightSettings;
  onChange: (value: OversightSettings) => void;
  fieldError: (field: keyof OversightSettings) => string | undefined;
}) {
  const set = (change: Partial<OversightSettings>) => onChange({ ...value, ...change });
  return (
    <>
      <Fieldset legend="When is work late?" legendSize="m" describedBy="drift-targets-hint">
        <div id="drift-targets-hint" className="govuk-hint">
          Managers see cases that miss these targets in their drift queue.
        </div>
        <Input
          id="triageTargetWorkingDays"
          label="A request for help is triaged within how many working days?"
          hint="Between 1 and 60. Often 5."
          inputMode="numeric"
          width="3"
          value={value.triageTargetWorkingDays}
          onChange={(triageTargetWorkingDays) => set({ triageTargetWorkingDays })}
          error={fieldError("triageTargetWorkingDays")}
        />
        <Input
          id="assessmentTargetWorkingDays"
          label="An assessment is completed within how many working days of the case opening?"
          hint="Between 1 and 120. Often 45."
          inputMode="numeric"
          width="3"
          value={value.assessmentTargetWorkingDays}
          onChange={(assessmentTargetWorkingDays) => set({ assessmentTargetWorkingDays })}
          error={fieldError("assessmentTargetWorkingDays")}
        />
        <Input
          id="actionOverdueDays"
          label="An action shows as drift after how many days past its due date?"
          hint="Between 0 and 365. Often 14."
          inputMode="numeric"
          width="3"
          value={value.actionOverdueDays}
          onChange={(actionOverdueDays) => set({ actionOverdueDays })}
          error={fieldError("actionOverdueDays")}
        />
      </Fieldset>
      <Textarea
        id="localities"
        label="Localities"
        labelClassName="govuk-label--m"
        hint="One a line, for example ‘North’. Families are placed in one, and managers filter by them. A locality open cases still have cannot be removed."
        rows={5}
        value={value.localities}
        onChange={(localities) => set({ localities })}
        error={fieldError("localities")}
      />
    </>
  );
}
