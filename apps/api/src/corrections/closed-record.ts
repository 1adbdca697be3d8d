import { assessments, type Executor, episodes, meetings, reviews } from "@teamaround/db";
import { AppError, type CorrectionRecordKind, notFound } from "@teamaround/domain";
import { and, eq } from "drizzle-orm";

/** Whether the record is the family's (else null) and closed, so read-only. */
async function recordState(
  db: Executor,
  familyId: string,
  kind: CorrectionRecordKind,
  recordId: string,
): Promise<{ closed: boolean } | null> {
  const byEpisode = (status: string | undefined) =>
    status ? { closed: status === "closed" } : null;
  switch (kind) {
    case "assessment": {
      const [row] = await db
        .select({ status: episodes.status })
        .from(assessments)
        .innerJoin(episodes, eq(episodes.id, assessments.episodeId))
        .where(and(eq(assessments.id, recordId), eq(assessments.familyId, familyId)));
      return byEpisode(row?.status);
    }
    case "review": {
      const [row] = await db
        .select({ status: episodes.status })
        .from(reviews)
        .innerJoin(episodes, eq(episodes.id, reviews.episodeId))
        .where(and(eq(reviews.id, recordId), eq(reviews.familyId, familyId)));
      return byEpisode(row?.status);
    }
    case "closure": {
      const [row] = await db
        .select({ status: episodes.status })
        .from(episodes)
        .where(and(eq(episodes.id, recordId), eq(episodes.familyId, familyId)));
      return byEpisode(row?.status);
    }
    case "meeting_record": {
      const [row] = await db
        .select({ state: meetings.state })
        .from(meetings)
        .where(and(eq(meetings.id, recordId), eq(meetings.familyId, familyId)));
      return row ? { closed: row.state === "ended" } : null;
    }
  }
}

/** 404 when the record is not the family's; 409 while it is still open (edit it instead). */
export async function requireClosedRecord(
  db: Executor,
  familyId: string,
  kind: CorrectionRecordKind,
  recordId: string,
): Promise<void> {
  const state = await recordState(db, familyId, kind, recordId);
  if (!state) throw notFound("That record");
  if (!state.closed) {
    throw new AppError(
      "conflict",
      "This record is still open: change it directly. Corrections are for closed records.",
    );
  }
}

/** The record exists in the family (closed or not): listing corrections needs no more. */
export async function requireRecord(
  db: Executor,
  familyId: string,
  kind: CorrectionRecordKind,
  recordId: string,
): Promise<void> {
  if (!(await recordState(db, familyId, kind, recordId))) throw notFound("That record");
}
