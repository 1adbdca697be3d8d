import type { Executor } from "../client";
import { getLatestEpisode } from "../queries/latest-episode";
import { actionOwners, actions, outcomes } from "../schema";

/** An ISO day `days` after `from` (negative: before). */
export function dayOffset(from: Date, days: number): string {
  return new Date(from.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * An outcome written directly (for state the API would refuse, such as past
 * dates). Like the API, it belongs to the family's latest episode unless
 * `episodeId` says otherwise.
 */
export async function buildOutcome(
  db: Executor,
  input: { familyId: string; createdBy: string } & Partial<typeof outcomes.$inferInsert>,
) {
  const episodeId = input.episodeId ?? (await getLatestEpisode(db, input.familyId)).id;
  const [row] = await db
    .insert(outcomes)
    .values({
      area: "education",
      title: "Goes to school every day",
      measure: "Attendance above 95%",
      targetDate: dayOffset(new Date(), 60),
      ...input,
      episodeId,
    })
    .returning();
  if (!row) throw new Error("outcome not inserted");
  return row;
}

/** An action towards an outcome, with its owners. */
export async function buildAction(
  db: Executor,
  input: {
    familyId: string;
    outcomeId: string;
    createdBy: string;
    owners: ({ userId: string } | { memberId: string })[];
  } & Partial<typeof actions.$inferInsert>,
) {
  const { owners, ...values } = input;
  const [row] = await db
    .insert(actions)
    .values({ text: "Do the thing", dueDate: dayOffset(new Date(), 14), ...values })
    .returning();
  if (!row) throw new Error("action not inserted");
  if (owners.length > 0) {
    await db
      .insert(actionOwners)
      .values(owners.map((o) => ({ familyId: input.familyId, actionId: row.id, ...o })));
  }
  return row;
}
