import {
  accessKey,
  actions,
  type Executor,
  families,
  getFamilyAccesses,
  helpRequests,
  type InAppNoticeRow,
} from "@teamaround/db";
import {
  type Actor,
  canOpenNoticeTarget,
  describeStoredNotice,
  type FamilyAccess,
  type NoticeTarget,
  noticeTarget,
  noticeTargetPath,
  type RequestFacts,
} from "@teamaround/domain";
import { and, inArray } from "drizzle-orm";

/**
 * A person's in-app notices as the list shows them. Access is checked now,
 * for every family the page mentions (one query) and every request for help
 * (one more), through the domain policy: a notice about something they may
 * no longer see keeps its heading but shows no family, no words and no link.
 */
export async function presentNotifications(db: Executor, actor: Actor, rows: InAppNoticeRow[]) {
  const targets = rows.map((row) => noticeTarget(row.kind, row.variables, row.familyId));
  const familyIds = [...new Set(targets.flatMap((t) => ("familyId" in t ? [t.familyId] : [])))];
  const accesses = await getFamilyAccesses(
    db,
    new Map([[actor.userId, actor]]),
    familyIds.map((familyId) => ({ userId: actor.userId, familyId })),
  );
  const accessOf = (t: NoticeTarget): FamilyAccess | null =>
    "familyId" in t ? (accesses.get(accessKey(actor.userId, t.familyId)) ?? null) : null;
  const requests = await loadRequestFacts(db, targets);
  const open = targets.map((t) =>
    canOpenNoticeTarget(
      t,
      accessOf(t),
      t.type === "request" ? { actor, request: requests.get(t.requestId) ?? null } : null,
    ),
  );
  const details = await loadDetails(
    db,
    targets.filter((_, i) => open[i]),
  );
  return rows.map((row, i) => {
    const target = targets[i] ?? { type: "none" as const };
    const visible = open[i] ?? false;
    const { title, summary } = describeStoredNotice(row.kind, row.variables);
    return {
      id: row.id,
      kind: row.kind,
      title,
      summary,
      createdAt: row.createdAt.toISOString(),
      read: row.readAt !== null,
      link: visible ? noticeTargetPath(target, accessOf(target)) : null,
      accessEnded: !visible,
      familyName:
        visible && "familyId" in target ? (details.families.get(target.familyId) ?? null) : null,
      actionText:
        visible && target.type === "action" ? (details.actions.get(target.actionId) ?? null) : null,
    };
  });
}

/** What decides who may read the requests for help the notices point at (one query). */
async function loadRequestFacts(db: Executor, targets: NoticeTarget[]) {
  const ids = [...new Set(targets.flatMap((t) => (t.type === "request" ? [t.requestId] : [])))];
  const rows: RequestFacts[] = ids.length
    ? await db
        .select({
          id: helpRequests.id,
          createdBy: helpRequests.createdBy,
          receivingAgencyId: helpRequests.receivingAgencyId,
          status: helpRequests.status,
        })
        .from(helpRequests)
        .where(inArray(helpRequests.id, ids))
    : [];
  return new Map(rows.map((r) => [r.id, r]));
}

/** The family names and action words of the targets the person may see, in two queries. */
async function loadDetails(db: Executor, targets: NoticeTarget[]) {
  const familyIds = [...new Set(targets.flatMap((t) => ("familyId" in t ? [t.familyId] : [])))];
  const actionTargets = targets.flatMap((t) => (t.type === "action" ? [t] : []));
  const familyRows = familyIds.length
    ? await db
        .select({ id: families.id, name: families.displayName })
        .from(families)
        .where(inArray(families.id, familyIds))
    : [];
  const actionRows = actionTargets.length
    ? await db
        .select({ id: actions.id, familyId: actions.familyId, text: actions.text })
        .from(actions)
        .where(
          and(
            inArray(
              actions.id,
              actionTargets.map((t) => t.actionId),
            ),
            inArray(
              actions.familyId,
              actionTargets.map((t) => t.familyId),
            ),
          ),
        )
    : [];
  // An action is shown only under the family the notice names.
  const named = new Set(actionTargets.map((t) => `${t.familyId}:${t.actionId}`));
  return {
    families: new Map(familyRows.map((f) => [f.id, f.name])),
    actions: new Map(
      actionRows.filter((a) => named.has(`${a.familyId}:${a.id}`)).map((a) => [a.id, a.text]),
    ),
  };
}
