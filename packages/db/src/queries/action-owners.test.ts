import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle, Executor } from "../client";
import { actionOwners, actions } from "../schema";
import {
  buildMeeting,
  buildOutcome,
  buildScenario,
  openTestDatabase,
  type Scenario,
} from "../testing";
import { listActionOwners } from "./action-owners";
import { buildPlanVersionContent } from "./plan-version-content";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(() => handle.close());

async function insertAction(db: Executor, s: Scenario, outcomeId: string, text: string) {
  const [row] = await db
    .insert(actions)
    .values({
      familyId: s.family.id,
      outcomeId,
      text,
      dueDate: "2030-01-31",
      createdBy: s.users.lead.id,
    })
    .returning({ id: actions.id });
  if (!row) throw new Error("action not inserted");
  return row.id;
}

/** A family with an action owned by a parent and a practitioner, and one by the lead alone. */
async function familyWithOwnedActions() {
  const s = await buildScenario(handle.db);
  const outcome = await buildOutcome(handle.db, {
    familyId: s.family.id,
    area: "education",
    title: "School every day",
    measure: "Attendance above 95%",
    targetDate: "2030-06-30",
    createdBy: s.users.lead.id,
  });
  const shared = await insertAction(handle.db, s, outcome.id, "Walk to school together");
  const leadOnly = await insertAction(handle.db, s, outcome.id, "Book the nurse");
  const familyId = s.family.id;
  await handle.db.insert(actionOwners).values([
    { familyId, actionId: shared, memberId: s.members.parent.id },
    { familyId, actionId: shared, userId: s.users.teamMember.id },
    { familyId, actionId: leadOnly, userId: s.users.lead.id },
  ]);
  return { s, shared, leadOnly };
}

describe("listActionOwners", () => {
  it("presents practitioners with their agency and family members by name, per action", async () => {
    const { s, shared, leadOnly } = await familyWithOwnedActions();
    const owners = await listActionOwners(handle.db, s.family.id);
    expect(owners.get(shared)).toEqual([
      {
        kind: "family_member",
        memberId: s.members.parent.id,
        name: `${s.members.parent.givenName} ${s.members.parent.familyName}`.trim(),
      },
      {
        kind: "practitioner",
        userId: s.users.teamMember.id,
        name: s.users.teamMember.displayName,
        agencyName: s.agencies.health.name,
      },
    ]);
    expect(owners.get(leadOnly)?.map((o) => o.kind)).toEqual(["practitioner"]);
  });

  it("narrows to the actions asked for, and answers nothing for another family", async () => {
    const { s, shared, leadOnly } = await familyWithOwnedActions();
    const only = await listActionOwners(handle.db, s.family.id, { actionIds: [leadOnly] });
    expect([...only.keys()]).toEqual([leadOnly]);
    expect((await listActionOwners(handle.db, s.family.id, { actionIds: [] })).size).toBe(0);
    const foreign = await listActionOwners(handle.db, s.otherFamily.id, { actionIds: [shared] });
    expect(foreign.size).toBe(0);
  });

  it("is what a stored plan version records of each action's owners", async () => {
    const { s } = await familyWithOwnedActions();
    const meeting = await buildMeeting(handle.db, {
      familyId: s.family.id,
      chairUserId: s.users.lead.id,
      state: "live",
    });
    const { content } = await buildPlanVersionContent(handle.db, {
      ...meeting,
      endedAt: new Date(),
    });
    const live = await listActionOwners(handle.db, s.family.id);
    expect(content.actions.length).toBe(2);
    for (const action of content.actions) expect(action.owners).toEqual(live.get(action.id));
  });
});
