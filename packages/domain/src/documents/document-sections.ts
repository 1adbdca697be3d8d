import * as Y from "yjs";
import type { DocumentKind } from "./document-name";

/**
 * The named `Y.XmlFragment`s of each live document, in reading order. Editors
 * bind one rich-text field to each; nothing else in a document is content.
 */
export const documentSections = {
  plan: ["working_well", "worries", "what_needs_to_happen", "review_notes"],
  voice: ["family_words", "child_words"],
  notes: ["notes"],
} as const satisfies Record<DocumentKind, readonly string[]>;

export type DocumentSection<K extends DocumentKind> = (typeof documentSections)[K][number];

/** A document built from stored states and updates, in order (snapshot first). */
export function documentFromUpdates(updates: readonly Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  Y.transact(doc, () => {
    for (const update of updates) Y.applyUpdate(doc, update);
  });
  return doc;
}

/**
 * A stored document read whole: its section texts and its state re-encoded
 * as one update (what a version keeps). `parts` are the snapshot, then every
 * logged update in order; none is an empty document.
 */
export function readStoredDocument(
  kind: DocumentKind,
  parts: readonly Uint8Array[],
): { sections: Record<string, string>; state: Uint8Array } {
  const doc = documentFromUpdates(parts);
  try {
    return { sections: sectionTexts(kind, doc), state: Y.encodeStateAsUpdate(doc) };
  } finally {
    doc.destroy();
  }
}

/** Plain text of every section of a document: blocks become lines, marks are dropped. */
export function sectionTexts(kind: DocumentKind, doc: Y.Doc): Record<string, string> {
  const texts: Record<string, string> = {};
  for (const section of documentSections[kind]) texts[section] = sectionText(doc, section);
  return texts;
}

function sectionText(doc: Y.Doc, section: string): string {
  let fragment: Y.XmlFragment;
  try {
    fragment = doc.getXmlFragment(section);
  } catch {
    // The name is already in use as another shared type: not a section we can read.
    return "";
  }
  const lines: string[] = [];
  for (const child of fragment.toArray()) collectLines(child, lines);
  return lines.join("\n");
}

/** An element holding other elements (a list) yields their lines; one holding text is one line. */
function collectLines(node: Y.XmlElement | Y.XmlText | Y.XmlHook, lines: string[]): void {
  if (node instanceof Y.XmlText) {
    lines.push(inlineText(node));
    return;
  }
  if (!(node instanceof Y.XmlElement)) return;
  const children = node.toArray();
  if (children.some((child) => child instanceof Y.XmlElement && !isInline(child))) {
    for (const child of children) collectLines(child, lines);
    return;
  }
  lines.push(
    children
      .map((child) => (child instanceof Y.XmlText ? inlineText(child) : inlineElement(child)))
      .join(""),
  );
}

const inlineElements = new Set(["hard_break", "hardBreak", "text", "span"]);
const isInline = (element: Y.XmlElement) => inlineElements.has(element.nodeName);

function inlineElement(node: Y.XmlElement | Y.XmlHook): string {
  if (!(node instanceof Y.XmlElement)) return "";
  if (node.nodeName === "hard_break" || node.nodeName === "hardBreak") return "\n";
  return node
    .toArray()
    .map((child) => (child instanceof Y.XmlText ? inlineText(child) : inlineElement(child)))
    .join("");
}

function inlineText(text: Y.XmlText): string {
  const delta = text.toDelta() as { insert?: unknown }[];
  return delta.map((op) => (typeof op.insert === "string" ? op.insert : "")).join("");
}
