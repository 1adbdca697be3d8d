import { z } from "@hono/zod-openapi";
import { actions, type Executor, familyMembers, outcomes } from "@teamaround/db";
import {
  AppError,
  audienceShapeProblem,
  everythingSeen,
  type FamilyAccess,
  type FamilyAudience,
  type FamilyViewer,
  familyAudienceKinds,
  familyMemberMaySee,
  familyViewerOf,
  maySeeWithin,
  type PlanItemSight,
} from "@teamaround/domain";
import { eq } from "drizzle-orm";

/** Who in the family can see an action, outcome or share, as sent and answered. */
export const FamilyAudienceSchema = z
  .strictObject({
    kind: z
      .enum(familyAudienceKinds)
      .describe(
        "whole_family (the default), parental_responsibility (adults holding it), young_person (one named child), named_members",
      ),
    memberIds: z
      .array(z.uuid())
      .max(30)
      .default([])
      .describe(
        "The young person (exactly one) or the named members (at least one) of this family",
      ),
  })
  .superRefine((audience, ctx) => {
    const problem = audienceShapeProblem(audience);
    if (problem) ctx.addIssue({ code: "custom", path: ["memberIds"], message: problem });
  })
  .openapi("FamilyAudience");

/** An audience as answered (to staff and family alike: it names no one's details). */
export const AudienceShownSchema = z
  .object({ kind: z.enum(familyAudienceKinds), memberIds: z.array(z.uuid()) })
  .openapi("FamilyAudienceShown");

/** The stored columns of an audience (`audienceColumns` in packages/db). */
export interface AudienceColumns {
  audience: FamilyAudience["kind"];
  audienceMemberIds: string[];
}

/** The stored audience (as the domain's `FamilyAudience`, and as answered). */
export function audienceOf(row: AudienceColumns): {
  kind: FamilyAudience["kind"];
  memberIds: string[];
} {
  return { kind: row.audience, memberIds: [...row.audienceMemberIds] };
}

export function audienceColumnsOf(audience: FamilyAudience): AudienceColumns {
  return { audience: audience.kind, audienceMemberIds: [...audience.memberIds] };
}

export function sameAudience(a: FamilyAudience, b: FamilyAudience): boolean {
  return a.kind === b.kind && [...a.memberIds].sort().join() === [...b.memberIds].sort().join();
}

/** Every family member as a viewer (id and parental responsibility). */
export async function listFamilyViewers(db: Executor, familyId: string): Promise<FamilyViewer[]> {
  const rows = await db
    .select({
      memberId: familyMembers.id,
      parentalResponsibility: familyMembers.parentalResponsibility,
    })
    .from(familyMembers)
    .where(eq(familyMembers.familyId, familyId));
  return rows.map(({ memberId, parentalResponsibility }) => ({ memberId, parentalResponsibility }));
}

/**
 * The members an audience names must be of this family, and the young person
 * a child; anything else is 422 on `audience.memberIds.N`.
 */
export async function assertAudienceMembers(
  db: Executor,
  familyId: string,
  audience: FamilyAudience,
): Promise<void> {
  if (audience.memberIds.length === 0) return;
  const rows = await db
    .select({ id: familyMembers.id, kind: familyMembers.kind })
    .from(familyMembers)
    .where(eq(familyMembers.familyId, familyId));
  const kinds = new Map(rows.map((r) => [r.id, r.kind]));
  const problems = audience.memberIds.flatMap((id, index) => {
    const kind = kinds.get(id);
    const path = `audience.memberIds.${index}`;
    if (kind === undefined) return [{ path, message: "is not a member of this family" }];
    if (audience.kind === "young_person" && kind !== "child") {
      return [{ path, message: "is not a child or young person" }];
    }
    return [];
  });
  if (problems.length > 0) {
    throw new AppError("unprocessable", "Choose people in this family who can see this.", problems);
  }
}

/**
 * Family members who own an action must be able to see it (its own audience
 * and its outcome's), so nobody is told of an action they cannot open; 422 otherwise.
 */
export function assertOwnersMaySee(
  viewers: readonly FamilyViewer[],
  ownerMemberIds: readonly string[],
  audiences: readonly FamilyAudience[],
  field = "audience",
): void {
  const outside = ownerMemberIds.filter((id) => {
    const viewer = viewers.find((v) => v.memberId === id);
    return !viewer || !audiences.every((a) => familyMemberMaySee(viewer, a));
  });
  if (outside.length === 0) return;
  throw new AppError(
    "unprocessable",
    "A family member who owns an action must be able to see it: choose who can see it so it includes them, or change the owners.",
    outside.map((memberId) => ({ path: field, message: `owner ${memberId} could not see it` })),
  );
}

/**
 * Reads the audiences of every outcome and action of the family now (two
 * queries) and answers, by id, whether the caller may see each — for views
 * of stored copies (plan versions, meeting records, the printed plan) whose
 * rows carry no audience: the current audience decides. An id no longer
 * stored is treated as the whole family's.
 */
export async function loadPlanItemSight(
  db: Executor,
  access: FamilyAccess,
): Promise<PlanItemSight> {
  if (familyViewerOf(access) === null) return everythingSeen;
  const outcomeRows = await db
    .select({
      id: outcomes.id,
      audience: outcomes.audience,
      audienceMemberIds: outcomes.audienceMemberIds,
    })
    .from(outcomes)
    .where(eq(outcomes.familyId, access.familyId));
  const actionRows = await db
    .select({
      id: actions.id,
      outcomeId: actions.outcomeId,
      audience: actions.audience,
      audienceMemberIds: actions.audienceMemberIds,
    })
    .from(actions)
    .where(eq(actions.familyId, access.familyId));
  const outcomeSeen = new Map(outcomeRows.map((o) => [o.id, maySeeWithin(access, audienceOf(o))]));
  const actionSeen = new Map(
    actionRows.map((a) => [
      a.id,
      (outcomeSeen.get(a.outcomeId) ?? true) && maySeeWithin(access, audienceOf(a)),
    ]),
  );
  return {
    outcome: (id) => outcomeSeen.get(id) ?? true,
    action: (id) => actionSeen.get(id) ?? true,
  };
}

/**
 * Who in the family hears live of a change to an item (`familySeenBy` on
 * `family.changed`): the accounts of the members who may see it under each
 * chain of audiences given (an action's: its outcome's and its own; before
 * and after a change, both). Undefined when every audience is the whole
 * family's, so the whole family's room hears it as before.
 */
export async function familySeenBy(
  db: Executor,
  familyId: string,
  chains: readonly (readonly FamilyAudience[])[],
): Promise<string[] | undefined> {
  if (chains.every((chain) => chain.every((a) => a.kind === "whole_family"))) return undefined;
  const rows = await db
    .select({
      memberId: familyMembers.id,
      parentalResponsibility: familyMembers.parentalResponsibility,
      userId: familyMembers.userId,
    })
    .from(familyMembers)
    .where(eq(familyMembers.familyId, familyId));
  return rows.flatMap(({ userId, ...viewer }) =>
    userId && chains.some((chain) => chain.every((a) => familyMemberMaySee(viewer, a)))
      ? [userId]
      : [],
  );
}
