import { auditEvents, type Executor, users } from "@teamaround/db";
import { and, desc, eq, lt } from "drizzle-orm";

/** One page of a family's audit log, newest first; `before` is the last id of the previous page. */
export async function listAuditEvents(
  db: Executor,
  familyId: string,
  page: { before?: number; limit: number },
) {
  const rows = await db
    .select({ event: auditEvents, actorName: users.displayName })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(
      and(
        eq(auditEvents.familyId, familyId),
        page.before === undefined ? undefined : lt(auditEvents.id, page.before),
      ),
    )
    .orderBy(desc(auditEvents.id))
    .limit(page.limit);
  const data = rows.map(({ event: e, actorName }) => ({
    id: e.id,
    at: e.at.toISOString(),
    actorId: e.actorId,
    actorName,
    actorRole: e.actorRole,
    event: e.event,
    resourceType: e.resourceType,
    resourceId: e.resourceId,
    ipAddress: e.ipAddress,
    details: e.details,
  }));
  const last = data.at(-1);
  return { data, nextBefore: data.length === page.limit && last ? last.id : null };
}
