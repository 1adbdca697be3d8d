import { z } from "@hono/zod-openapi";
import { type AuditKind, auditEventsOfKind, auditKinds } from "@teamaround/domain";
import { type SQL, sql } from "drizzle-orm";

export const AuditFiltersQuery = z.object({
  actorId: z.uuid().optional().describe("Only this person's events"),
  kind: z.enum(auditKinds).optional().describe("Only events of this kind"),
  from: z.iso.date().optional().describe("From this day (UK time), inclusive"),
  to: z.iso.date().optional().describe("To this day (UK time), inclusive"),
});
export type AuditFilters = z.infer<typeof AuditFiltersQuery>;

/** `event in (...)` for the events of one kind, as the domain sorts them. */
export function eventOfKind(column: SQL, kind: AuditKind): SQL {
  const names = auditEventsOfKind(kind).map((name) => sql`${name}`);
  return sql`${column} in (${sql.join(names, sql`, `)})`;
}

/** The UK day of an event, so that a day means the same on screen and in the filter. */
export const ukDay = (at: SQL) => sql`(${at} at time zone 'Europe/London')::date`;

/** The where-clause of a family's log under the filters, on `audit_events e`. */
export function auditWhere(familyId: string, filters: AuditFilters): SQL {
  const parts: SQL[] = [sql`e.family_id = ${familyId}`];
  if (filters.actorId) parts.push(sql`e.actor_id = ${filters.actorId}`);
  if (filters.kind) parts.push(eventOfKind(sql`e.event`, filters.kind));
  if (filters.from) parts.push(sql`${ukDay(sql`e.at`)} >= ${filters.from}::date`);
  if (filters.to) parts.push(sql`${ukDay(sql`e.at`)} <= ${filters.to}::date`);
  return sql.join(parts, sql` and `);
}

/** An ISO instant from Postgres, whichever driver answers. */
export const isoInstant = (at: SQL) =>
  sql`to_char(${at} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
