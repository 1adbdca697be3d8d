import { type Executor, outcomes } from "@teamaround/db";
import { type FamilyAudience, notFound } from "@teamaround/domain";
import { and, eq } from "drizzle-orm";
import type { Context } from "hono";
import type { ApiEnv } from "../../app-env";
import { recordAudit } from "../../audit/record-audit";
import {
  assertAudienceMembers,
  assertOwnersMaySee,
  audienceOf,
  listFamilyViewers,
  sameAudience,
} from "../../shared/family-audience";
import { type LoadedAction, loadActions, ownerMemberIds } from "./load-actions";

export interface AudienceChange {
  from: FamilyAudience;
  to: FamilyAudience;
}

/**
 * Checks a new audience for an outcome: its members are of this family, and
 * every family member owning one of its actions could still see that action.
 * Null when nothing changes.
 */
export async function outcomeAudienceChange(
  db: Executor,
  familyId: string,
  outcomeId: string,
  to: FamilyAudience,
): Promise<AudienceChange | null> {
  const [outcome] = await db
    .select({ audience: outcomes.audience, audienceMemberIds: outcomes.audienceMemberIds })
    .from(outcomes)
    .where(and(eq(outcomes.id, outcomeId), eq(outcomes.familyId, familyId)));
  if (!outcome) throw notFound("That outcome");
  const from = audienceOf(outcome);
  if (sameAudience(from, to)) return null;
  await assertAudienceMembers(db, familyId, to);
  const viewers = await listFamilyViewers(db, familyId);
  for (const action of await loadActions(db, familyId, { outcomeIds: [outcomeId] })) {
    assertOwnersMaySee(viewers, ownerMemberIds(action.owners), [to, audienceOf(action.row)]);
  }
  return { from, to };
}

/**
 * Checks an action's audience after a change (a new audience, new owners, or
 * both): family-member owners must be able to see it. The change, or null
 * when the audience stays.
 */
export async function actionAudienceChange(
  db: Executor,
  familyId: string,
  current: LoadedAction,
  change: { audience?: FamilyAudience; ownerMemberIds?: readonly string[] },
): Promise<AudienceChange | null> {
  const from = audienceOf(current.row);
  const to = change.audience ?? from;
  const owners = change.ownerMemberIds ?? ownerMemberIds(current.owners);
  if (change.audience) await assertAudienceMembers(db, familyId, to);
  assertOwnersMaySee(await listFamilyViewers(db, familyId), owners, [current.outcomeAudience, to]);
  return sameAudience(from, to) ? null : { from, to };
}

/** The audit row of an audience change, in the change's transaction. */
export function recordAudienceChange(
  tx: Executor,
  c: Context<ApiEnv>,
  target: { familyId: string; resourceType: "outcome" | "action"; resourceId: string },
  { from, to }: AudienceChange,
) {
  const { familyId, resourceType, resourceId } = target;
  return recordAudit(tx, c, {
    event: resourceType === "outcome" ? "outcome.audience_change" : "action.audience_change",
    familyId,
    resourceType,
    resourceId,
    details: {
      from: from.kind,
      to: to.kind,
      fromMemberIds: [...from.memberIds],
      toMemberIds: [...to.memberIds],
    },
  });
}
