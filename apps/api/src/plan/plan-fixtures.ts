import { actionOwners, actions, type Executor, outcomes } from "@teamaround/db";
import { buildScenario } from "@teamaround/db/testing";

/** Test fixtures for the plan: rows written directly, for state the API would refuse to create (past dates). */

export function dayOffset(from: Date, days: number): string {
  return new Date(from.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

export async function buildOutcome(
  db: Executor,
  input: { familyId: string; createdBy: string } & Partial<typeof outcomes.$inferInsert>,
) {
  const [row] = await db
    .insert(outcomes)
    .values({
      area: "education",
      title: "Goes to school every day",
      measure: "Attendance above 95%",
      targetDate: dayOffset(new Date(), 60),
      ...input,
    })
    .returning();
  if (!row) throw new Error("outcome not inserted");
  return row;
}

export async function buildAction(
  db: Executor,
  input: {
    familyId: string;
    outcomeId: string;
    createdBy: string;
    owners: ({ userId: string } | { memberId: string })[];
  } & Partial<typeof actions.$inferInsert>,
) {
  const { owners, ...values } = input;
  const [row] = await db
    .insert(actions)
    .values({ text: "Do the thing", dueDate: dayOffset(new Date(), 14), ...values })
    .returning();
  if (!row) throw new Error("action not inserted");
  await db
    .insert(actionOwners)
    .values(owners.map((o) => ({ familyId: input.familyId, actionId: row.id, ...o })));
  return row;
}

/** A family with one outcome, an action the parent owns and one the team member owns. */
export async function buildActionWorld(db: Executor) {
  const s = await buildScenario(db);
  const lead = s.users.lead.id;
  const outcome = await buildOutcome(db, { familyId: s.family.id, createdBy: lead });
  const parentAction = await buildAction(db, {
    familyId: s.family.id,
    outcomeId: outcome.id,
    createdBy: lead,
    owners: [{ memberId: s.members.parent.id }],
  });
  const staffAction = await buildAction(db, {
    familyId: s.family.id,
    outcomeId: outcome.id,
    createdBy: lead,
    owners: [{ userId: s.users.teamMember.id }],
  });
  const actionsPath = `/api/families/${s.family.id}/actions`;
  return { s, outcome, parentAction, staffAction, actionsPath };
}
