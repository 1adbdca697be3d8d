import { type Executor, supervisionNotes, users } from "@teamaround/db";
import { desc, eq, inArray } from "drizzle-orm";

type NoteRow = typeof supervisionNotes.$inferSelect;

export async function presentSupervisionNotes(db: Executor, rows: readonly NoteRow[]) {
  const ids = [...new Set(rows.flatMap((r) => [r.managerId, r.leadUserId]))];
  const people =
    ids.length === 0
      ? []
      : await db
          .select({ id: users.id, name: users.displayName })
          .from(users)
          .where(inArray(users.id, ids));
  const names = new Map(people.map((p) => [p.id, p.name]));
  const person = (userId: string) => ({ userId, name: names.get(userId) ?? "" });
  return rows.map((row) => ({
    id: row.id,
    familyId: row.familyId,
    episodeId: row.episodeId,
    manager: person(row.managerId),
    lead: person(row.leadUserId),
    heldOn: row.heldOn,
    discussion: row.discussion,
    decisions: row.decisions,
    nextOn: row.nextOn,
    createdAt: row.createdAt.toISOString(),
  }));
}

export function listSupervisionNotes(db: Executor, familyId: string) {
  return db
    .select()
    .from(supervisionNotes)
    .where(eq(supervisionNotes.familyId, familyId))
    .orderBy(desc(supervisionNotes.heldOn), desc(supervisionNotes.createdAt));
}
