import type { components } from "../../api/schema";
import { Fieldset, Input, Radios } from "../../components/govuk";

type Authority = components["schemas"]["Authority"];
type RuleKind = Authority["retentionRuleKind"];

export interface RetentionSettings {
  kind: RuleKind;
  years: string;
}

export function retentionSettingsOf(authority: Authority): RetentionSettings {
  return { kind: authority.retentionRuleKind, years: String(authority.retentionYears) };
}

export function retentionSettingsBody(settings: RetentionSettings) {
  return { retentionRuleKind: settings.kind, retentionYears: Number(settings.years) };
}

export const retentionFields = {
  retentionRuleKind: { id: "retentionRuleKind", label: "Keep a closed family's record" },
  retentionYears: { id: "retentionYears", label: "Years" },
};

/** How long a closed family's record is kept before it is listed for review. */
export function RetentionSettingsFields({
  value,
  onChange,
  fieldError,
}: {
  value: RetentionSettings;
  onChange: (value: RetentionSettings) => void;
  fieldError: (field: string) => string | undefined;
}) {
  return (
    <Fieldset legend="Keeping records" legendSize="m">
      <Radios
        id="retentionRuleKind"
        legend="Keep a closed family's record"
        legendSize="s"
        hint="Once this time has passed the record is listed under ‘Records due for review’, where an administrator keeps it for longer, places a legal hold, or erases it. When a child's date of birth is not known, the record is kept 6 years after closure."
        items={[
          { value: "youngest_child_age", label: "Until the youngest child reaches an age" },
          { value: "years_after_closure", label: "For a number of years after closure" },
        ]}
        value={value.kind}
        onChange={(kind) => onChange({ ...value, kind: kind as RuleKind })}
        error={fieldError("retentionRuleKind")}
      />
      <Input
        id="retentionYears"
        label={
          value.kind === "youngest_child_age" ? "Age of the youngest child" : "Years after closure"
        }
        inputMode="numeric"
        width="3"
        value={value.years}
        onChange={(years) => onChange({ ...value, years })}
        error={fieldError("retentionYears")}
      />
    </Fieldset>
  );
}
