import { type Executor, executeRows } from "@teamaround/db";
import { auditEventWords } from "@teamaround/domain";
import { sql } from "drizzle-orm";

type Row = Record<string, unknown>;

/** Everything held about one member of staff, for their subject access request. */
export interface StaffAccessExport {
  about: { userId: string; name: string; madeAt: string; madeBy: string };
  /** Their account, without its password hash or security-code keys. */
  account: Row;
  sessions: Row[];
  devices: Row[];
  singleSignOnLinks: Row[];
  /** Sign-ins, sign-outs and failed attempts on their account. */
  signIns: { at: string; event: string; what: string; ipAddress: string | null }[];
  /** Records naming them as author (created, recorded, corrected…), by table and column. */
  authored: { table: string; column: string; count: number; familyReferences: string[] }[];
  /** Every audit event they caused, reads included, oldest first. */
  events: {
    at: string;
    event: string;
    what: string;
    familyReference: string | null;
    resourceType: string | null;
  }[];
  /** Their notices (email and in-app): kind, channel and what became of each; never the content. */
  notices: Row[];
}

async function jsonRows(db: Executor, query: ReturnType<typeof sql>): Promise<Row[]> {
  const rows = await executeRows<{ row: Row | string }>(db, query);
  return rows.map((r) => (typeof r.row === "string" ? (JSON.parse(r.row) as Row) : r.row));
}

const secretColumns = sql`array['password_hash', 'totp_key', 'totp_pending_key', 'token_hash', 'id_hash', 'secret_hash']::text[]`;

/** Columns of any table that point at an account: who created, recorded, decided… a row. */
async function authorColumns(db: Executor) {
  return executeRows<{ table_name: string; column_name: string; has_family: boolean }>(
    db,
    sql`select k.table_name::text as table_name, k.column_name::text as column_name,
          exists (select 1 from information_schema.columns f
                  where f.table_schema = 'public' and f.table_name = k.table_name
                    and f.column_name = 'family_id') as has_family
        from information_schema.referential_constraints r
        join information_schema.key_column_usage k
          on k.constraint_name = r.constraint_name and k.constraint_schema = r.constraint_schema
        join information_schema.key_column_usage u
          on u.constraint_name = r.unique_constraint_name and u.constraint_schema = r.unique_constraint_schema
        where k.table_schema = 'public' and u.table_name = 'users' and u.column_name = 'id'
          and k.table_name not in ('sessions', 'user_devices', 'oidc_identities', 'audit_events',
                                   'notices', 'users', 'invitations')
        order by 1, 2`,
  );
}

async function authored(db: Executor, userId: string) {
  const result: StaffAccessExport["authored"] = [];
  for (const c of await authorColumns(db)) {
    const table = sql.raw(`"${c.table_name}"`);
    const column = sql.raw(`"${c.column_name}"`);
    const references = c.has_family
      ? sql`coalesce(array_agg(distinct f.reference) filter (where f.reference is not null), '{}')`
      : sql`'{}'::text[]`;
    const join = c.has_family ? sql`left join families f on f.id = t.family_id` : sql``;
    const [row] = await executeRows<{ count: number | string; refs: string[] | string }>(
      db,
      sql`select count(*) as count, ${references} as refs from ${table} t ${join}
          where t.${column} = ${userId}`,
    );
    const count = Number(row?.count ?? 0);
    if (count === 0) continue;
    const refs =
      typeof row?.refs === "string" ? row.refs.replace(/[{}]/g, "").split(",") : (row?.refs ?? []);
    result.push({
      table: c.table_name,
      column: c.column_name,
      count,
      familyReferences: refs.filter(Boolean).sort(),
    });
  }
  return result;
}

/**
 * Everything held about one member of staff. The caller has checked the
 * account is the administrator's authority's.
 */
export async function collectStaffAccess(
  db: Executor,
  input: { userId: string; madeBy: string; now: Date },
): Promise<StaffAccessExport> {
  const { userId } = input;
  const [account] = await jsonRows(
    db,
    sql`select to_jsonb(u) - ${secretColumns} as row from users u where u.id = ${userId}`,
  );
  // A session's id is the hash of its token: never exported.
  const rowsOf = (table: string) =>
    jsonRows(
      db,
      sql`select to_jsonb(t) - ${secretColumns} - (${table === "sessions" ? "id" : ""})::text as row
          from ${sql.raw(`"${table}"`)} t
          where t.user_id = ${userId} order by to_jsonb(t)->>'created_at' nulls last`,
    );
  const events = await executeRows<{
    at: Date | string;
    event: string;
    reference: string | null;
    resource_type: string | null;
    resource_id: string | null;
    ip_address: string | null;
  }>(
    db,
    sql`select a.at, a.event, f.reference, a.resource_type, a.resource_id, a.ip_address
        from audit_events a left join families f on f.id = a.family_id
        where a.actor_id = ${userId}
           or (a.resource_type = 'user' and a.resource_id = ${userId} and a.event like 'session.%')
        order by a.at, a.id`,
  );
  const iso = (at: Date | string) => new Date(at).toISOString();
  const notices = await jsonRows(
    db,
    sql`select jsonb_build_object('kind', n.kind, 'channel', n.channel, 'status', n.status,
          'created_at', n.created_at, 'sent_at', n.sent_at, 'read_at', n.read_at,
          'family_reference', f.reference) as row
        from notices n left join families f on f.id = n.family_id
        where n.recipient_user_id = ${userId} order by n.created_at`,
  );
  return {
    about: {
      userId,
      name: String(account?.display_name ?? ""),
      madeAt: input.now.toISOString(),
      madeBy: input.madeBy,
    },
    account: account ?? {},
    sessions: await rowsOf("sessions"),
    devices: await rowsOf("user_devices"),
    singleSignOnLinks: await rowsOf("oidc_identities"),
    signIns: events
      .filter((e) => e.event.startsWith("session.") && e.resource_id === userId)
      .map((e) => ({
        at: iso(e.at),
        event: e.event,
        what: auditEventWords(e.event),
        ipAddress: e.ip_address,
      })),
    authored: await authored(db, userId),
    events: events.map((e) => ({
      at: iso(e.at),
      event: e.event,
      what: auditEventWords(e.event),
      familyReference: e.reference,
      resourceType: e.resource_type,
    })),
    notices,
  };
}
