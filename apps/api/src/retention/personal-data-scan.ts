import { type Database, executeRows } from "@teamaround/db";
import { sql } from "drizzle-orm";
import * as Y from "yjs";

interface Column {
  table_name: string;
  column_name: string;
  udt_name: string;
}

/**
 * Every column of every table that can hold text (text, varchar, arrays,
 * json, jsonb, bytea) where `marker` appears, as `table.column`, plus
 * `yjs:<kind>` (plan, notes, voice) for each live document whose decoded text holds it.
 */
export async function scanForMarker(db: Database, marker: string): Promise<string[]> {
  const columns = await executeRows<Column>(
    db,
    sql`select c.table_name, c.column_name, c.udt_name
        from information_schema.columns c
        join information_schema.tables t
          on t.table_schema = c.table_schema and t.table_name = c.table_name
        where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
          and c.udt_name in ('text', 'varchar', 'bpchar', '_text', '_varchar', 'json', 'jsonb', 'bytea')
        order by c.table_name, c.column_name`,
  );
  if (columns.length < 50) throw new Error(`the scan found only ${columns.length} columns`);
  const hits: string[] = [];
  for (const { table_name, column_name, udt_name } of columns) {
    const column = sql.raw(`"${table_name}"."${column_name}"`);
    const matches =
      udt_name === "bytea"
        ? sql`position(convert_to(${marker}, 'UTF8') in ${column}) > 0`
        : sql`${column}::text ilike ${`%${marker}%`}`;
    const [row] = await executeRows<{ n: number | string }>(
      db,
      sql`select count(*) as n from ${sql.raw(`"${table_name}"`)} where ${matches}`,
    );
    if (Number(row?.n) > 0) hits.push(`${table_name}.${column_name}`);
  }
  for (const name of await documentsHolding(db, marker)) hits.push(`yjs:${name.split(":")[0]}`);
  return hits;
}

/** Decodes every stored Yjs document (snapshot, then its logged updates) and reads its text. */
async function documentsHolding(db: Database, marker: string): Promise<string[]> {
  const rows = await executeRows<{ document_name: string; state: Uint8Array; ord: number }>(
    db,
    sql`select document_name, state, 0 as ord from document_snapshots
        union all
        select document_name, "update" as state, id as ord from document_updates
        order by 1, 3`,
  );
  const docs = new Map<string, Y.Doc>();
  for (const row of rows) {
    let doc = docs.get(row.document_name);
    if (!doc) {
      doc = new Y.Doc();
      docs.set(row.document_name, doc);
    }
    Y.applyUpdate(doc, new Uint8Array(row.state));
  }
  const holding: string[] = [];
  for (const [name, doc] of docs) {
    const text = [...doc.share.keys()].map((key) => doc.getXmlFragment(key).toString()).join("\n");
    if (text.toLowerCase().includes(marker.toLowerCase())) holding.push(name);
    doc.destroy();
  }
  return holding;
}
