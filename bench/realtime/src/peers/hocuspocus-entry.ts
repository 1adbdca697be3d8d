import type { AddressInfo } from "node:net";
import { Database } from "@hocuspocus/extension-database";
import { Server } from "@hocuspocus/server";
import postgres from "postgres";
import { describe, servePeer } from "./peer-ipc";

/**
 * Hocuspocus 3.4 as its documentation sets it up for a database of one's own:
 * the stock `Server` with the Database extension, whose `store` receives the
 * whole document state (debounced: 2 s after the last change, at most 10 s,
 * the defaults) and here upserts it into a PostgreSQL table; `fetch` reads it
 * back when a document is first opened.
 */
async function main() {
  const url = process.env.PEER_DATABASE_URL;
  if (!url) throw new Error("PEER_DATABASE_URL is not set");
  const sql = postgres(url, { max: 4, onnotice: () => {} });
  await sql`create table if not exists documents (name text primary key, data bytea not null)`;
  const server = new Server({
    // The kill mode restarts it on the port its clients reconnect to.
    port: Number(process.env.PEER_PORT ?? 0),
    address: "127.0.0.1",
    quiet: true,
    extensions: [
      new Database({
        fetch: async ({ documentName }) => {
          const [row] = await sql<{ data: Buffer }[]>`
            select data from documents where name = ${documentName}`;
          return row ? new Uint8Array(row.data) : null;
        },
        store: async ({ documentName, state }) => {
          await sql`
            insert into documents (name, data) values (${documentName}, ${state})
            on conflict (name) do update set data = excluded.data`;
        },
      }),
    ],
  });
  await server.listen();
  const { port } = server.httpServer.address() as AddressInfo;
  const storage = "PostgreSQL (fresh database), the whole state upserted 2–10 s after a change";
  servePeer(port, storage, async () => {
    await server.destroy();
    await sql.end();
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`hocuspocus peer failed: ${describe(error)}\n`);
  process.exit(1);
});
