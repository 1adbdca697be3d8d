import { type Executor, executeRows } from "@teamaround/db";
import { auditEventWords, type TeamRole, type UserRole } from "@teamaround/domain";
import { sql } from "drizzle-orm";
import { eventOfKind, isoInstant } from "./audit-filters";
import { actorOf, type StoredActor } from "./audit-names";

interface StoredRead extends StoredActor {
  event: string;
  last_at: string;
  n: number;
  team_role: TeamRole | null;
  former: boolean;
}

export interface Reader {
  name: string;
  agency: string | null;
  /** In the team now, no longer in it, or reading as a manager, a guest. */
  role: string;
  lastAt: string;
  reads: { what: string; lastAt: string; count: number }[];
}

function roleOf(row: StoredRead): string {
  if (row.team_role === "lead_professional") return "Lead professional";
  if (row.team_role === "member") return "Member of the team";
  if (row.former) return "No longer in the team";
  const byUserRole: Partial<Record<UserRole, string>> = {
    manager: "Service manager",
    guest: "Guest at a meeting",
  };
  return (row.actor_role && byUserRole[row.actor_role]) ?? "Not in the team";
}

/**
 * Who has read this family's records, and when each last read what: the
 * view a lead shows the family. Family members' own reads are left out, so
 * that one member never sees what another looked at.
 */
export async function listReaders(db: Executor, familyId: string): Promise<Reader[]> {
  const rows = await executeRows<StoredRead>(
    db,
    sql`with reads as (
          select e.actor_id, e.event, max(e.at) as last_at, count(*)::int as n,
            (array_agg(e.actor_role order by e.id desc))[1] as actor_role,
            (array_agg(e.details order by e.id desc))[1] as details
          from audit_events e
          where e.family_id = ${familyId} and e.actor_id is not null
            and ${eventOfKind(sql`e.event`, "reads")}
            and e.actor_role is distinct from 'family_member'
          group by e.actor_id, e.event
        )
        select r.actor_id, r.event, ${isoInstant(sql`r.last_at`)} as last_at, r.n, r.actor_role,
          r.details, u.display_name as actor_name, a.name as agency_name,
          (select t.role from team_memberships t where t.family_id = ${familyId}
            and t.user_id = r.actor_id and t.removed_at is null limit 1) as team_role,
          exists (select 1 from team_memberships t where t.family_id = ${familyId}
            and t.user_id = r.actor_id and t.removed_at is not null) as former
        from reads r
        left join users u on u.id = r.actor_id left join agencies a on a.id = u.agency_id
        order by r.last_at desc`,
  );
  const people = new Map<string, Reader>();
  for (const row of rows) {
    const key = row.actor_id ?? "";
    const actor = actorOf(row);
    const read = { what: auditEventWords(row.event), lastAt: row.last_at, count: row.n };
    const known = people.get(key);
    if (known) known.reads.push(read);
    else {
      people.set(key, {
        name: actor?.name ?? "Someone whose account no longer exists",
        agency: actor?.agency ?? null,
        role: roleOf(row),
        lastAt: row.last_at,
        reads: [read],
      });
    }
  }
  return [...people.values()];
}

interface StoredFormerRead extends StoredActor {
  event: string;
  first_at: string;
  last_at: string;
  n: number;
  left_at: string;
}

export interface FormerTeamRead {
  name: string;
  agency: string | null;
  leftAt: string;
  what: string;
  count: number;
  firstAt: string;
  lastAt: string;
}

/** A report is for reading, not paging: the most recent this many lines. */
export const formerTeamReadsLimit = 200;

/**
 * Reads of this family's records by someone after they left its team (their
 * membership removed before the read, none current at the time of it).
 */
export async function listFormerTeamReads(
  db: Executor,
  familyId: string,
): Promise<FormerTeamRead[]> {
  const rows = await executeRows<StoredFormerRead>(
    db,
    sql`with late as (
          select e.*, (select max(t.removed_at) from team_memberships t
              where t.family_id = e.family_id and t.user_id = e.actor_id
                and t.removed_at <= e.at) as left_at
          from audit_events e
          where e.family_id = ${familyId} and e.actor_id is not null
            and ${eventOfKind(sql`e.event`, "reads")}
            and not exists (select 1 from team_memberships t
              where t.family_id = e.family_id and t.user_id = e.actor_id
                and t.added_at <= e.at and (t.removed_at is null or t.removed_at > e.at))
        )
        select l.actor_id, l.event, ${isoInstant(sql`min(l.at)`)} as first_at,
          ${isoInstant(sql`max(l.at)`)} as last_at, count(*)::int as n,
          ${isoInstant(sql`l.left_at`)} as left_at,
          (array_agg(l.actor_role order by l.id desc))[1] as actor_role,
          (array_agg(l.details order by l.id desc))[1] as details,
          u.display_name as actor_name, a.name as agency_name
        from late l
        left join users u on u.id = l.actor_id left join agencies a on a.id = u.agency_id
        where l.left_at is not null
        group by l.actor_id, l.event, l.left_at, u.display_name, a.name
        order by max(l.at) desc limit ${formerTeamReadsLimit}`,
  );
  return rows.map((row) => {
    const actor = actorOf(row);
    return {
      name: actor?.name ?? "Someone whose account no longer exists",
      agency: actor?.agency ?? null,
      leftAt: row.left_at,
      what: auditEventWords(row.event),
      count: row.n,
      firstAt: row.first_at,
      lastAt: row.last_at,
    };
  });
}
