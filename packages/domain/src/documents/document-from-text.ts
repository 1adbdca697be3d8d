import * as Y from "yjs";
import type { DocumentKind } from "./document-name";
import type { DocumentSection } from "./document-sections";

/** One block of a section: a paragraph, or a bulleted list of short lines. */
export type TextBlock = string | { bullets: readonly string[] };

function paragraph(text: string): Y.XmlElement {
  const element = new Y.XmlElement("paragraph");
  element.insert(0, [new Y.XmlText(text)]);
  return element;
}

function block(content: TextBlock): Y.XmlElement {
  if (typeof content === "string") return paragraph(content);
  const list = new Y.XmlElement("bulletList");
  list.insert(
    0,
    content.bullets.map((line) => {
      const item = new Y.XmlElement("listItem");
      item.insert(0, [paragraph(line)]);
      return item;
    }),
  );
  return list;
}

/**
 * A live document's state written from plain text, in the encoding the web
 * editor reads (paragraphs and bullet lists): for documents created outside
 * an editor, such as demo data. Sections left out stay empty.
 */
export function documentStateFromText<K extends DocumentKind>(
  _kind: K,
  sections: Partial<Record<DocumentSection<K>, readonly TextBlock[]>>,
): Uint8Array {
  const doc = new Y.Doc();
  try {
    Y.transact(doc, () => {
      for (const [name, blocks] of Object.entries(sections) as [string, readonly TextBlock[]][]) {
        doc.getXmlFragment(name).insert(0, blocks.map(block));
      }
    });
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}
