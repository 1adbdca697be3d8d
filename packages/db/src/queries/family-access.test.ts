import { randomUUID } from "node:crypto";
import type { UserRole } from "@teamaround/domain";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../client";
import { teamMemberships } from "../schema";
import { buildScenario } from "../testing/scenario";
import { openTestDatabase } from "../testing/test-database";
import { accessKey, getFamilyAccess, getFamilyAccesses } from "./family-access";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(async () => {
  await handle.close();
});

const actorOf = (user: { id: string; role: UserRole; agencyId: string | null }) => ({
  userId: user.id,
  role: user.role,
  agencyId: user.agencyId,
});

describe("getFamilyAccess", () => {
  it("reads each person's standing towards the family", async () => {
    const { family, users, members } = await buildScenario(handle.db);
    const access = async (user: Parameters<typeof actorOf>[0]) =>
      (await getFamilyAccess(handle.db, actorOf(user), family.id))?.access;
    expect(await access(users.lead)).toMatchObject({
      familyId: family.id,
      familyStatus: "plan_active",
      owningAgencyId: family.owningAgencyId,
      teamRole: "lead_professional",
      familyMemberId: null,
    });
    expect(await access(users.teamMember)).toMatchObject({ teamRole: "member" });
    expect(await access(users.parentUser)).toMatchObject({
      teamRole: null,
      familyMemberId: members.parent.id,
    });
    expect(await access(users.otherParentUser)).toMatchObject({
      teamRole: null,
      familyMemberId: null,
    });
    expect(await access(users.outsider)).toMatchObject({ teamRole: null, familyMemberId: null });
  });

  it("forgets a team member once they are removed", async () => {
    const { family, users } = await buildScenario(handle.db);
    await handle.db
      .update(teamMemberships)
      .set({ removedAt: new Date() })
      .where(
        and(
          eq(teamMemberships.familyId, family.id),
          eq(teamMemberships.userId, users.teamMember.id),
        ),
      );
    const found = await getFamilyAccess(handle.db, actorOf(users.teamMember), family.id);
    expect(found?.access.teamRole).toBeNull();
  });

  it("answers null for a family that does not exist", async () => {
    const { users } = await buildScenario(handle.db);
    expect(await getFamilyAccess(handle.db, actorOf(users.lead), randomUUID())).toBeNull();
  });
});

describe("getFamilyAccesses", () => {
  it("reads every (person, family) pair at once, exactly as getFamilyAccess reads each", async () => {
    const s = await buildScenario(handle.db);
    const people = Object.values(s.users);
    const actors = new Map(people.map((u) => [u.id, actorOf(u)]));
    const familyIds = [s.family.id, s.otherFamily.id, randomUUID()];
    const pairs = people.flatMap((u) => familyIds.map((familyId) => ({ userId: u.id, familyId })));
    const batched = await getFamilyAccesses(handle.db, actors, pairs);
    for (const pair of pairs) {
      const actor = actors.get(pair.userId);
      if (!actor) throw new Error("every pair's person has an actor");
      const one = await getFamilyAccess(handle.db, actor, pair.familyId);
      expect(batched.get(accessKey(pair.userId, pair.familyId)) ?? null).toEqual(
        one?.access ?? null,
      );
    }
  });
});
