import type { z } from "@hono/zod-openapi";
import {
  actionOwners,
  actions,
  type Executor,
  enqueueActionNotices,
  getLiveMeetingId,
  outcomes,
} from "@teamaround/db";
import { AppError, planActionNotices, wholeFamily } from "@teamaround/domain";
import { and, eq } from "drizzle-orm";
import type { Context } from "hono";
import type { ApiEnv } from "../../app-env";
import { recordAudit } from "../../audit/record-audit";
import { isoDay } from "../../shared/dates";
import {
  assertAudienceMembers,
  assertOwnersMaySee,
  audienceColumnsOf,
  audienceOf,
  listFamilyViewers,
} from "../../shared/family-audience";
import type { CreateActionBody } from "../plan.schema";
import { assertNotPast } from "./assert-not-past";
import { assertOutcomeOpen } from "./plan-episode";
import { noticeOwners, ownerRows, validateOwners } from "./validate-owners";

/** Checks the outcome, due date and owners, then inserts the action and its owners together. */
export async function createAction(
  c: Context<ApiEnv>,
  input: { familyId: string; createdBy: string; body: z.infer<typeof CreateActionBody> },
): Promise<string> {
  const { familyId, createdBy, body } = input;
  const { db, now } = c.var.deps;
  const outcome = await assertOutcomeInFamily(db, familyId, body.outcomeId);
  assertNotPast(body.dueDate, isoDay(now()), "dueDate");
  const owners = await validateOwners(db, familyId, body.owners);
  const audience = body.audience ?? wholeFamily;
  await assertAudienceMembers(db, familyId, audience);
  assertOwnersMaySee(await listFamilyViewers(db, familyId), owners.memberIds, [
    audienceOf(outcome),
    audience,
  ]);
  return db.transaction(async (tx) => {
    // Nothing is added to an earlier episode's plan.
    await assertOutcomeOpen(tx, familyId, body.outcomeId);
    // An action created while the family's meeting is live was agreed in it (its record lists it).
    const meetingId = await getLiveMeetingId(tx, familyId);
    const [row] = await tx
      .insert(actions)
      .values({
        familyId,
        outcomeId: body.outcomeId,
        text: body.text,
        dueDate: body.dueDate,
        createdBy,
        meetingId,
        ...audienceColumnsOf(audience),
      })
      .returning({ id: actions.id });
    if (!row) throw new AppError("internal", "The action was not saved.");
    await tx.insert(actionOwners).values(ownerRows(familyId, row.id, owners));
    // Owners other than the creator (staff, and family members with an account) are told it is theirs, in this transaction.
    await enqueueActionNotices(tx, {
      familyId,
      actionId: row.id,
      dueDate: body.dueDate,
      plan: planActionNotices(
        null,
        { text: body.text, dueDate: body.dueDate, owners: noticeOwners(owners) },
        { userId: createdBy },
      ),
      createdBy,
      now: now(),
    });
    await recordAudit(tx, c, {
      event: "action.create",
      familyId,
      resourceType: "action",
      resourceId: row.id,
      details: {
        outcomeId: body.outcomeId,
        owners: body.owners.length,
        meetingId,
        audience: audience.kind,
      },
    });
    return row.id;
  });
}

async function assertOutcomeInFamily(db: Executor, familyId: string, outcomeId: string) {
  const [outcome] = await db
    .select({
      id: outcomes.id,
      audience: outcomes.audience,
      audienceMemberIds: outcomes.audienceMemberIds,
    })
    .from(outcomes)
    .where(and(eq(outcomes.id, outcomeId), eq(outcomes.familyId, familyId)));
  if (!outcome) {
    throw new AppError("unprocessable", "That outcome is not part of this family's plan.", [
      { path: "outcomeId", message: "is not an outcome of this family" },
    ]);
  }
  return outcome;
}
