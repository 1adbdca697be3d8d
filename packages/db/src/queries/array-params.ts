import { type AnyColumn, type SQL, sql } from "drizzle-orm";

/** A list of uuids as one parameter (a PostgreSQL array literal). */
export function uuidArray(values: readonly string[]): SQL {
  return sql`${`{${values.join(",")}}`}::uuid[]`;
}

/** A list of strings as one parameter, each quoted as an array element. */
export function textArray(values: readonly string[]): SQL {
  const quoted = values.map((v) => `"${v.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`);
  return sql`${`{${quoted.join(",")}}`}::text[]`;
}

/**
 * `column = any(<one array parameter>)`: what `inArray` means, built in
 * constant time. drizzle builds `in ($1, …, $n)` one parameter at a time,
 * which was most of the CPU of the 2-second access re-check with thousands of
 * connections (bench/realtime). An empty list matches nothing, as `inArray`.
 */
export function inUuids(column: AnyColumn, values: readonly string[]): SQL {
  return sql`${column} = any(${uuidArray(values)})`;
}

export function inTexts(column: AnyColumn, values: readonly string[]): SQL {
  return sql`${column} = any(${textArray(values)})`;
}
