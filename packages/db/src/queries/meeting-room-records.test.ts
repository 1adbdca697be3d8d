import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../client";
import {
  auditEvents,
  meetingAttendance,
  meetingChatMessages,
  meetingDecisions,
  meetings,
} from "../schema";
import { buildMeeting, buildScenario, openTestDatabase } from "../testing";
import {
  closeAttendance,
  insertAttendance,
  insertChatMessage,
  insertDecision,
  type RealtimeSource,
  recordRealtimeAudit,
  setAgendaItem,
} from "./meeting-room-records";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(() => handle.close());

async function liveMeeting(state: "live" | "ended" = "live") {
  const s = await buildScenario(handle.db);
  const meeting = await buildMeeting(handle.db, {
    familyId: s.family.id,
    chairUserId: s.users.lead.id,
    state,
  });
  const source: RealtimeSource = {
    actor: { userId: s.users.lead.id, role: s.users.lead.role, agencyId: s.users.lead.agencyId },
    ipAddress: "127.0.0.1",
    userAgent: "vitest",
  };
  const ref = { meetingId: meeting.id, familyId: s.family.id };
  return { s, meeting, source, ref };
}

async function auditOf(familyId: string) {
  return handle.db
    .select()
    .from(auditEvents)
    .where(eq(auditEvents.familyId, familyId))
    .orderBy(auditEvents.id);
}

describe("attendance", () => {
  it("inserts one row per join with its meeting.join audit, and closes it once", async () => {
    const { s, source, ref } = await liveMeeting();
    const joinedAt = new Date(Date.now() - 60_000);
    const { id } = await insertAttendance(handle.db, source, { ...ref, joinedAt });
    const [row] = await handle.db
      .select()
      .from(meetingAttendance)
      .where(eq(meetingAttendance.id, id));
    expect(row).toMatchObject({ ...ref, userId: s.users.lead.id, joinedAt, leftAt: null });
    expect(await auditOf(s.family.id)).toEqual([
      expect.objectContaining({
        event: "meeting.join",
        actorId: s.users.lead.id,
        resourceType: "meeting",
        resourceId: ref.meetingId,
        ipAddress: "127.0.0.1",
        userAgent: "vitest",
        details: { attendanceId: id },
      }),
    ]);

    const leftAt = new Date();
    expect(
      await closeAttendance(handle.db, { attendanceId: id, familyId: ref.familyId, leftAt }),
    ).toBe(true);
    const later = new Date(Date.now() + 60_000);
    expect(
      await closeAttendance(handle.db, { attendanceId: id, familyId: ref.familyId, leftAt: later }),
    ).toBe(false);
    const [closed] = await handle.db
      .select()
      .from(meetingAttendance)
      .where(eq(meetingAttendance.id, id));
    expect(closed?.leftAt).toEqual(leftAt);
  });

  it("does not close a row through another family's id", async () => {
    const { s, source, ref } = await liveMeeting();
    const { id } = await insertAttendance(handle.db, source, { ...ref, joinedAt: new Date() });
    const other = { attendanceId: id, familyId: s.otherFamily.id, leftAt: new Date() };
    expect(await closeAttendance(handle.db, other)).toBe(false);
  });
});

const chatOf = (meetingId: string) =>
  handle.db.select().from(meetingChatMessages).where(eq(meetingChatMessages.meetingId, meetingId));

