import type { Executor } from "./client";

/**
 * A hot query whose SQL text is built once per database (or transaction) and
 * then only run. drizzle builds a query's text anew on every call — walking
 * the query's parts, `is()` checks on each — which was a third of the realtime
 * server's CPU while 4,000 sockets signed in (bench/realtime README). `build`
 * returns drizzle's `.prepare(name)` of a query with `sql.placeholder`s; the
 * database still prepares the statement once per connection, as every query.
 */
export function builtOnce<Query>(build: (db: Executor) => Query): (db: Executor) => Query {
  const built = new WeakMap<Executor, Query>();
  return (db) => {
    let query = built.get(db);
    if (query === undefined) {
      query = build(db);
      built.set(db, query);
    }
    return query;
  };
}
