import { type Executor, executeRows, loadDocumentParts } from "@teamaround/db";
import {
  auditEventsOfKind,
  auditEventWords,
  documentKinds,
  formatDocumentName,
  readStoredDocument,
} from "@teamaround/domain";
import { type SQL, sql } from "drizzle-orm";
import { type Flagged, type ThirdParty, thirdPartyMarker } from "./third-parties";

type Row = Record<string, unknown>;

export interface SubjectAccessExport {
  about: {
    memberId: string;
    familyId: string;
    familyReference: string;
    name: string;
    madeAt: string;
    madeBy: string;
  };
  thirdParties: string;
  person: Row;
  family: unknown;
  otherMembers: unknown[];
  /** Every table holding the family's records, rows oldest first, third parties marked. */
  records: { table: string; rows: unknown[] }[];
  /** The family's live documents (plan, family's words, practitioners' notes) as plain text. */
  documents: { kind: string; sections: unknown }[];
  /** Who read the family's records, and when (the audit log's reads). */
  reads: { at: string; what: string; who: string | Flagged; role: string | null }[];
}

export const thirdPartyRule =
  "Other members of the family, and anyone outside the family who is not acting in a professional role, are third parties: their names, contact details and records are marked for review before release. Practitioners acting in their professional role are not.";

/** Tables that are not the family's records: the audit log and live documents come separately, the rest are derived. */
const notRecords = new Set([
  "audit_events",
  "document_updates",
  "document_snapshots",
  "family_members",
  "families",
  "drift_items",
  "figure_counts",
  "figure_summaries",
]);

/** Rows belong to the family by `family_id`; a request for help also through its episode. */
const belongsToFamily: Record<string, (familyId: string) => SQL> = {
  help_requests: (f) =>
    sql`t.family_id = ${f} or t.id in (select request_id from episodes where family_id = ${f})`,
};

interface FamilyTable {
  table_name: string;
  hidden: string | null;
}

/** Every base table with a `family_id`, and the columns never exported (binary, hashes, tokens). */
async function familyTables(db: Executor): Promise<FamilyTable[]> {
  return executeRows<FamilyTable>(
    db,
    sql`select c.table_name::text as table_name,
          (select string_agg(h.column_name::text, ',') from information_schema.columns h
            where h.table_schema = 'public' and h.table_name = c.table_name
              and (h.udt_name = 'bytea' or h.column_name like '%hash%' or h.column_name like '%token%'
                   or h.column_name like '%secret%')) as hidden
        from information_schema.columns c
        join information_schema.tables t
          on t.table_schema = c.table_schema and t.table_name = c.table_name
        where c.table_schema = 'public' and t.table_type = 'BASE TABLE' and c.column_name = 'family_id'
        order by c.table_name`,
  );
}

function textArray(values: readonly string[]): SQL {
  const quoted = values.map((v) => `"${v.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`);
  return sql`${`{${quoted.join(",")}}`}::text[]`;
}

async function tableRows(db: Executor, table: FamilyTable, familyId: string): Promise<Row[]> {
  const where = belongsToFamily[table.table_name]?.(familyId) ?? sql`t.family_id = ${familyId}`;
  const hidden = table.hidden ? table.hidden.split(",") : [];
  const rows = await executeRows<{ row: Row | string }>(
    db,
    sql`select to_jsonb(t) - ${textArray(hidden)} as row from ${sql.raw(`"${table.table_name}"`)} t
        where ${where}
        order by to_jsonb(t)->>'created_at' nulls last, to_jsonb(t)->>'id'`,
  );
  return rows.map((r) => (typeof r.row === "string" ? (JSON.parse(r.row) as Row) : r.row));
}

interface MemberRow extends Row {
  id: string;
  given_name: string;
  family_name: string;
  email: string | null;
  phone: string | null;
  user_id: string | null;
}

async function jsonRows<T>(db: Executor, query: SQL): Promise<T[]> {
  const rows = await executeRows<{ row: T | string }>(db, query);
  return rows.map((r) => (typeof r.row === "string" ? (JSON.parse(r.row) as T) : r.row));
}

/** The other members, as third parties: every value that could name them. */
function otherMemberParties(members: readonly MemberRow[]): ThirdParty[] {
  return members.map((m) => ({
    who: "another family member",
    values: [
      `${m.given_name} ${m.family_name}`,
      m.given_name,
      m.email ?? "",
      m.phone ?? "",
      m.id,
      m.user_id ?? "",
    ],
  }));
}

/**
 * Everything held about one family member, for a subject access request.
 * The caller has checked the family is the administrator's authority's and
 * the member is in it.
 */
export async function collectSubjectAccess(
  db: Executor,
  input: { familyId: string; memberId: string; madeBy: string; now: Date },
): Promise<SubjectAccessExport> {
  const { familyId, memberId } = input;
  const members = await jsonRows<MemberRow>(
    db,
    sql`select to_jsonb(m) as row from family_members m where family_id = ${familyId}
        order by created_at, id`,
  );
  const person = members.find((m) => m.id === memberId);
  if (!person) throw new Error("collectSubjectAccess: the member is not in the family");
  const others = members.filter((m) => m.id !== memberId);
  const mark = thirdPartyMarker(otherMemberParties(others));
  const [family] = await jsonRows<Row & { reference: string }>(
    db,
    sql`select to_jsonb(f) as row from families f where id = ${familyId}`,
  );
  if (!family) throw new Error("collectSubjectAccess: no such family");

  const records: SubjectAccessExport["records"] = [];
  for (const table of await familyTables(db)) {
    if (notRecords.has(table.table_name)) continue;
    const rows = await tableRows(db, table, familyId);
    if (rows.length > 0) records.push({ table: table.table_name, rows: rows.map(mark) });
  }

  const documents: SubjectAccessExport["documents"] = [];
  for (const kind of documentKinds) {
    const parts = await loadDocumentParts(db, formatDocumentName({ kind, familyId }));
    if (parts.length === 0) continue;
    documents.push({ kind, sections: mark(readStoredDocument(kind, parts).sections) });
  }

  const reads = await executeRows<{
    at: string | Date;
    event: string;
    who: string | null;
    actor: string | null;
    role: string | null;
  }>(
    db,
    sql`select a.at, a.event, u.display_name as who, a.actor_id as actor, a.actor_role as role
        from audit_events a left join users u on u.id = a.actor_id
        where a.family_id = ${familyId} and a.event = any(${textArray(auditEventsOfKind("reads"))})
        order by a.at, a.id`,
  );
  const otherUsers = new Set(others.flatMap((m) => (m.user_id ? [m.user_id] : [])));

  return {
    about: {
      memberId,
      familyId,
      familyReference: family.reference,
      name: `${person.given_name} ${person.family_name}`,
      madeAt: input.now.toISOString(),
      madeBy: input.madeBy,
    },
    thirdParties: thirdPartyRule,
    person,
    family: mark(family),
    otherMembers: others.map((m) =>
      mark({
        memberId: m.id,
        name: `${m.given_name} ${m.family_name}`,
        kind: m.kind,
        relationship: m.relationship ?? null,
      }),
    ),
    records,
    documents,
    reads: reads.map((r) => ({
      at: new Date(r.at).toISOString(),
      what: auditEventWords(r.event),
      who:
        r.actor && otherUsers.has(r.actor)
          ? { value: r.who ?? "", thirdParty: true as const, who: "another family member" }
          : (r.who ?? "someone"),
      role: r.role,
    })),
  };
}
