import * as Y from "yjs";
import { z } from "zod";
import type { DocumentKind } from "./document-name";
import { documentSections } from "./document-sections";

/**
 * What the web editor can render (TipTap's StarterKit as configured in
 * apps/web `section-editor.tsx`: no headings, code, quotes, rules, links,
 * strike or underline), in y-prosemirror's encoding: each section is a root
 * `Y.XmlFragment` of block elements; a text block holds `Y.XmlText` runs
 * (marks as formatting attributes) and inline elements. Anything else in a
 * live document crashes or silently breaks every page that renders it.
 *
 * Minimum counts (a list with no items, a list item not starting with a
 * paragraph) are not enforced: concurrent deletions produce them legitimately
 * and ProseMirror renders them.
 */
type Group = "block" | "inline" | "listItem";
interface NodeSpec {
  group: Group;
  /** Which group its children belong to; `text` also allows text runs; `none` is a leaf. */
  content: "text" | "block" | "listItem" | "none";
  attributes: z.ZodType;
}

const noAttributes = z.strictObject({});

export const editorNodes: Readonly<Record<string, NodeSpec>> = {
  paragraph: { group: "block", content: "text", attributes: noAttributes },
  bulletList: { group: "block", content: "listItem", attributes: noAttributes },
  orderedList: {
    group: "block",
    content: "listItem",
    attributes: z.strictObject({
      start: z.number().int().min(-2147483648).max(2147483647).optional(),
      type: z.enum(["1", "a", "A", "i", "I"]).optional(),
    }),
  },
  listItem: { group: "listItem", content: "block", attributes: noAttributes },
  hardBreak: { group: "inline", content: "none", attributes: noAttributes },
};

/** Marks as y-prosemirror stores them: the mark's name, its attributes as the value (null: removed). */
export const editorMarks: Readonly<Record<string, z.ZodType>> = {
  bold: noAttributes.nullable(),
  italic: noAttributes.nullable(),
};

/** What the checks read of any Yjs shared type (`AbstractType`'s event parameter varies by type). */
interface SharedType {
  _item: Y.Item | null;
  _start: Y.Item | null;
  _map: Map<string, Y.Item>;
}

/** Why a document does not conform, for the log; null when it does. */
export type SchemaViolation = string | null;

/** The whole document: only its kind's sections, each holding only what the editor renders. */
export function checkDocument(kind: DocumentKind, doc: Y.Doc): SchemaViolation {
  const roots = checkRoots(kind, doc);
  if (roots) return roots;
  for (const name of doc.share.keys()) {
    const problem = checkFragment(doc.getXmlFragment(name), () => true);
    if (problem) return `${name}: ${problem}`;
  }
  return null;
}

/**
 * What one transaction changed, checked incrementally: the types it changed
 * (`transaction.changed`) and, below them, only the content it created.
 * Content that existed before was checked when it arrived.
 */
export function checkTransaction(
  kind: DocumentKind,
  doc: Y.Doc,
  transaction: Y.Transaction,
): SchemaViolation {
  const isNew = (item: Y.Item) =>
    item.id.clock >= (transaction.beforeState.get(item.id.client) ?? 0);
  for (const type of transaction.changed.keys()) {
    const problem = checkChangedType(kind, doc, type, isNew);
    if (problem) return problem;
  }
  return null;
}

/** Every root is a section of this kind, held as an XmlFragment. */
function checkRoots(kind: DocumentKind, doc: Y.Doc): SchemaViolation {
  for (const [name, type] of doc.share) {
    const problem = checkRoot(kind, name, type);
    if (problem) return problem;
  }
  return null;
}

function checkRoot(kind: DocumentKind, name: string, type: SharedType): SchemaViolation {
  const sections: readonly string[] = documentSections[kind];
  if (!sections.includes(name)) return `unknown section ${JSON.stringify(name.slice(0, 50))}`;
  const untyped = type.constructor === Y.AbstractType;
  if (!untyped && (!(type instanceof Y.XmlFragment) || type instanceof Y.XmlElement)) {
    return `${name} is not a fragment`;
  }
  return null;
}

function checkChangedType(
  kind: DocumentKind,
  doc: Y.Doc,
  type: SharedType,
  isNew: (item: Y.Item) => boolean,
): SchemaViolation {
  if (type._item === null) {
    // A root. Only changed roots are judged, so content stored before this
    // schema existed does not refuse every later edit to its document.
    const name = rootName(doc, type);
    if (name === null) return "a root that is not a section";
    const problem = checkRoot(kind, name, type);
    // Roots arrive untyped: typing one as a fragment moves its content over.
    return problem ?? checkFragment(doc.getXmlFragment(name), isNew);
  }
  if (type instanceof Y.XmlText) return checkText(type);
  if (type instanceof Y.XmlElement) return checkElement(type, isNew);
  return `unexpected ${type.constructor.name}`;
}

function rootName(doc: Y.Doc, type: SharedType): string | null {
  for (const [name, root] of doc.share) if (root === type) return name;
  return null;
}

function checkFragment(fragment: SharedType, isNew: (item: Y.Item) => boolean): SchemaViolation {
  if (hasLiveEntries(fragment)) return "attributes on a section";
  return checkChildren(fragment, "block", isNew);
}

function checkElement(element: Y.XmlElement, isNew: (item: Y.Item) => boolean): SchemaViolation {
  const spec = editorNodes[element.nodeName];
  if (!spec) return `unknown node ${JSON.stringify(element.nodeName.slice(0, 50))}`;
  if (!spec.attributes.safeParse(element.getAttributes()).success) {
    return `attributes of ${element.nodeName}`;
  }
  return checkChildren(element, spec.content, isNew);
}

/** Each live child belongs in this content; children created now are checked through. */
function checkChildren(
  parent: SharedType,
  content: NodeSpec["content"],
  isNew: (item: Y.Item) => boolean,
): SchemaViolation {
  for (let item = parent._start; item !== null; item = item.right) {
    if (item.deleted) continue;
    if (!(item.content instanceof Y.ContentType)) return "content that is not a node";
    const child = item.content.type;
    if (child instanceof Y.XmlText) {
      if (content !== "text") return "text where blocks belong";
      if (isNew(item)) {
        const problem = checkText(child);
        if (problem) return problem;
      }
      continue;
    }
    if (!(child instanceof Y.XmlElement)) return `a ${child.constructor.name} in a node`;
    const spec = editorNodes[child.nodeName];
    if (!spec) return `unknown node ${JSON.stringify(child.nodeName.slice(0, 50))}`;
    const allowed = content === "text" ? spec.group === "inline" : spec.group === content;
    if (!allowed) return `${child.nodeName} cannot be here`;
    if (isNew(item)) {
      const problem = checkElement(child, isNew);
      if (problem) return problem;
    }
  }
  return null;
}

/** A text run: strings with known marks, no embedded objects, no attributes of its own. */
function checkText(text: Y.XmlText): SchemaViolation {
  if (hasLiveEntries(text)) return "attributes on text";
  for (let item = text._start; item !== null; item = item.right) {
    if (item.deleted) continue;
    const content = item.content;
    if (content instanceof Y.ContentString) continue;
    if (!(content instanceof Y.ContentFormat)) return "an object embedded in text";
    const mark = editorMarks[content.key];
    if (!mark) return `unknown mark ${JSON.stringify(content.key.slice(0, 50))}`;
    if (!mark.safeParse(content.value).success) return `attributes of ${content.key}`;
  }
  return null;
}

function hasLiveEntries(type: SharedType): boolean {
  for (const item of type._map.values()) if (!item.deleted) return true;
  return false;
}
