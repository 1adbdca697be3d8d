import type { Sql, TransactionSql } from "postgres";

type Client = Sql | TransactionSql;

/**
 * postgres.js prepares every query by default: once per connection it parses
 * and plans a statement, then each run is one Bind/Execute round trip. drizzle's
 * driver turns that off for every query it is not given a name for, so each
 * query with parameters costs two round trips (Parse/Describe, then
 * Bind/Execute) and is planned again every time — 10–40 ms of planning for the
 * seven-table join behind "my actions" at 150,000 families. This gives drizzle
 * a client whose queries are prepared again, inside transactions and
 * savepoints too. postgres.js re-prepares a statement that a schema change has
 * made stale. `preparedStatements: false` in `createDatabase` turns it off (a
 * pooler in transaction mode cannot keep prepared statements).
 */
export function preparingClient<T extends Client>(client: T): T {
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property === "unsafe") {
        return (query: string, args: never[] = [], options: Record<string, unknown> = {}) =>
          target.unsafe(query, args, { ...options, prepare: true });
      }
      if (property === "begin" || property === "savepoint") {
        return (...args: unknown[]) => {
          const last = args.length - 1;
          const body = args[last];
          if (typeof body === "function") {
            args[last] = (inner: TransactionSql) => body(preparingClient(inner));
          }
          return (Reflect.get(target, property) as (...a: unknown[]) => unknown).apply(
            target,
            args,
          );
        };
      }
      const value = Reflect.get(target, property, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
