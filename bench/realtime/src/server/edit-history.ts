import * as Y from "yjs";
import { firstRun, newParagraph, sectionLength } from "../plan-text";
import type { HistoryShape } from "../protocol";

export interface EditHistory {
  updates: Uint8Array[];
  /** Length of the text once every update is applied. */
  textLength: number;
}

const editors = 10;
const words = ["plan", "school", "we agreed", "visit", "health", "next week", "support", "ok"];

interface Writer {
  doc: Y.Doc;
  cursor: Y.RelativePosition | null;
}

/** A deterministic pseudo-random sequence (the same history every run). */
function sequence(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

function edit(writer: Writer, shape: HistoryShape, random: () => number, i: number): void {
  const text = firstRun(writer.doc);
  if (!text) return;
  const at =
    writer.cursor && Y.createAbsolutePositionFromRelativePosition(writer.cursor, writer.doc);
  let index = at ? at.index : text.length;
  if (shape === "scattered" || !at || random() < 0.05) {
    index = Math.floor(random() * (text.length + 1));
  }
  if (index > 0 && random() < 0.08) {
    text.delete(index - 1, 1);
    index -= 1;
  } else {
    const word = `${words[i % words.length]} `;
    text.insert(index, word);
    index += word.length;
  }
  writer.cursor = Y.createRelativePositionFromTypeIndex(text, index);
}

/**
 * `count` small updates (a word typed or a character deleted each) made by
 * ten people on one text, each seeing the others' changes before its next.
 */
export function editHistory(shape: HistoryShape, count: number, seed = 1): EditHistory {
  const random = sequence(seed);
  const writers: Writer[] = Array.from({ length: editors }, () => ({
    doc: new Y.Doc(),
    cursor: null,
  }));
  // The one paragraph everyone types in, made by the first writer and seen by all.
  const first = writers[0]?.doc;
  const updates: Uint8Array[] = [];
  if (first) {
    newParagraph(first);
    const update = Y.encodeStateAsUpdate(first);
    updates.push(update);
    for (const other of writers.slice(1)) Y.applyUpdate(other.doc, update);
  }
  for (let i = 0; i < count; i++) {
    const writer = writers[Math.floor(random() * editors)];
    if (!writer) continue;
    const emitted: Uint8Array[] = [];
    const capture = (update: Uint8Array) => emitted.push(update);
    writer.doc.on("update", capture);
    edit(writer, shape, random, i);
    writer.doc.off("update", capture);
    for (const update of emitted) {
      updates.push(update);
      for (const other of writers) if (other !== writer) Y.applyUpdate(other.doc, update);
    }
  }
  const textLength = first ? sectionLength(first) : 0;
  for (const writer of writers) writer.doc.destroy();
  return { updates, textLength };
}
