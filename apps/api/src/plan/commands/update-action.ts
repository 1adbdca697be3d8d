import { actionOwners, actions, type Executor, enqueueActionNotices } from "@teamaround/db";
import {
  type ActionNoticeActor,
  type ActionNoticeOwner,
  AppError,
  canChangeActionFields,
  type FamilyAccess,
  notFound,
  planActionNotices,
} from "@teamaround/domain";
import { and, eq } from "drizzle-orm";
import type { Context } from "hono";
import type { ApiEnv } from "../../app-env";
import { recordAudit } from "../../audit/record-audit";
import { isoDay } from "../../shared/dates";
import { audienceColumnsOf } from "../../shared/family-audience";
import { updateVersioned } from "../../shared/versioned-update";
import type { UpdateActionBody } from "../plan.schema";
import { maySeeAction } from "../present-action";
import { assertNotPast } from "./assert-not-past";
import { actionAudienceChange, recordAudienceChange } from "./change-audience";
import {
  type ActionRow,
  type LoadedAction,
  loadActions,
  type OwnerRow,
  ownerMemberIds,
} from "./load-actions";
import { assertActionOpen } from "./plan-episode";
import { noticeOwners, ownerRows, type ValidOwners, validateOwners } from "./validate-owners";

/**
 * Changes an action the caller may change: staff anything, an owning family
 * member only its status. The version the client read must still be current.
 * Answers the action as it was (whose audiences the live notice needs).
 */
export async function updateAction(
  c: Context<ApiEnv>,
  access: FamilyAccess,
  actionId: string,
  body: UpdateActionBody,
): Promise<LoadedAction> {
  const { db, now } = c.var.deps;
  const { familyId } = access;
  const { version, owners, audience, ...fields } = body;
  const [current] = await loadActions(db, familyId, { actionIds: [actionId] });
  // An action outside the member's audience answers as one that does not exist.
  if (!current || !maySeeAction(access, current)) throw notFound("That action");
  const changed = Object.keys(body).filter((key) => key !== "version");
  if (
    !canChangeActionFields(access, ownerMemberIds(current.owners), {
      fields: changed,
      status: body.status,
    })
  ) {
    throw new AppError("forbidden", "You may change only the status of actions that are yours.");
  }
  // The permission above was judged on this version; only that version may be changed.
  if (current.row.version !== version) throw staleVersion(current.row.version, version);
  assertNotPast(fields.dueDate, isoDay(now()), "dueDate");
  const validOwners = owners ? await validateOwners(db, familyId, owners) : null;
  const audienceChange =
    audience || validOwners
      ? await actionAudienceChange(db, familyId, current, {
          audience,
          ownerMemberIds: validOwners?.memberIds,
        })
      : null;
  await db.transaction(async (tx) => {
    await assertActionOpen(tx, familyId, actionId);
    await updateVersioned(
      tx,
      actions,
      { id: actionId, scope: eq(actions.familyId, familyId), expectedVersion: version },
      {
        ...fields,
        ...(audience ? audienceColumnsOf(audience) : {}),
        ...completion(current.row, fields.status, now(), access.actor.userId),
      },
    );
    if (audienceChange) {
      const target = { familyId, resourceType: "action", resourceId: actionId } as const;
      await recordAudienceChange(tx, c, target, audienceChange);
    }
    if (validOwners) await replaceOwners(tx, familyId, actionId, validOwners);
    await enqueueActionNotices(tx, {
      familyId,
      actionId,
      dueDate: fields.dueDate ?? current.row.dueDate,
      plan: noticePlan(current, fields, validOwners, {
        userId: access.actor.userId,
        memberId: access.familyMemberId,
      }),
      createdBy: access.actor.userId,
      now: now(),
    });
    await recordAudit(tx, c, {
      event: "action.update",
      familyId,
      resourceType: "action",
      resourceId: actionId,
      details: { changed, ...(fields.status ? { status: fields.status } : {}) },
    });
  });
  return current;
}

/**
 * Who hears of the change: new owners that it is theirs, existing owners that
 * its due date or words changed — while it stays open.
 */
function noticePlan(
  current: { row: ActionRow; owners: OwnerRow[] },
  fields: Omit<UpdateActionBody, "version" | "owners" | "audience">,
  validOwners: ValidOwners | null,
  actor: ActionNoticeActor,
) {
  const ownersOf = (owners: readonly OwnerRow[]): ActionNoticeOwner[] =>
    owners.map((o) =>
      o.kind === "practitioner" ? { userId: o.userId } : { memberId: o.memberId },
    );
  const before = {
    text: current.row.text,
    dueDate: current.row.dueDate,
    owners: ownersOf(current.owners),
  };
  const after = {
    text: fields.text ?? before.text,
    dueDate: fields.dueDate ?? before.dueDate,
    owners: validOwners ? noticeOwners(validOwners) : before.owners,
  };
  if ((fields.status ?? current.row.status) !== "open") {
    return { assigned: [], changed: [], changedFields: [] };
  }
  return planActionNotices(before, after, actor);
}

/** Done sets when it was completed and by whom; any other status clears both. */
function completion(row: ActionRow, status: string | undefined, now: Date, by: string) {
  if (status === undefined) return {};
  if (status !== "done") return { completedAt: null, completedBy: null };
  if (row.status === "done") return { completedAt: row.completedAt, completedBy: row.completedBy };
  return { completedAt: now, completedBy: by };
}

async function replaceOwners(
  tx: Executor,
  familyId: string,
  actionId: string,
  owners: Awaited<ReturnType<typeof validateOwners>>,
) {
  await tx
    .delete(actionOwners)
    .where(and(eq(actionOwners.familyId, familyId), eq(actionOwners.actionId, actionId)));
  await tx.insert(actionOwners).values(ownerRows(familyId, actionId, owners));
}

function staleVersion(currentVersion: number, yourVersion: number) {
  return new AppError(
    "stale_version",
    "Someone else changed this since you opened it. Reload to see their change, then try again.",
    { currentVersion, yourVersion },
  );
}