describe("chat and decisions", () => {
  it("stores a chat message with its meeting.chat audit in one go", async () => {
    const { s, source, ref } = await liveMeeting();
    const sentAt = new Date();
    const stored = await insertChatMessage(handle.db, source, { ...ref, body: "Hello", sentAt });
    const id = stored?.id;
    expect(id).toEqual(expect.any(String));
    const rows = await handle.db
      .select()
      .from(meetingChatMessages)
      .where(eq(meetingChatMessages.meetingId, ref.meetingId));
    expect(rows).toEqual([
      expect.objectContaining({ id, ...ref, authorUserId: s.users.lead.id, body: "Hello", sentAt }),
    ]);
    expect(await auditOf(s.family.id)).toEqual([
      expect.objectContaining({
        event: "meeting.chat",
        resourceType: "meeting_chat_message",
        resourceId: id,
        details: { meetingId: ref.meetingId },
      }),
    ]);
  });

  it("stores a decision with its meeting.decision_record audit", async () => {
    const { s, source, ref } = await liveMeeting();
    const recordedAt = new Date();
    const { id } = await insertDecision(handle.db, source, { ...ref, text: "Agreed", recordedAt });
    const [row] = await handle.db
      .select()
      .from(meetingDecisions)
      .where(eq(meetingDecisions.id, id));
    expect(row).toMatchObject({ ...ref, text: "Agreed", recordedBy: s.users.lead.id, recordedAt });
    expect((await auditOf(s.family.id)).map((a) => [a.event, a.resourceId])).toEqual([
      ["meeting.decision_record", id],
    ]);
  });

  it("writes neither the message nor its audit when the meeting is another family's", async () => {
    const { s, source, ref } = await liveMeeting();
    const foreign = { ...ref, familyId: s.otherFamily.id };
    expect(
      await insertChatMessage(handle.db, source, { ...foreign, body: "x", sentAt: new Date() }),
    ).toBeNull();
    expect(await auditOf(s.otherFamily.id)).toEqual([]);
    expect(await chatOf(ref.meetingId)).toEqual([]);
  });

  it("writes neither the message nor its audit once the meeting is no longer live", async () => {
    const { s, source, ref } = await liveMeeting("ended");
    expect(
      await insertChatMessage(handle.db, source, { ...ref, body: "Late", sentAt: new Date() }),
    ).toBeNull();
    expect(await auditOf(s.family.id)).toEqual([]);
    expect(await chatOf(ref.meetingId)).toEqual([]);
  });

  it("writes neither when the body breaks the table's rule", async () => {
    const { s, source, ref } = await liveMeeting();
    await expect(
      insertChatMessage(handle.db, source, { ...ref, body: "", sentAt: new Date() }),
    ).rejects.toThrow();
    expect(await auditOf(s.family.id)).toEqual([]);
  });
});

describe("setAgendaItem", () => {
  it("moves a live meeting to an item, bumping its version, audited", async () => {
    const { s, meeting, source, ref } = await liveMeeting();
    const agendaItemId = meeting.agenda[0]?.id ?? null;
    expect(await setAgendaItem(handle.db, source, { ...ref, agendaItemId, at: new Date() })).toBe(
      true,
    );
    const [row] = await handle.db.select().from(meetings).where(eq(meetings.id, meeting.id));
    expect(row).toMatchObject({ currentAgendaItemId: agendaItemId, version: meeting.version + 1 });
    expect((await auditOf(s.family.id)).map((a) => [a.event, a.details])).toEqual([
      ["meeting.agenda_set", { agendaItemId }],
    ]);
  });

  it("changes and audits nothing when the meeting is not live", async () => {
    const { s, meeting, source, ref } = await liveMeeting("ended");
    const agendaItemId = meeting.agenda[0]?.id ?? null;
    expect(await setAgendaItem(handle.db, source, { ...ref, agendaItemId, at: new Date() })).toBe(
      false,
    );
    const [row] = await handle.db
      .select()
      .from(meetings)
      .where(and(eq(meetings.id, meeting.id), eq(meetings.familyId, s.family.id)));
    expect(row).toMatchObject({ currentAgendaItemId: null, version: meeting.version });
    expect(await auditOf(s.family.id)).toEqual([]);
  });
});

describe("recordRealtimeAudit", () => {
  it("appends one row as the source, inside the caller's transaction", async () => {
    const { s, source, ref } = await liveMeeting();
    await handle.db
      .transaction(async (tx) => {
        await recordRealtimeAudit(tx, source, {
          event: "document.join",
          familyId: ref.familyId,
          resourceType: "document",
          resourceId: "plan:x",
        });
        throw new Error("roll back");
      })
      .catch(() => {});
    expect(await auditOf(s.family.id)).toEqual([]);
    await recordRealtimeAudit(handle.db, source, {
      event: "document.join",
      familyId: ref.familyId,
      resourceType: "document",
      resourceId: "plan:x",
      details: { access: "write" },
    });
    expect(await auditOf(s.family.id)).toEqual([
      expect.objectContaining({
        actorId: source.actor.userId,
        actorRole: source.actor.role,
        event: "document.join",
        details: { access: "write" },
      }),
    ]);
  });

  it("stores no details as SQL null, and details as a JSON object", async () => {
    const { source, ref } = await liveMeeting();
    const entry = { familyId: ref.familyId, resourceType: "document", resourceId: "plan:y" };
    await recordRealtimeAudit(handle.db, source, { ...entry, event: "document.join" });
    await recordRealtimeAudit(handle.db, source, {
      ...entry,
      event: "document.join",
      details: { access: "read" },
    });
    const rows = await handle.db
      .select({
        isNull: sql<boolean>`${auditEvents.details} is null`,
        type: sql<string | null>`jsonb_typeof(${auditEvents.details})`,
      })
      .from(auditEvents)
      .where(and(eq(auditEvents.familyId, ref.familyId), eq(auditEvents.resourceId, "plan:y")))
      .orderBy(auditEvents.id);
    expect(rows).toEqual([
      { isNull: true, type: null },
      { isNull: false, type: "object" },
    ]);
  });
});
