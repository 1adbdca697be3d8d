import type { TagColour } from "../../components/govuk";
import type { RequestStatus } from "./request-queries";

export const requestStatusLabels: Record<RequestStatus, string> = {
  awaiting_triage: "Awaiting a decision",
  accepted: "Accepted",
  signposted: "Signposted elsewhere",
  not_accepted: "Not accepted",
};

export const requestStatusColours: Record<RequestStatus, TagColour> = {
  awaiting_triage: "blue",
  accepted: "green",
  signposted: "yellow",
  not_accepted: "grey",
};

export function yesNo(value: boolean): string {
  return value ? "Yes" : "No";
}
