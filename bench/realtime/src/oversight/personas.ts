import { createSession, defaultSessionPolicy, sessionCookieName } from "@teamaround/auth";
import type { Database } from "@teamaround/db";
import { sql } from "drizzle-orm";

export interface BenchPersona {
  label: string;
  userId: string;
  cookie: string;
}

async function one(
  db: Database,
  query: ReturnType<typeof sql>,
  what: string,
): Promise<{ id: string; n: number }> {
  const rows = (await db.execute(query)) as unknown as { id: string; n: number }[];
  const row = rows[0];
  if (!row) throw new Error(`no ${what} in the generated authority`);
  return row;
}

async function signedIn(db: Database, label: string, userId: string): Promise<BenchPersona> {
  const { token } = await createSession(
    db,
    userId,
    { ipAddress: "127.0.0.1", userAgent: "teamaround-bench", twoFactorVerified: true },
    defaultSessionPolicy,
  );
  return { label, userId, cookie: `${sessionCookieName}=${token}` };
}

/**
 * The people the routes are asked as: the manager whose team leads the most
 * open cases, the lead who owns the most open actions, and an analyst.
 */
export async function benchPersonas(db: Database) {
  const manager = await one(
    db,
    sql`select u.manager_id as id, count(*)::int as n
        from team_memberships t join episodes e on e.family_id = t.family_id and e.status <> 'closed'
        join users u on u.id = t.user_id
        where t.role = 'lead_professional' and t.removed_at is null and u.manager_id is not null
        group by u.manager_id order by n desc limit 1`,
    "manager",
  );
  const lead = await one(
    db,
    sql`select o.user_id as id, count(*)::int as n from action_owners o
        join actions a on a.id = o.action_id and a.status = 'open'
        where o.user_id is not null group by o.user_id order by n desc limit 1`,
    "lead",
  );
  // The worst case for a manager: the service holding the most families.
  const serviceManager = await one(
    db,
    sql`select u.id, count(*)::int as n from users u
        join families f on f.owning_agency_id = u.agency_id
        where u.role = 'manager' group by u.id order by n desc, u.id limit 1`,
    "service manager",
  );
  const analyst = await one(
    db,
    sql`select id, 0 as n from users where role = 'partnership_analyst' limit 1`,
    "analyst",
  );
  return {
    manager: { ...(await signedIn(db, "manager", manager.id)), openCases: manager.n },
    lead: { ...(await signedIn(db, "busy lead", lead.id)), openActions: lead.n },
    serviceManager: {
      ...(await signedIn(db, "service manager", serviceManager.id)),
      families: serviceManager.n,
    },
    analyst: await signedIn(db, "analyst", analyst.id),
  };
}
