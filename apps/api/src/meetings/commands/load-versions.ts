import { type Executor, planVersions } from "@teamaround/db";
import { type MeetingKind, notFound } from "@teamaround/domain";
import { and, desc, eq, lt, sql } from "drizzle-orm";

export type VersionRow = typeof planVersions.$inferSelect;

/** Versions of one family, newest first, without their (large) content. */
export async function listVersions(db: Executor, familyId: string) {
  return db
    .select({
      id: planVersions.id,
      number: planVersions.number,
      meetingId: planVersions.meetingId,
      meetingKind: sql<MeetingKind>`${planVersions.content}->'meeting'->>'kind'`,
      meetingEndedAt: sql<string>`${planVersions.content}->'meeting'->>'endedAt'`,
      createdAt: planVersions.createdAt,
      contentHash: planVersions.contentHash,
    })
    .from(planVersions)
    .where(eq(planVersions.familyId, familyId))
    .orderBy(desc(planVersions.number));
}

/** One version of the family; another family's version id answers 404. */
export async function getVersion(db: Executor, familyId: string, versionId: string) {
  const [row] = await db
    .select()
    .from(planVersions)
    .where(and(eq(planVersions.id, versionId), eq(planVersions.familyId, familyId)));
  if (!row) throw notFound("That plan version");
  return row;
}

/** The version just before `number`, or null for the first. */
export async function getPreviousVersion(db: Executor, familyId: string, number: number) {
  const [row] = await db
    .select()
    .from(planVersions)
    .where(and(eq(planVersions.familyId, familyId), lt(planVersions.number, number)))
    .orderBy(desc(planVersions.number))
    .limit(1);
  return row ?? null;
}

export interface VersionSummaryRow {
  id: string;
  number: number;
  meetingId: string;
  meetingKind: MeetingKind;
  meetingEndedAt: string;
  createdAt: Date;
  contentHash: string;
}

export function summaryOf(row: VersionRow): VersionSummaryRow {
  const { meeting } = row.content;
  return { ...row, meetingKind: meeting.kind, meetingEndedAt: meeting.endedAt };
}

export function presentVersionSummary(row: VersionSummaryRow) {
  return {
    id: row.id,
    number: row.number,
    meeting: { id: row.meetingId, kind: row.meetingKind, endedAt: row.meetingEndedAt },
    createdAt: row.createdAt.toISOString(),
    hash: row.contentHash,
  };
}
