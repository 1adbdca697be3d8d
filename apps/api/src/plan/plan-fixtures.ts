import type { Executor } from "@teamaround/db";
import { buildAction, buildOutcome, buildScenario } from "@teamaround/db/testing";

/** Test fixtures for the plan: rows written directly, for state the API would refuse to create (past dates). */
export { buildAction, buildOutcome, dayOffset } from "@teamaround/db/testing";

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
