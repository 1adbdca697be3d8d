import type { MeetingKind, MeetingState } from "@teamaround/domain";
import type { TagColour } from "../../components/govuk";

export const meetingKindLabels: Record<MeetingKind, string> = {
  initial: "Initial meeting",
  review: "Review meeting",
  closing: "Closing meeting",
};

export const meetingStateTags: Record<MeetingState, [string, TagColour]> = {
  scheduled: ["Booked", "blue"],
  live: ["In progress", "green"],
  ended: ["Held", "grey"],
  cancelled: ["Cancelled", "red"],
};

/** 30 → "30 minutes", 60 → "1 hour", 90 → "1 hour 30 minutes". */
export function meetingLengthLabel(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const parts = [
    hours > 0 ? `${hours} ${hours === 1 ? "hour" : "hours"}` : null,
    rest > 0 ? `${rest} minutes` : null,
  ];
  return parts.filter(Boolean).join(" ");
}
