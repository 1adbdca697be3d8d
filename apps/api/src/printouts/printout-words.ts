import type { ActionOwner, DocumentKind, UserRole } from "@teamaround/domain";

/** The live documents' names as the family reads them (as on "Our plan"). */
export const documentTitles: Partial<Record<DocumentKind, string>> = {
  plan: "Our plan in words",
  voice: "In your own words",
};

export const sectionTitles: Record<string, string> = {
  working_well: "What is going well",
  worries: "What we are worried about",
  what_needs_to_happen: "What will happen next",
  review_notes: "How things have changed",
  family_words: "What we want to say",
  child_words: "What the children want to say",
};

export const roleWords: Record<UserRole, string> = {
  practitioner: "Practitioner",
  manager: "Manager",
  administrator: "Administrator",
  family_member: "Family member",
  partnership_analyst: "Partnership analyst",
  guest: "Guest",
};

/** "Sam Okafor, Alex Hart and Taylor Ashdown" */
export function namesInWords(names: readonly string[]): string {
  if (names.length === 0) return "Someone";
  if (names.length === 1) return names[0] ?? "";
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

/** "Sam Okafor (Eastmoor Health Visiting Team) and Taylor Ashdown" */
export function ownersInWords(owners: readonly ActionOwner[]): string {
  return namesInWords(
    owners.map((o) =>
      o.kind === "practitioner" && o.agencyName ? `${o.name} (${o.agencyName})` : o.name,
    ),
  );
}
