import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { Editor } from "./clients/editor";
import { sectionLength } from "./plan-text";
import type { ColdDocument, HistoryShape } from "./protocol";
import type { ServerProcess } from "./server-process";

export interface ColdLoadResult {
  shape: HistoryShape;
  documents: number;
  updates: number;
  logBytes: number;
  /** connect → synced, ms, one per document, with the whole update log to read. */
  beforeCompactionMs: number[];
  /** From the first sync until the log was folded into a snapshot, ms. */
  compactionMs: number[];
  snapshotBytes: number[];
  /** connect → synced, ms, from the snapshot, `repeats` times per document. */
  afterCompactionMs: number[];
}

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 120_000) {
  const deadline = performance.now() + timeoutMs;
  while (!(await check())) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

/** A fresh client's connect → `sync` event, in ms, checking the whole document arrived. */
async function timeLoad(server: ServerProcess, document: ColdDocument): Promise<number> {
  await until(
    async () => !(await server.request({ type: "isLoaded", documentName: document.documentName })),
    `${document.documentName} to unload`,
  );
  const started = performance.now();
  const editor = new Editor({
    url: `ws://127.0.0.1:${server.port}/yjs`,
    documentName: document.documentName,
    user: document.user,
    recorder: null,
    peers: 0,
  });
  try {
    await editor.synced;
    const elapsed = performance.now() - started;
    const length = sectionLength(editor.doc);
    if (length !== document.textLength) {
      throw new Error(`loaded ${length} characters of ${document.textLength}`);
    }
    return elapsed;
  } finally {
    editor.destroy();
  }
}

/**
 * Cold loads of documents with a long update log: the first load reads every
 * logged update (and, being over the limit, starts a compaction); once the
 * log is folded into a snapshot and the document has left memory, it is
 * loaded again from the snapshot.
 */
export async function measureColdLoads(
  server: ServerProcess,
  documents: readonly ColdDocument[],
  repeats: number,
): Promise<ColdLoadResult> {
  const result: ColdLoadResult = {
    shape: documents[0]?.shape ?? "typing",
    documents: documents.length,
    updates: documents[0]?.updates ?? 0,
    logBytes: documents[0]?.bytes ?? 0,
    beforeCompactionMs: [],
    compactionMs: [],
    snapshotBytes: [],
    afterCompactionMs: [],
  };
  for (const document of documents) {
    result.beforeCompactionMs.push(await timeLoad(server, document));
    const synced = performance.now();
    let snapshotBytes = 0;
    await until(async () => {
      const state = await server.request({
        type: "storedState",
        documentName: document.documentName,
      });
      snapshotBytes = state.snapshotBytes ?? 0;
      return state.logRows === 0 && state.snapshotBytes !== null;
    }, `${document.documentName} to be compacted`);
    result.compactionMs.push(performance.now() - synced);
    result.snapshotBytes.push(snapshotBytes);
  }
  for (let i = 0; i < repeats; i++) {
    for (const document of documents) {
      result.afterCompactionMs.push(await timeLoad(server, document));
    }
  }
  return result;
}
