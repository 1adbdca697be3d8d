import type { components } from "../../api/schema";

type Review = components["schemas"]["Review"];
export type ReviewVerdict = Review["verdict"];
export type ReviewDecision = Review["decision"];

export const verdictLabels: Record<ReviewVerdict, string> = {
  positive_change: "Positive change",
  no_change: "No change",
  deterioration: "Things have got worse",
};

export const decisionLabels: Record<ReviewDecision, string> = {
  continue: "Continue with the plan",
  close: "Close the Early Help episode",
  step_up: "Step up to children's social care",
};
