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
