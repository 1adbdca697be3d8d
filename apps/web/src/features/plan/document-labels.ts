import type { DocumentKind } from "@teamaround/domain";

/** Plain words for each live document and its sections, for staff and for the family. */
export const documentTitles: Record<DocumentKind, { staff: string; family: string }> = {
  plan: { staff: "The plan", family: "Our plan in words" },
  voice: { staff: "The family's own words", family: "In your own words" },
  notes: { staff: "Practitioners' notes", family: "Practitioners' notes" },
};

export const documentHints: Record<DocumentKind, { staff: string; family: string }> = {
  plan: {
    staff: "Written together by the team. The family can read it.",
    family: "Written by the people helping your family, with you.",
  },
  voice: {
    staff: "What the family and each child say, in their own words. The family can change it.",
    family: "Say what matters to you. Everyone helping your family can read this.",
  },
  notes: {
    staff: "For practitioners in the team only. The family cannot see these notes.",
    family: "",
  },
};

export const sectionLabels: Record<string, { staff: string; family: string }> = {
  working_well: { staff: "What is working well", family: "What is going well" },
  worries: { staff: "What we are worried about", family: "What we are worried about" },
  what_needs_to_happen: {
    staff: "What needs to happen",
    family: "What will happen next",
  },
  review_notes: { staff: "Review notes", family: "How things have changed" },
  family_words: { staff: "The parents' and carers' words", family: "What we want to say" },
  child_words: { staff: "The children's words", family: "What the children want to say" },
  notes: { staff: "Notes", family: "Notes" },
};

export type Audience = "staff" | "family";
