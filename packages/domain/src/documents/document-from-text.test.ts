import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { documentStateFromText } from "./document-from-text";
import { checkDocument } from "./document-schema";
import { readStoredDocument } from "./document-sections";

describe("documentStateFromText", () => {
  it("writes paragraphs and bullet lists the editor's schema accepts and the reader reads back", () => {
    const state = documentStateFromText("plan", {
      worries: ["Damp in the bedroom", { bullets: ["Repairs", "Asthma"] }],
    });
    const doc = new Y.Doc();
    Y.applyUpdate(doc, state);
    expect(checkDocument("plan", doc)).toBeNull();
    expect(readStoredDocument("plan", [state]).sections).toEqual({
      working_well: "",
      worries: "Damp in the bedroom\nRepairs\nAsthma",
      what_needs_to_happen: "",
      review_notes: "",
    });
  });
});
