import { type Database, documentUpdates } from "@teamaround/db";
import { buildFamily, buildUser } from "@teamaround/db/testing";
import type { ColdDocument, HistoryShape } from "../protocol";
import { editHistory } from "./edit-history";
import { type Agencies, signedIn } from "./seed";

const rowsPerInsert = 1000;

/**
 * `count` families whose `plan:` document's update log holds `updates` rows
 * of the given shape,
 * written straight to the log table (as the store appends them) and never
 * compacted; one lead professional, signed in, leads them all.
 */
export async function seedColdDocuments(
  db: Database,
  agencies: Agencies,
  shape: HistoryShape,
  count: number,
  updates: number,
): Promise<ColdDocument[]> {
  const lead = await buildUser(db, {
    authorityId: agencies.authorityId,
    role: "practitioner",
    agencyId: agencies.agencyIds[0] ?? null,
  });
  const user = await signedIn(db, lead.id);
  const { updates: history, textLength } = editHistory(shape, updates);
  const bytes = history.reduce((sum, u) => sum + u.byteLength, 0);
  const documents: ColdDocument[] = [];
  for (let n = 0; n < count; n++) {
    const family = await buildFamily(db, { lead, status: "plan_active" });
    const documentName = `plan:${family.id}`;
    for (let i = 0; i < history.length; i += rowsPerInsert) {
      const rows = history
        .slice(i, i + rowsPerInsert)
        .map((update) => ({ documentName, familyId: family.id, update }));
      await db.insert(documentUpdates).values(rows);
    }
    documents.push({ documentName, user, shape, updates: history.length, bytes, textLength });
  }
  return documents;
}
