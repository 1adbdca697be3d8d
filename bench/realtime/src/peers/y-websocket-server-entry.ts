import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocketServer } from "ws";
import { describe, servePeer } from "./peer-ipc";

/**
 * `@y/websocket-server` 0.1.1 as its own `server.js` runs it: `setupWSConnection`
 * on every upgrade of a plain HTTP server. With `YPERSISTENCE` set (by the
 * parent, to a temporary directory) its utilities store every update in
 * LevelDB through its bundled `y-leveldb` as it is applied.
 */
async function main() {
  const dir = process.env.YPERSISTENCE;
  if (!dir) throw new Error("YPERSISTENCE is not set");
  // The module reads YPERSISTENCE when it loads, and logs that it persists.
  const log = console.info;
  console.info = () => {};
  const { setupWSConnection } = await import("@y/websocket-server/utils");
  console.info = log;
  const wss = new WebSocketServer({ noServer: true });
  const server = createServer((_request, response) => {
    response.writeHead(200, { "content-type": "text/plain" }).end("okay");
  });
  wss.on("connection", setupWSConnection);
  server.on("upgrade", (request, socket, head) => {
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit("connection", ws, request));
  });
  await new Promise<void>((resolve) =>
    server.listen(
      { port: Number(process.env.PEER_PORT ?? 0), host: "127.0.0.1", backlog: 4096 },
      resolve,
    ),
  );
  const { port } = server.address() as AddressInfo;
  servePeer(port, "LevelDB (y-leveldb), every update appended as applied", async () => {
    for (const client of wss.clients) client.terminate();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`y-websocket-server peer failed: ${describe(error)}\n`);
  process.exit(1);
});
