import {
  documentKinds,
  formatDocumentName,
  type PlanVersionContent,
  planVersionFormat,
  readStoredDocument,
  type VersionAction,
  type VersionDocuments,
  type VersionSnapshots,
} from "@teamaround/domain";
import { and, asc, eq, sql } from "drizzle-orm";
import { builtOnce } from "../built-once";
import type { Executor } from "../client";
import {
  actions,
  agencies,
  meetingAttendance,
  meetingChatMessages,
  meetingDecisions,
  outcomes,
  users,
} from "../schema";
import { listActionOwners } from "./action-owners";
import { loadDocumentParts } from "./document-parts";
import { getLatestEpisode } from "./latest-episode";
import type { MeetingRow } from "./meetings";

const iso = (date: Date) => date.toISOString();
const isoOrNull = (date: Date | null) => (date ? date.toISOString() : null);

/** The three documents as stored: text per section, and each state (base64). */
export async function loadVersionDocuments(
  db: Executor,
  familyId: string,
): Promise<{ documents: VersionDocuments; snapshots: VersionSnapshots }> {
  const documents: VersionDocuments = {};
  const snapshots: VersionSnapshots = {};
  for (const kind of documentKinds) {
    const parts = await loadDocumentParts(db, formatDocumentName({ kind, familyId }));
    const { sections, state } = readStoredDocument(kind, parts);
    documents[kind] = sections;
    snapshots[kind] = Buffer.from(state).toString("base64");
  }
  return { documents, snapshots };
}

/** Everything a plan version records of a meeting that has just ended (`meeting.endedAt` set). */
export async function buildPlanVersionContent(
  db: Executor,
  meeting: MeetingRow & { endedAt: Date },
): Promise<{ content: PlanVersionContent; snapshots: VersionSnapshots }> {
  const { familyId } = meeting;
  // The plan as it stands: the current episode's outcomes, not an earlier episode's.
  const { id: episodeId } = await getLatestEpisode(db, familyId);
  const { documents, snapshots } = await loadVersionDocuments(db, familyId);
  const content: PlanVersionContent = {
    format: planVersionFormat,
    meeting: {
      id: meeting.id,
      kind: meeting.kind,
      scheduledFor: iso(meeting.scheduledFor),
      startedAt: isoOrNull(meeting.startedAt),
      endedAt: iso(meeting.endedAt),
      chairUserId: meeting.chairUserId,
      agenda: meeting.agenda,
    },
    documents,
    outcomes: await loadOutcomes(db, familyId, episodeId),
    actions: await loadActions(db, familyId, episodeId),
    attendance: await listMeetingAttendance(db, familyId, meeting.id),
    chat: await listMeetingChat(db, familyId, meeting.id),
    decisions: await listMeetingDecisions(db, familyId, meeting.id),
  };
  return { content, snapshots };
}

/** The episode's outcomes, oldest first, as a plan version (or a plan signed off) keeps them. */
export async function loadOutcomes(db: Executor, familyId: string, episodeId: string) {
  return db
    .select({
      id: outcomes.id,
      area: outcomes.area,
      title: outcomes.title,
      measure: outcomes.measure,
      targetDate: outcomes.targetDate,
      status: outcomes.status,
    })
    .from(outcomes)
    .where(and(eq(outcomes.familyId, familyId), eq(outcomes.episodeId, episodeId)))
    .orderBy(asc(outcomes.createdAt), asc(outcomes.id));
}

/** The episode's actions with their owners, oldest first, as a plan version keeps them. */
export async function loadActions(
  db: Executor,
  familyId: string,
  episodeId: string,
): Promise<VersionAction[]> {
  const found = await db
    .select({ row: actions })
    .from(actions)
    .innerJoin(outcomes, eq(outcomes.id, actions.outcomeId))
    .where(and(eq(actions.familyId, familyId), eq(outcomes.episodeId, episodeId)))
    .orderBy(asc(actions.createdAt), asc(actions.id));
  const byAction = await listActionOwners(db, familyId);
  return found.map(({ row }) => ({
    id: row.id,
    outcomeId: row.outcomeId,
    text: row.text,
    dueDate: row.dueDate,
    status: row.status,
    completedAt: isoOrNull(row.completedAt),
    owners: byAction.get(row.id) ?? [],
  }));
}

/** The meeting's rows, oldest first, dates as ISO strings. */
export async function listMeetingAttendance(db: Executor, familyId: string, meetingId: string) {
  const rows = await db
    .select({
      userId: meetingAttendance.userId,
      name: users.displayName,
      agencyName: agencies.name,
      joinedAt: meetingAttendance.joinedAt,
      leftAt: meetingAttendance.leftAt,
    })
    .from(meetingAttendance)
    .innerJoin(users, eq(users.id, meetingAttendance.userId))
    .leftJoin(agencies, eq(agencies.id, users.agencyId))
    .where(
      and(eq(meetingAttendance.familyId, familyId), eq(meetingAttendance.meetingId, meetingId)),
    )
    .orderBy(asc(meetingAttendance.joinedAt), asc(meetingAttendance.id));
  return rows.map((r) => ({ ...r, joinedAt: iso(r.joinedAt), leftAt: isoOrNull(r.leftAt) }));
}

/** The meeting's rows, oldest first, dates as ISO strings. */
export async function listMeetingChat(db: Executor, familyId: string, meetingId: string) {
  const rows = await meetingChatOf(db).execute({ familyId, meetingId });
  return rows.map((r) => ({ ...r, sentAt: iso(r.sentAt) }));
}

// Both lists are read by everyone joining a meeting: built once.
const meetingChatOf = builtOnce((db) =>
  db
    .select({
      id: meetingChatMessages.id,
      authorUserId: meetingChatMessages.authorUserId,
      authorName: users.displayName,
      body: meetingChatMessages.body,
      sentAt: meetingChatMessages.sentAt,
    })
    .from(meetingChatMessages)
    .innerJoin(users, eq(users.id, meetingChatMessages.authorUserId))
    .where(
      and(
        eq(meetingChatMessages.familyId, sql.placeholder("familyId")),
        eq(meetingChatMessages.meetingId, sql.placeholder("meetingId")),
      ),
    )
    .orderBy(asc(meetingChatMessages.sentAt), asc(meetingChatMessages.id))
    .prepare("meeting_chat_of"),
);
const meetingDecisionsOf = builtOnce((db) =>
  db
    .select({
      id: meetingDecisions.id,
      text: meetingDecisions.text,
      recordedBy: meetingDecisions.recordedBy,
      recordedByName: users.displayName,
      recordedAt: meetingDecisions.recordedAt,
    })
    .from(meetingDecisions)
    .innerJoin(users, eq(users.id, meetingDecisions.recordedBy))
    .where(
      and(
        eq(meetingDecisions.familyId, sql.placeholder("familyId")),
        eq(meetingDecisions.meetingId, sql.placeholder("meetingId")),
      ),
    )
    .orderBy(asc(meetingDecisions.recordedAt), asc(meetingDecisions.id))
    .prepare("meeting_decisions_of"),
);

/** The meeting's rows, oldest first, dates as ISO strings. */
export async function listMeetingDecisions(db: Executor, familyId: string, meetingId: string) {
  const rows = await meetingDecisionsOf(db).execute({ familyId, meetingId });
  return rows.map((r) => ({ ...r, recordedAt: iso(r.recordedAt) }));
}
