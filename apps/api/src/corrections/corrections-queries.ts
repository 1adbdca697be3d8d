import { type Executor, recordCorrections, users } from "@teamaround/db";
import { type CorrectionRecordKind, noticeDay } from "@teamaround/domain";
import { and, asc, eq } from "drizzle-orm";

/** A record's corrections, oldest first, with who made each and the words shown beneath the record. */
export async function listCorrections(
  db: Executor,
  familyId: string,
  recordKind: CorrectionRecordKind,
  recordId: string,
) {
  const rows = await db
    .select({ correction: recordCorrections, name: users.displayName })
    .from(recordCorrections)
    .innerJoin(users, eq(users.id, recordCorrections.correctedBy))
    .where(
      and(
        eq(recordCorrections.familyId, familyId),
        eq(recordCorrections.recordKind, recordKind),
        eq(recordCorrections.recordId, recordId),
      ),
    )
    .orderBy(asc(recordCorrections.correctedAt), asc(recordCorrections.id));
  return rows.map(({ correction: c, name }) => ({
    id: c.id,
    recordKind: c.recordKind,
    recordId: c.recordId,
    section: c.section,
    correctedText: c.correctedText,
    reason: c.reason,
    correctedBy: { id: c.correctedBy, name },
    correctedAt: c.correctedAt.toISOString(),
    words: correctionWords({ ...c, name }),
  }));
}

/** "Corrected on 30 November 2026 by Alex Smith: Family story — the new text. Reason: why." */
export function correctionWords(c: {
  correctedAt: Date;
  name: string;
  section: string;
  correctedText: string;
  reason: string;
}): string {
  return `Corrected on ${noticeDay(c.correctedAt.toISOString())} by ${c.name}: ${c.section} — ${c.correctedText} Reason: ${c.reason}`;
}
