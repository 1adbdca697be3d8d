import type { OutcomeArea } from "../shared/vocabulary";
import type { Direction } from "./distance-travelled";

/** Each need area as a family would say it, after "Things are getting better …". */
export const familyAreaWords: Record<OutcomeArea, string> = {
  education: "with school",
  early_years: "with early learning and play",
  health: "with health",
  substance_use: "with drink and drugs",
  family_relationships: "with getting on together at home",
  safety_from_abuse_and_exploitation: "with staying safe",
  crime: "with keeping out of trouble",
  domestic_abuse: "with feeling safe at home",
  housing: "with your home",
  financial_stability: "with money",
};

/**
 * One gentle sentence for the family view, from the practitioners' direction
 * of travel. A worse direction is said kindly and without blame; a child's
 * name, when the area was scored for one child, ends the sentence.
 */
export function plainWords(area: OutcomeArea, direction: Direction, childName?: string): string {
  const what = familyAreaWords[area];
  const who = childName ? ` for ${childName}` : "";
  switch (direction) {
    case "improving":
      return `Things are getting better ${what}${who}.`;
    case "same":
      return `Things are about the same ${what}${who} so far.`;
    case "worse":
      return `Things have been harder ${what}${who} lately. The team will talk with you about what could help.`;
    case "not_yet_known":
      return `The team has made a first note of how things are ${what}${who}.`;
  }
}

/** The episode as a whole, in one sentence. */
export function plainWordsOverall(direction: Direction): string {
  switch (direction) {
    case "improving":
      return "Overall, things are getting better.";
    case "same":
      return "Overall, things are about the same so far.";
    case "worse":
      return "Overall, things have been harder lately. The team will talk with you about it.";
    case "not_yet_known":
      return "It is too early to say how things are changing.";
  }
}
