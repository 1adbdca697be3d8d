import type * as Y from "yjs";
import { FanOutRecorder } from "../load/latency";
import { benchSection } from "../plan-text";

const marker = /\[e(\d+)\]/g;

/**
 * Counts what the kill trials need: every edit sent, and every edit
 * acknowledged — received by at least one other client, so relayed by the server.
 */
export class AckRecorder extends FanOutRecorder {
  readonly sentIds = new Set<number>();
  readonly acknowledged = new Set<number>();

  override send(receivers: number): number {
    const id = super.send(receivers);
    this.sentIds.add(id);
    return id;
  }

  override receive(id: number): void {
    this.acknowledged.add(id);
    super.receive(id);
  }
}

/** The edit ids present in a document's text. */
export function editIdsIn(doc: Y.Doc): Set<number> {
  const ids = new Set<number>();
  for (const paragraph of doc.getXmlFragment(benchSection).toArray()) {
    for (const match of paragraph.toString().matchAll(marker)) ids.add(Number(match[1]));
  }
  return ids;
}
