import { asc, eq } from "drizzle-orm";
import type { Executor } from "../client";
import { documentSnapshots, documentUpdates } from "../schema";

/**
 * A Yjs document as stored: its snapshot (if any) then every update still in
 * the log, in order. Read inside a repeatable-read transaction so a
 * compaction committing in between cannot make us see it half done.
 */
export async function loadDocumentParts(db: Executor, documentName: string): Promise<Uint8Array[]> {
  const [snapshot] = await db
    .select({ state: documentSnapshots.state })
    .from(documentSnapshots)
    .where(eq(documentSnapshots.documentName, documentName));
  const updates = await db
    .select({ update: documentUpdates.update })
    .from(documentUpdates)
    .where(eq(documentUpdates.documentName, documentName))
    .orderBy(asc(documentUpdates.id));
  return [...(snapshot ? [snapshot.state] : []), ...updates.map((row) => row.update)];
}
