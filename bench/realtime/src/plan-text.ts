import { documentSections } from "@teamaround/domain";
import * as Y from "yjs";

/**
 * Where the bench types: paragraphs in the plan's first section, as the
 * editor writes them. The server refuses anything outside the document's
 * schema, so a root Y.Text would be closed, not measured.
 */
export const benchSection = documentSections.plan[0];

/** A new paragraph at the end of the section; its text run, to type into. */
export function newParagraph(doc: Y.Doc): Y.XmlText {
  const run = new Y.XmlText();
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.insert(0, [run]);
  const section = doc.getXmlFragment(benchSection);
  section.insert(section.length, [paragraph]);
  return run;
}

/** The first paragraph's text run, if there is one. */
export function firstRun(doc: Y.Doc): Y.XmlText | null {
  const paragraph = doc.getXmlFragment(benchSection).get(0);
  const run = paragraph instanceof Y.XmlElement ? paragraph.get(0) : null;
  return run instanceof Y.XmlText ? run : null;
}

/** Characters in every paragraph of the section. */
export function sectionLength(doc: Y.Doc): number {
  let length = 0;
  for (const paragraph of doc.getXmlFragment(benchSection).toArray()) {
    if (!(paragraph instanceof Y.XmlElement)) continue;
    for (const run of paragraph.toArray()) if (run instanceof Y.XmlText) length += run.length;
  }
  return length;
}
