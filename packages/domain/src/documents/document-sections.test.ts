import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { documentFromUpdates, documentSections, sectionTexts } from "./document-sections";

function paragraph(text: string, bold = false): Y.XmlElement {
  const element = new Y.XmlElement("paragraph");
  const run = new Y.XmlText();
  run.insert(0, text, bold ? { bold: true } : {});
  element.insert(0, [run]);
  return element;
}

describe("sectionTexts", () => {
  it("reads each section's paragraphs as lines, dropping marks", () => {
    const doc = new Y.Doc();
    doc.getXmlFragment("worries").insert(0, [paragraph("Rent arrears"), paragraph("Sleep", true)]);
    const list = new Y.XmlElement("bullet_list");
    const item = new Y.XmlElement("list_item");
    item.insert(0, [paragraph("School every day")]);
    list.insert(0, [item]);
    doc.getXmlFragment("what_needs_to_happen").insert(0, [list]);

    expect(sectionTexts("plan", doc)).toEqual({
      working_well: "",
      worries: "Rent arrears\nSleep",
      what_needs_to_happen: "School every day",
      review_notes: "",
    });
  });

  it("reads a document rebuilt from its stored updates, and an empty one as empty", () => {
    const source = new Y.Doc();
    const updates: Uint8Array[] = [];
    source.on("update", (update: Uint8Array) => updates.push(update));
    source.getXmlFragment("child_words").insert(0, [paragraph("I like football")]);
    source.getXmlFragment("child_words").insert(1, [paragraph("and my dog")]);
    expect(sectionTexts("voice", documentFromUpdates(updates)).child_words).toBe(
      "I like football\nand my dog",
    );
    expect(sectionTexts("notes", documentFromUpdates([]))).toEqual({ notes: "" });
  });

  it("names the sections of every document", () => {
    expect(documentSections.notes).toEqual(["notes"]);
    expect(documentSections.voice).toEqual(["family_words", "child_words"]);
  });
});
