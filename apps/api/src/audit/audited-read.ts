import { type Executor, executeRows } from "@teamaround/db";
import type { AuditEventName } from "@teamaround/domain";
import { type SQL, sql } from "drizzle-orm";
import type { Context } from "hono";
import type { ApiEnv } from "../app-env";

export interface AuditedReadEntry {
  event: AuditEventName;
  resourceType: string;
  /** The read's column holding each row's family (null for rows of no family). */
  familyIdColumn: string;
  /** The read's columns to order the answer by (a CTE's rows come back in no promised order). */
  orderBy: SQL;
}

/**
 * Reads a list and appends the one audit event that records it in the same
 * statement — a data-modifying CTE — so the read and its record commit
 * together, in one round trip and one commit instead of two. The event's
 * details are `{ count, familyIds }`, as `recordAudit` would write for a list.
 * For staff reads only: a guest's rows need their name beside them.
 */
export async function readAudited<Row>(
  db: Executor,
  c: Context<ApiEnv>,
  read: SQL,
  entry: AuditedReadEntry,
): Promise<Row[]> {
  const user = c.var.user;
  if (!user || user.role === "guest") throw new Error("readAudited is for staff reads");
  const familyId = sql.raw(`s.${entry.familyIdColumn}`);
  return executeRows<Row>(
    db,
    sql`with shown as (${read}),
      logged as (
        insert into audit_events
          (actor_id, actor_role, event, resource_type, ip_address, user_agent, details)
        select ${user.id}::uuid, ${user.role}::user_role, ${entry.event}, ${entry.resourceType},
          ${c.var.meta.ipAddress}, ${c.var.meta.userAgent},
          jsonb_build_object(
            'count', count(*),
            'familyIds', coalesce(
              jsonb_agg(distinct ${familyId}) filter (where ${familyId} is not null), '[]'::jsonb))
        from shown s
        returning 1
      )
      select s.* from shown s order by ${entry.orderBy}`,
  );
}
