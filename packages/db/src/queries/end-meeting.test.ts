import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../client";
import { auditEvents, meetingAttendance, meetings, planVersions } from "../schema";
import { buildMeeting, buildScenario, openTestDatabase } from "../testing";
import { endMeeting } from "./end-meeting";
import { planVersionHash } from "./plan-version-hash";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(() => handle.close());

async function liveMeeting() {
  const s = await buildScenario(handle.db);
  const meeting = await buildMeeting(handle.db, {
    familyId: s.family.id,
    chairUserId: s.users.lead.id,
    state: "live",
  });
  const lead = {
    userId: s.users.lead.id,
    role: s.users.lead.role,
    agencyId: s.users.lead.agencyId,
  };
  return { s, meeting, lead };
}

describe("endMeeting", () => {
  it("ends the meeting, closes attendance and stores a version whose hash checks", async () => {
    const { s, meeting, lead } = await liveMeeting();
    await handle.db.insert(meetingAttendance).values({
      meetingId: meeting.id,
      familyId: s.family.id,
      userId: s.users.lead.id,
      joinedAt: new Date(Date.now() - 60_000),
    });
    const now = new Date();
    const ended = await endMeeting(handle.db, {
      familyId: s.family.id,
      meetingId: meeting.id,
      actor: lead,
      now,
    });
    expect(ended.number).toBe(1);

    const [row] = await handle.db.select().from(meetings).where(eq(meetings.id, meeting.id));
    expect(row?.state).toBe("ended");
    const attendance = await handle.db
      .select()
      .from(meetingAttendance)
      .where(eq(meetingAttendance.meetingId, meeting.id));
    expect(attendance.map((a) => a.leftAt?.getTime())).toEqual([now.getTime()]);

    const [version] = await handle.db
      .select()
      .from(planVersions)
      .where(eq(planVersions.id, ended.versionId));
    if (!version) throw new Error("no version");
    expect(version.contentHash).toBe(ended.hash);
    expect(planVersionHash(version.content, version.snapshots)).toBe(version.contentHash);
    expect(version.content.documents.plan).toEqual({
      working_well: "",
      worries: "",
      what_needs_to_happen: "",
      review_notes: "",
    });
    expect(version.content.attendance).toHaveLength(1);
    const events = await handle.db
      .select({ event: auditEvents.event })
      .from(auditEvents)
      .where(eq(auditEvents.familyId, s.family.id));
    expect(events.map((e) => e.event).sort()).toEqual(["meeting.end", "plan_version.create"]);
  });

  it("refuses a meeting that is not live, and one of another family, changing nothing", async () => {
    const { s, meeting, lead } = await liveMeeting();
    const input = { familyId: s.family.id, meetingId: meeting.id, actor: lead, now: new Date() };
    await expect(
      endMeeting(handle.db, { ...input, familyId: s.otherFamily.id }),
    ).rejects.toMatchObject({ code: "not_found" });
    await endMeeting(handle.db, input);
    await expect(endMeeting(handle.db, input)).rejects.toMatchObject({ code: "conflict" });
    const versions = await handle.db
      .select()
      .from(planVersions)
      .where(eq(planVersions.familyId, s.family.id));
    expect(versions).toHaveLength(1);
  });

  it("numbers a family's versions in order", async () => {
    const { s, meeting, lead } = await liveMeeting();
    const second = await buildMeeting(handle.db, {
      familyId: s.family.id,
      chairUserId: s.users.lead.id,
      state: "live",
    });
    const base = { familyId: s.family.id, actor: lead, now: new Date() };
    expect((await endMeeting(handle.db, { ...base, meetingId: meeting.id })).number).toBe(1);
    expect((await endMeeting(handle.db, { ...base, meetingId: second.id })).number).toBe(2);
  });
});

describe("plan_versions", () => {
  it("refuses UPDATE, DELETE and TRUNCATE", async () => {
    const { s, meeting, lead } = await liveMeeting();
    const { versionId, hash } = await endMeeting(handle.db, {
      familyId: s.family.id,
      meetingId: meeting.id,
      actor: lead,
      now: new Date(),
    });
    const byId = eq(planVersions.id, versionId);
    await expect(
      handle.db
        .update(planVersions)
        .set({ contentHash: "0".repeat(64) })
        .where(byId),
    ).rejects.toThrow();
    await expect(handle.db.delete(planVersions).where(byId)).rejects.toThrow();
    await expect(handle.db.execute(sql`truncate plan_versions cascade`)).rejects.toThrow();
    const [after] = await handle.db.select().from(planVersions).where(byId);
    expect(after?.contentHash).toBe(hash);
  });
});
