import { type Executor, enqueueMeetingNotices, getMeeting, meetings } from "@teamaround/db";
import { AppError, notFound } from "@teamaround/domain";
import { and, eq, ne } from "drizzle-orm";
import type { Context } from "hono";
import type { ApiEnv } from "../../app-env";
import { recordAudit } from "../../audit/record-audit";
import { updateVersioned } from "../../shared/versioned-update";
import { assertScheduled } from "./update-meeting";

type Change = "start" | "cancel";

/** scheduled → live (one live meeting per family at a time) or scheduled → cancelled. */
export async function changeMeetingState(
  c: Context<ApiEnv>,
  input: { familyId: string; meetingId: string; version: number; change: Change },
): Promise<void> {
  const { familyId, meetingId, version, change } = input;
  const { db, now } = c.var.deps;
  const meeting = await getMeeting(db, familyId, meetingId);
  if (!meeting) throw notFound("That meeting");
  assertScheduled(meeting, change === "start" ? "started" : "cancelled");
  if (change === "start") await assertNoOtherLive(db, familyId, meetingId);
  const at = now();
  const values =
    change === "start" ? { state: "live", startedAt: at } : { state: "cancelled", cancelledAt: at };
  await db.transaction(async (tx) => {
    await updateVersioned(
      tx,
      meetings,
      { id: meetingId, scope: eq(meetings.familyId, familyId), expectedVersion: version },
      values,
    );
    if (change === "cancel") {
      await enqueueMeetingNotices(tx, {
        familyId,
        meetingId,
        event: { change: "cancelled" },
        createdBy: c.var.actor?.userId ?? null,
        now: at,
      });
    }
    await recordAudit(tx, c, {
      event: `meeting.${change}`,
      familyId,
      resourceType: "meeting",
      resourceId: meetingId,
    });
  });
}

async function assertNoOtherLive(db: Executor, familyId: string, meetingId: string): Promise<void> {
  const live = await db
    .select({ id: meetings.id })
    .from(meetings)
    .where(
      and(eq(meetings.familyId, familyId), eq(meetings.state, "live"), ne(meetings.id, meetingId)),
    )
    .limit(1);
  if (live.length > 0) {
    throw new AppError("conflict", "Another meeting of this family is live; end it first.");
  }
}
