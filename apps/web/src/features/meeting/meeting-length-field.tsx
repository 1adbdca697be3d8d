import { meetingDuration, meetingDurationChoices } from "@teamaround/domain";
import { Select } from "../../components/govuk";
import { meetingLengthLabel } from "./meeting-labels";

/** How long the meeting lasts: the calendar invitation ends then. */
export function MeetingLengthField({
  value,
  onChange,
  error,
}: {
  value: number;
  onChange: (minutes: number) => void;
  error: string | undefined;
}) {
  return (
    <Select
      id="durationMinutes"
      label="How long is it?"
      labelClassName="govuk-label--s"
      hint="The calendar invitation ends then."
      value={String(value)}
      onChange={(v) => onChange(Number(v))}
      options={meetingDurationChoices.map((minutes) => ({
        value: String(minutes),
        label: meetingLengthLabel(minutes),
      }))}
      error={error}
    />
  );
}

export const defaultMeetingLength: number = meetingDuration.default;
