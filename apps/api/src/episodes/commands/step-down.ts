import { type Executor, episodeEvents, episodes, families, openEpisode } from "@teamaround/db";
import { AppError } from "@teamaround/domain";
import { desc, eq } from "drizzle-orm";
import { updateVersioned } from "../../shared/versioned-update";

/**
 * Social care steps a stepped-up family down to Early Help: a new episode
 * (origin stepped_down) opens after the stepped-up one, which stays as it
 * was. Run inside a transaction.
 */
export async function stepDown(
  tx: Executor,
  input: {
    familyId: string;
    version: number;
    levelOfNeed: number;
    note: string;
    by: string;
    now: Date;
  },
) {
  const { familyId, now } = input;
  const [last] = await tx
    .select()
    .from(episodes)
    .where(eq(episodes.familyId, familyId))
    .orderBy(desc(episodes.number))
    .limit(1)
    .for("update");
  if (last?.closureReason !== "stepped_up") {
    throw new AppError("unprocessable", "Only a case that was stepped up can be stepped down.");
  }
  const family = await updateVersioned(
    tx,
    families,
    { id: familyId, scope: eq(families.id, familyId), expectedVersion: input.version },
    {
      status: "assessment_started",
      origin: "stepped_down",
      steppedDownAt: now,
      levelOfNeed: input.levelOfNeed,
      closureReason: null,
      closureNote: null,
      closedAt: null,
    },
  );
  const episode = await openEpisode(tx, {
    familyId,
    number: last.number + 1,
    origin: "stepped_down",
    openedAt: now,
    openedBy: input.by,
    requestId: null,
    levelOfNeed: input.levelOfNeed,
  });
  await tx.insert(episodeEvents).values({
    episodeId: episode.id,
    familyId,
    kind: "stepped_down",
    at: now,
    by: input.by,
    levelOfNeed: input.levelOfNeed,
    note: input.note,
  });
  return { family, episodeId: episode.id };
}
