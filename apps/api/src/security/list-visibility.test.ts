import {
  actionOwners,
  actions,
  type Executor,
  families,
  getFamilyAccess,
  teamMemberships,
  users,
} from "@teamaround/db";
import { buildFamily } from "@teamaround/db/testing";
import { type Actor, can, isOnMyActionList } from "@teamaround/domain";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listMyFamilies } from "../families/list-my-families";
import { listFamilyMemberActions } from "../plan/commands/list-my-actions";
import { listMyActionsAudited } from "../plan/commands/my-actions-audited";
import { startTestApi, type TestApi } from "../testing/test-api";
import { type Persona, personas } from "./personas";
import { buildSecurityWorld, type SecurityWorld } from "./security-world";

/**
 * `listMyFamilies` and the two "my actions" reads filter in SQL for speed. Here, for every
 * signed-in persona of the security world and every family and action in the
 * database, the lists must hold exactly what the domain policy allows — so a
 * change to either side alone fails.
 */
let api: TestApi;
let world: SecurityWorld;
const today = new Date().toISOString().slice(0, 10);

type SignedInPersona = Exclude<Persona, "anonymous" | "expiredSession">;
const userOf: Record<SignedInPersona, (w: SecurityWorld) => { id: string }> = {
  administrator: (w) => w.users.administrator,
  manager: (w) => w.users.manager,
  leadProfessional: (w) => w.users.lead,
  teamMember: (w) => w.users.teamMember,
  outsider: (w) => w.users.outsider,
  familyMember: (w) => w.users.parentUser,
  otherFamilyMember: (w) => w.users.otherParentUser,
  analyst: (w) => w.analyst,
  guest: (w) => ({ id: w.guest.userId }),
};
const signedIn = Object.keys(userOf) as SignedInPersona[];

async function ownedAction(db: Executor, w: SecurityWorld, owner: { userId: string }) {
  const [action] = await db
    .insert(actions)
    .values({
      familyId: w.family.id,
      outcomeId: w.outcome.id,
      text: "Still named as owner",
      dueDate: w.inAMonth,
      createdBy: w.users.lead.id,
    })
    .returning();
  if (!action) throw new Error("action not inserted");
  await db.insert(actionOwners).values({ familyId: w.family.id, actionId: action.id, ...owner });
}

/**
 * The route's read for this actor: the member's own for a family member, the
 * audited one for staff. A guest never reaches it (the global policy refuses),
 * and owns no action.
 */
async function listMyActions(db: Executor, actor: Actor) {
  if (actor.role === "guest") return [];
  return actor.role === "family_member"
    ? listFamilyMemberActions(db, actor, "all", today)
    : listMyActionsAudited(db, actor, "all", today, { ipAddress: null, userAgent: null });
}

beforeAll(async () => {
  api = await startTestApi();
  const db = api.deps.db;
  world = await buildSecurityWorld(db);
  // Edges the SQL must agree on: a closed case; the outsider a former team
  // member still named as an action's owner; the manager named as an owner
  // without being in the team (oversight, not a list of their own).
  await buildFamily(db, { lead: world.users.lead, status: "closed" });
  await db.insert(teamMemberships).values({
    familyId: world.family.id,
    userId: world.users.outsider.id,
    role: "member",
    consentId: world.consent.id,
    removedAt: new Date(),
    removedReason: "Left the service",
  });
  await ownedAction(db, world, { userId: world.users.outsider.id });
  await ownedAction(db, world, { userId: world.users.manager.id });
});
afterAll(() => api.close());

async function actorOf(persona: SignedInPersona): Promise<Actor> {
  const id = userOf[persona](world).id;
  const [user] = await api.deps.db.select().from(users).where(eq(users.id, id));
  if (!user) throw new Error(`no user for ${persona}`);
  return { userId: user.id, role: user.role, agencyId: user.agencyId };
}

describe("list queries agree with the policy", () => {
  it("covers every signed-in persona of the security suite", () => {
    const suite = personas.filter((p) => p !== "anonymous" && p !== "expiredSession");
    expect(signedIn.slice().sort()).toEqual(suite.slice().sort());
  });

  it.each(signedIn)(
    "listMyFamilies for %s is exactly the families it may read",
    async (persona) => {
      const db = api.deps.db;
      const actor = await actorOf(persona);
      const allowed: string[] = [];
      for (const { id } of await db.select({ id: families.id }).from(families)) {
        const found = await getFamilyAccess(db, actor, id);
        if (found && can(found.access, "family", "read")) allowed.push(id);
      }
      const listed = (await listMyFamilies(db, actor, today)).map((f) => f.id);
      expect(listed.sort()).toEqual(allowed.sort());
    },
  );

  it.each(signedIn)("listMyActions for %s is exactly its own readable actions", async (persona) => {
    const db = api.deps.db;
    const actor = await actorOf(persona);
    const owners = await db.select().from(actionOwners);
    const allowed: string[] = [];
    for (const action of await db.select().from(actions)) {
      const found = await getFamilyAccess(db, actor, action.familyId);
      const mine = owners.filter((o) => o.actionId === action.id);
      const named = {
        userIds: mine.flatMap((o) => (o.userId ? [o.userId] : [])),
        memberIds: mine.flatMap((o) => (o.memberId ? [o.memberId] : [])),
      };
      if (found && isOnMyActionList(found.access, named)) allowed.push(action.id);
    }
    const listed = (await listMyActions(db, actor)).map((a) => a.id);
    expect(listed.sort()).toEqual(allowed.sort());
  });

  it("is not vacuous: some personas see families and actions, some see none", async () => {
    const db = api.deps.db;
    const counts = await Promise.all(
      signedIn.map(async (persona) => {
        const actor = await actorOf(persona);
        return [
          (await listMyFamilies(db, actor, today)).length,
          (await listMyActions(db, actor)).length,
        ];
      }),
    );
    expect(counts.some(([f]) => (f ?? 0) > 0)).toBe(true);
    expect(counts.some(([, a]) => (a ?? 0) > 0)).toBe(true);
    expect(counts.some(([f, a]) => f === 0 && a === 0)).toBe(true);
  });
});
