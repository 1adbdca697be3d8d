import { type Executor, executeRows } from "@teamaround/db";
import { auditKindLabels, auditKindOf, describeAuditEvent } from "@teamaround/domain";
import { sql } from "drizzle-orm";
import { csvText } from "../shared/csv";
import { type AuditFilters, auditWhere, isoInstant } from "./audit-filters";
import { actorOf, type StoredActor, subjectsOf } from "./audit-names";

/** An export this long is already more than a person can read; the filters narrow it. */
export const auditExportLimit = 20_000;

interface StoredEvent extends StoredActor {
  at: string;
  event: string;
  resource_type: string | null;
  resource_id: string | null;
}

const ukTime = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "short",
  timeStyle: "medium",
  timeZone: "Europe/London",
});

/** The filtered log as CSV, one event a line (no folding of reads), oldest first, in plain words. */
export async function auditCsv(
  db: Executor,
  familyId: string,
  filters: AuditFilters,
): Promise<string> {
  const rows = await executeRows<StoredEvent>(
    db,
    sql`select ${isoInstant(sql`e.at`)} as at, e.actor_id, e.actor_role, e.event, e.resource_type,
          e.resource_id, e.details, u.display_name as actor_name, a.name as agency_name
        from audit_events e
        left join users u on u.id = e.actor_id left join agencies a on a.id = u.agency_id
        where ${auditWhere(familyId, filters)}
        order by e.id limit ${auditExportLimit}`,
  );
  const subjects = await subjectsOf(db, familyId, rows);
  const header = ["When (UK time)", "Person", "Agency", "Kind", "What happened", "Event"];
  const lines = rows.map((row) => {
    const at = new Date(row.at);
    const actor = actorOf(row);
    const kind = auditKindOf(row.event);
    return [
      ukTime.format(at),
      actor?.name ?? "The system",
      actor?.agency ?? "",
      kind ? auditKindLabels[kind] : "",
      describeAuditEvent({
        event: row.event,
        actor,
        subject: subjects.get(row.resource_id ?? ""),
        count: 1,
        firstAt: at,
        lastAt: at,
      }),
      row.event,
    ];
  });
  return csvText([header, ...lines]);
}
