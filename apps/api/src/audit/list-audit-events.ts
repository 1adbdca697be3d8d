import { type Executor, executeRows } from "@teamaround/db";
import { type AuditKind, auditKindOf, describeAuditEvent, type UserRole } from "@teamaround/domain";
import { sql } from "drizzle-orm";
import { type AuditFilters, auditWhere, eventOfKind, isoInstant, ukDay } from "./audit-filters";
import { actorOf, type StoredActor, subjectsOf } from "./audit-names";

interface StoredLine extends StoredActor {
  id: number;
  first_at: string;
  last_at: string;
  n: number;
  event: string;
  resource_type: string | null;
  resource_id: string | null;
}

export interface AuditLineOut {
  id: number;
  firstAt: string;
  at: string;
  count: number;
  actorId: string | null;
  actorName: string | null;
  actorAgency: string | null;
  actorRole: UserRole | null;
  event: string;
  kind: AuditKind | null;
  words: string;
}

/**
 * One page of a family's log, newest first, with consecutive reads of the
 * same thing by the same person on the same (UK) day folded into one line.
 * The runs are found over the whole filtered log before paging, so a run
 * never breaks at a page boundary; `before` is the id of the previous page's
 * last line (a line's id is its newest event's).
 */
export async function listAuditLines(
  db: Executor,
  familyId: string,
  filters: AuditFilters,
  page: { before?: number; limit: number },
): Promise<{ data: AuditLineOut[]; nextBefore: number | null }> {
  const before = page.before === undefined ? sql`` : sql`having max(r.id) < ${page.before}`;
  const rows = await executeRows<StoredLine>(
    db,
    sql`with f as (
          select e.id, e.at, e.actor_id, e.actor_role, e.event, e.resource_type, e.resource_id,
            e.details, ${eventOfKind(sql`e.event`, "reads")} as is_read, ${ukDay(sql`e.at`)} as day
          from audit_events e where ${auditWhere(familyId, filters)}
        ), m as (
          select f.*, case when f.is_read
              and lag(f.is_read) over w and lag(f.event) over w = f.event
              and lag(f.resource_id) over w is not distinct from f.resource_id
              and lag(f.day) over w = f.day then 0 else 1 end as starts
          from f window w as (partition by f.actor_id order by f.id)
        ), r as (
          select m.*, sum(m.starts) over (partition by m.actor_id order by m.id) as run from m
        ), g as (
          select max(r.id) as id, ${isoInstant(sql`min(r.at)`)} as first_at,
            ${isoInstant(sql`max(r.at)`)} as last_at, count(*)::int as n, r.actor_id,
            (array_agg(r.actor_role order by r.id desc))[1] as actor_role, r.event,
            (array_agg(r.resource_type order by r.id desc))[1] as resource_type,
            r.resource_id, (array_agg(r.details order by r.id desc))[1] as details
          from r group by r.actor_id, r.run, r.event, r.resource_id ${before}
          order by max(r.id) desc limit ${page.limit}
        )
        select g.*, u.display_name as actor_name, a.name as agency_name
        from g left join users u on u.id = g.actor_id left join agencies a on a.id = u.agency_id
        order by g.id desc`,
  );
  const subjects = await subjectsOf(db, familyId, rows);
  const data = rows.map((row): AuditLineOut => {
    const actor = actorOf(row);
    const firstAt = new Date(row.first_at);
    const at = new Date(row.last_at);
    return {
      id: Number(row.id),
      firstAt: firstAt.toISOString(),
      at: at.toISOString(),
      count: row.n,
      actorId: row.actor_id,
      actorName: actor?.name ?? null,
      actorAgency: actor?.agency ?? null,
      actorRole: row.actor_role,
      event: row.event,
      kind: auditKindOf(row.event),
      words: describeAuditEvent({
        event: row.event,
        actor,
        subject: subjects.get(row.resource_id ?? ""),
        count: row.n,
        firstAt,
        lastAt: at,
      }),
    };
  });
  const last = data.at(-1);
  return { data, nextBefore: data.length === page.limit && last ? last.id : null };
}
