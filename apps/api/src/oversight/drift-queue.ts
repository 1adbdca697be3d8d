import { type Executor, executeRows } from "@teamaround/db";
import {
  type DriftItem,
  type DriftKind,
  daysBetween,
  driftKinds,
  driftWhat,
} from "@teamaround/domain";
import { type SQL, sql } from "drizzle-orm";
import type { ManagerScope } from "./manager-scope";

/** A manager never needs more than this many items in one answer. */
export const driftPageSize = 50;

export interface DriftPageRequest {
  /** 1-based. */
  page: number;
  kind?: DriftKind | undefined;
}

export interface DriftPage {
  items: DriftItem[];
  /** Items matching the filter: what the pages cover. */
  total: number;
  /** Late items of each kind, filter not applied. */
  counts: Record<DriftKind, number>;
}

export interface StoredItem {
  kind: DriftKind;
  subject_id: string;
  family_id: string | null;
  family_name: string;
  family_reference: string | null;
  detail: string | null;
  due_on: string;
}

/** Most late first (the earliest due), then the family's name, the kind, the subject. */
const kindOrder = `array[${driftKinds.map((k) => `'${k}'`).join(",")}]::text[]`;
const queueOrder = (d: "d" | "q" | "s") =>
  sql.raw(
    `${d}.due_on, ${d}.family_name, array_position(${kindOrder}, ${d}.kind), ${d}.subject_id`,
  );

/**
 * The manager's late items from `drift_items` (kept by the database's triggers,
 * migrations 0020–0021): those of their service (families it holds, requests
 * asking it), and those of families led by someone they line-manage less the
 * service's own, so each item comes once. Late on `today`: due on or before it
 * and past its allowance. Each is an index range in order of due day.
 */
function late(today: string, kind: DriftKind | undefined): SQL {
  return sql`d.due_on <= ${today}::date and d.late_from <= ${today}::date
    ${kind ? sql`and d.kind = ${kind}` : sql``}`;
}
const ofService = (scope: ManagerScope) =>
  sql`d.agency_id = ${scope.agencyId} and d.authority_id = ${scope.authorityId}`;
const ofTeam = (scope: ManagerScope) =>
  sql`d.lead_user_id in (select u.id from users u where u.manager_id = ${scope.managerId})
    and d.agency_id <> ${scope.agencyId} and d.authority_id = ${scope.authorityId}`;

/** How a page's rows are read: plainly, or with the read's audit event in the same statement. */
export type ReadItems = (query: SQL, orderBy: SQL) => Promise<StoredItem[]>;

const readPlainly =
  (db: Executor): ReadItems =>
  (query) =>
    executeRows<StoredItem>(db, query);

/**
 * One page of the manager's drift queue, worst first, with the counts of every
 * kind. Each range is read in order and cut at the page's end before the two
 * are merged, so a page reads about as many rows as it shows, however long
 * the queue.
 */
export async function readDriftPage(
  db: Executor,
  scope: ManagerScope,
  today: string,
  request: DriftPageRequest,
  readItems: ReadItems = readPlainly(db),
): Promise<DriftPage> {
  const offset = (request.page - 1) * driftPageSize;
  const upTo = offset + driftPageSize;
  const range = (inScope: SQL) =>
    sql`(select d.* from drift_items d where ${inScope} and ${late(today, request.kind)}
      order by ${queueOrder("d")} limit ${upTo})`;
  const count = (inScope: SQL) =>
    sql`select d.kind from drift_items d where ${inScope} and ${late(today, undefined)}`;
  const [rows, kindCounts] = await Promise.all([
    readItems(
      sql`select q.kind, q.subject_id, q.family_id, q.family_name, q.family_reference, q.detail,
          to_char(q.due_on, 'YYYY-MM-DD') as due_on
        from (${range(ofService(scope))} union all ${range(ofTeam(scope))}) q
        order by ${queueOrder("q")} limit ${driftPageSize} offset ${offset}`,
      // due_on is now ISO text, whose order is the date's.
      queueOrder("s"),
    ),
    executeRows<{ kind: DriftKind; n: number }>(
      db,
      sql`select q.kind, count(*)::int as n
        from (${count(ofService(scope))} union all ${count(ofTeam(scope))}) q group by q.kind`,
    ),
  ]);
  const counts = Object.fromEntries(driftKinds.map((k) => [k, 0])) as Record<DriftKind, number>;
  for (const c of kindCounts) counts[c.kind] = c.n;
  const total = request.kind
    ? counts[request.kind]
    : Object.values(counts).reduce((a, b) => a + b, 0);
  return { items: rows.map((r) => toDriftItem(r, today)), total, counts };
}

function toDriftItem(r: StoredItem, today: string): DriftItem {
  return {
    kind: r.kind,
    familyId: r.family_id,
    familyName: r.family_name,
    familyReference: r.family_reference,
    subjectId: r.subject_id,
    what: driftWhat(r.kind, r.detail),
    dueOn: r.due_on,
    daysLate: daysBetween(r.due_on, today),
  };
}
