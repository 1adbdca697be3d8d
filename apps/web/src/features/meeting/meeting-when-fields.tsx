import { DateInput, Input } from "../../components/govuk";
import type { DateParts } from "../../lib/dates";
import { MeetingLengthField } from "./meeting-length-field";

/** The day, start time and length of a meeting: the same questions when booking and moving it. */
export function MeetingWhenFields({
  date,
  onDateChange,
  time,
  onTimeChange,
  durationMinutes,
  onDurationChange,
  fieldError,
}: {
  date: DateParts;
  onDateChange: (date: DateParts) => void;
  time: string;
  onTimeChange: (time: string) => void;
  durationMinutes: number;
  onDurationChange: (minutes: number) => void;
  fieldError: (field: string) => string | undefined;
}) {
  return (
    <>
      <DateInput
        id="date"
        legend="What day is it?"
        legendSize="s"
        hint="For example, 27 3 2026"
        value={date}
        onChange={onDateChange}
        error={fieldError("scheduledFor")}
      />
      <Input
        id="time"
        label="What time does it start?"
        labelClassName="govuk-label--s"
        hint="For example, 9:30 or 14:00"
        width="5"
        value={time}
        onChange={onTimeChange}
        error={fieldError("time")}
      />
      <MeetingLengthField
        value={durationMinutes}
        onChange={onDurationChange}
        error={fieldError("durationMinutes")}
      />
    </>
  );
}
