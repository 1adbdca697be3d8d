import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../client";
import { episodes, families } from "../schema";
import {
  buildAction,
  buildMeeting,
  buildNextEpisode,
  buildOutcome,
  buildScenario,
  openTestDatabase,
} from "../testing";
import { buildPlanVersionContent } from "./plan-version-content";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(() => handle.close());

describe("buildPlanVersionContent", () => {
  it("records the current episode's outcomes and actions, not an earlier episode's", async () => {
    const db = handle.db;
    const s = await buildScenario(db);
    const familyId = s.family.id;
    const createdBy = s.users.lead.id;
    const owners = [{ userId: createdBy }];
    const earlier = await buildOutcome(db, { familyId, createdBy, title: "Before" });
    await buildAction(db, { familyId, outcomeId: earlier.id, createdBy, owners });
    const closedAt = new Date();
    await db
      .update(episodes)
      .set({ status: "closed", closedAt, closureReason: "outcomes_met" })
      .where(eq(episodes.id, earlier.episodeId));
    await db.update(families).set({ status: "closed", closedAt }).where(eq(families.id, familyId));
    const episode = await buildNextEpisode(db, familyId, createdBy);
    const current = await buildOutcome(db, { familyId, createdBy, title: "Now" });
    const action = await buildAction(db, { familyId, outcomeId: current.id, createdBy, owners });
    expect(current.episodeId).toBe(episode.id);

    const meeting = await buildMeeting(db, { familyId, chairUserId: createdBy, state: "live" });
    const { content } = await buildPlanVersionContent(db, { ...meeting, endedAt: new Date() });
    expect(content.outcomes.map((o) => o.title)).toEqual(["Now"]);
    expect(content.actions.map((a) => a.id)).toEqual([action.id]);
  });
});
