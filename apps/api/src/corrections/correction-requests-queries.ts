import { correctionRequests, type Executor, users } from "@teamaround/db";
import { correctionRecordWords } from "@teamaround/domain";
import { and, desc, eq, inArray } from "drizzle-orm";

type RequestRow = typeof correctionRequests.$inferSelect;

/** The family's correction requests (or the one asked for), newest first, with their people's names. */
export async function listCorrectionRequests(db: Executor, familyId: string, requestId?: string) {
  const rows = await db
    .select()
    .from(correctionRequests)
    .where(
      and(
        eq(correctionRequests.familyId, familyId),
        requestId ? eq(correctionRequests.id, requestId) : undefined,
      ),
    )
    .orderBy(desc(correctionRequests.requestedAt), desc(correctionRequests.id));
  return presentCorrectionRequests(db, rows);
}

async function presentCorrectionRequests(db: Executor, rows: readonly RequestRow[]) {
  const ids = [
    ...new Set(rows.flatMap((r) => (r.decidedBy ? [r.requestedBy, r.decidedBy] : [r.requestedBy]))),
  ];
  const people =
    ids.length === 0
      ? []
      : await db
          .select({ id: users.id, name: users.displayName })
          .from(users)
          .where(inArray(users.id, ids));
  const person = (id: string) => ({
    id,
    name: people.find((p) => p.id === id)?.name ?? "Someone whose account no longer exists",
  });
  return rows.map((r) => ({
    id: r.id,
    recordKind: r.recordKind,
    recordId: r.recordId,
    recordWords: correctionRecordWords[r.recordKind],
    whatIsWrong: r.whatIsWrong,
    shouldSay: r.shouldSay,
    status: r.status,
    requestedBy: person(r.requestedBy),
    requestedAt: r.requestedAt.toISOString(),
    decidedBy: r.decidedBy ? person(r.decidedBy) : null,
    decidedAt: r.decidedAt?.toISOString() ?? null,
    declineReason: r.declineReason,
    correctionId: r.correctionId,
  }));
}

/** The request, locked for deciding; undefined when the family has no such request. */
export async function lockCorrectionRequest(tx: Executor, familyId: string, requestId: string) {
  const [row] = await tx
    .select()
    .from(correctionRequests)
    .where(and(eq(correctionRequests.id, requestId), eq(correctionRequests.familyId, familyId)))
    .for("update");
  return row;
}
