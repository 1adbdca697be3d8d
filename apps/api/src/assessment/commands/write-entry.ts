import { assessmentContributors, assessmentEntries, type Executor } from "@teamaround/db";
import { AppError, type AssessmentEntryInput, isVoiceSection, voiceFits } from "@teamaround/domain";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { MemberFacts } from "./journey-lookups";

/**
 * A voice names a child (child's voice) or an adult (parent's voice) of this
 * family; a shared section names nobody. 422 otherwise, before any write.
 */
export function assertEntryPerson(input: AssessmentEntryInput, members: readonly MemberFacts[]) {
  if (!isVoiceSection(input.section)) {
    if (input.memberId !== undefined) {
      throw new AppError("unprocessable", "Only the voice sections name a family member.", {
        field: "memberId",
      });
    }
    return;
  }
  const member = members.find((m) => m.id === input.memberId);
  if (!member || !voiceFits(input.section, member.kind)) {
    const who = input.section === "child_voice" ? "a child" : "a parent or carer";
    throw new AppError("unprocessable", `This voice must name ${who} of this family.`, {
      field: "memberId",
    });
  }
}

function stale(currentVersion: number, yourVersion: number): AppError {
  return new AppError(
    "stale_version",
    "Someone else changed this section since you opened it. Reload to see their words, then try again.",
    { currentVersion, yourVersion },
  );
}

/**
 * Writes one section with optimistic concurrency: version 0 creates it (409
 * when someone wrote it first), any other version updates it only if it is
 * still that version. Records the writer as a contributor.
 */
export async function writeEntry(
  tx: Executor,
  target: { assessmentId: string; familyId: string; userId: string; at: Date },
  input: AssessmentEntryInput,
) {
  const memberId = input.memberId ?? null;
  const same = and(
    eq(assessmentEntries.assessmentId, target.assessmentId),
    eq(assessmentEntries.familyId, target.familyId),
    eq(assessmentEntries.section, input.section),
    memberId === null
      ? isNull(assessmentEntries.memberId)
      : eq(assessmentEntries.memberId, memberId),
  );
  const rows =
    input.version === 0
      ? await tx
          .insert(assessmentEntries)
          .values({
            assessmentId: target.assessmentId,
            familyId: target.familyId,
            section: input.section,
            memberId,
            text: input.text,
            updatedBy: target.userId,
          })
          .onConflictDoNothing()
          .returning()
      : await tx
          .update(assessmentEntries)
          .set({
            text: input.text,
            updatedBy: target.userId,
            updatedAt: target.at,
            version: sql`${assessmentEntries.version} + 1`,
          })
          .where(and(same, eq(assessmentEntries.version, input.version)))
          .returning();
  const [entry] = rows;
  if (!entry) {
    const [current] = await tx
      .select({ version: assessmentEntries.version })
      .from(assessmentEntries)
      .where(same);
    throw stale(current?.version ?? 0, input.version);
  }
  await addContributor(tx, target.assessmentId, target.userId, target.at);
  return entry;
}

export async function addContributor(tx: Executor, assessmentId: string, userId: string, at: Date) {
  await tx
    .insert(assessmentContributors)
    .values({ assessmentId, userId, firstContributedAt: at })
    .onConflictDoNothing();
}
