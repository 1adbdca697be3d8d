import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createSession, defaultSessionPolicy, sessionCookieName } from "@teamaround/auth";
import type { Database } from "@teamaround/db";
import { type DocumentKind, documentSections, parseDocumentName } from "@teamaround/domain";
import type { EventBus } from "@teamaround/events";
import pino from "pino";
import { WebSocket } from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import type { RealtimeLimits } from "../collab/limits";
import { createRealtime, type Realtime, type RealtimeConfig } from "../create-realtime";

export const testOrigin = "http://teamaround.test";

export interface TestRealtime {
  realtime: Realtime;
  server: Server;
  /** `ws://127.0.0.1:<port>/yjs`: the provider appends `/<document name>`. */
  url: string;
  /** `http://127.0.0.1:<port>`: for Socket.io clients. */
  httpUrl: string;
  close(): Promise<void>;
}

/** The real realtime server on port 0, attached to a plain HTTP server that also answers requests. */
export async function startTestRealtime(
  db: Database,
  limits: Partial<RealtimeLimits> = {},
  options: Pick<RealtimeConfig, "redis" | "accessRecheckMs" | "trustedProxies"> & {
    events?: EventBus;
  } = {},
): Promise<TestRealtime> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { "content-type": "text/plain" }).end("http still works\n");
  });
  const realtime = createRealtime({
    db,
    logger: pino({ level: "silent" }),
    config: {
      publicOrigin: testOrigin,
      sessionPolicy: defaultSessionPolicy,
      limits,
      ...(options.redis ? { redis: options.redis } : {}),
      ...(options.accessRecheckMs !== undefined
        ? { accessRecheckMs: options.accessRecheckMs }
        : {}),
      ...(options.trustedProxies ? { trustedProxies: options.trustedProxies } : {}),
    },
    now: () => new Date(),
    ...(options.events ? { events: options.events } : {}),
  });
  realtime.attach(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    realtime,
    server,
    url: `ws://127.0.0.1:${port}/yjs`,
    httpUrl: `http://127.0.0.1:${port}`,
    async close() {
      await realtime.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A session cookie made the way sign-in makes one; `at` in the past makes an expired one. */
export async function cookieFor(
  db: Database,
  userId: string,
  options: { at?: Date; twoFactorVerified?: boolean } = {},
): Promise<string> {
  const { token } = await createSession(
    db,
    userId,
    {
      ipAddress: "127.0.0.1",
      userAgent: "vitest",
      twoFactorVerified: options.twoFactorVerified ?? true,
    },
    defaultSessionPolicy,
    options.at ?? new Date(),
  );
  return `${sessionCookieName}=${token}`;
}

/** A `ws` WebSocket that sends the headers a browser on our origin would. */
export function browserSocket(
  cookie: string | null,
  origin = testOrigin,
): new (
  address: string,
  protocols?: string | string[],
) => WebSocket {
  const headers: Record<string, string> = { origin };
  if (cookie) headers.cookie = cookie;
  return class BrowserSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers });
    }
  };
}

export interface Client {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Resolves with the first close the server sent. */
  closed: Promise<{ code: number; reason: string }>;
  /** Resolves at the first full sync. */
  synced: Promise<void>;
  destroy(): void;
}

/** A stock y-websocket client (no BroadcastChannel, so every byte goes through the server). */
export function connectClient(
  url: string,
  documentName: string,
  cookie: string | null,
  options: { origin?: string; doc?: Y.Doc; params?: Record<string, string> } = {},
): Client {
  const doc = options.doc ?? new Y.Doc();
  const provider = new WebsocketProvider(url, encodeURIComponent(documentName), doc, {
    ...(options.params ? { params: options.params } : {}),
    WebSocketPolyfill: browserSocket(
      cookie,
      options.origin,
    ) as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 200,
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    provider.on("connection-close", (event) => {
      if (event) resolve({ code: event.code, reason: event.reason });
    });
  });
  const synced = new Promise<void>((resolve) => {
    if (provider.synced) resolve();
    provider.on("sync", (isSynced: boolean) => {
      if (isSynced) resolve();
    });
  });
  return {
    doc,
    provider,
    closed,
    synced,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Polls until `check` holds, failing with `what` after the timeout. */
export async function waitFor(
  check: () => boolean | Promise<boolean>,
  what: string,
  // Generous: only a failing wait ever takes this long, and a busy machine can be four times slower.
  timeoutMs = 20_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Resolves with "synced" or the close the server sent, whichever comes first. */
export function outcome(client: Client): Promise<"synced" | { code: number; reason: string }> {
  return Promise.race([client.synced.then(() => "synced" as const), client.closed]);
}

const docOf = (target: Client | Y.Doc) => (target instanceof Y.Doc ? target : target.doc);

/** The section tests write in: the first of the document's kind (a Y.Doc alone is taken for a plan). */
function sectionOf(target: Client | Y.Doc, kind: DocumentKind | undefined): Y.XmlFragment {
  const documentKind =
    kind ??
    (target instanceof Y.Doc
      ? "plan"
      : parseDocumentName(decodeURIComponent(target.provider.roomname))?.kind) ??
    "plan";
  return docOf(target).getXmlFragment(documentSections[documentKind][0]);
}

/**
 * The text run tests type into, where the editor would put it: the first
 * paragraph of the document's first section, made on first use. A document
 * outside its schema is refused by the server, so tests write real content.
 */
export function typing(target: Client | Y.Doc, kind?: DocumentKind): Y.XmlText {
  const fragment = sectionOf(target, kind);
  const first = fragment.get(0);
  const run = first instanceof Y.XmlElement ? first.get(0) : null;
  if (run instanceof Y.XmlText) return run;
  const created = new Y.XmlText();
  fragment.insert(0, [paragraphOf(created)]);
  return created;
}

/** Types `value` at `at` (or the end) in one update, as a keystroke would, making the paragraph if needed. */
export function write(
  target: Client | Y.Doc,
  at: number | "end",
  value: string,
  kind?: DocumentKind,
): void {
  Y.transact(docOf(target), () => {
    const run = typing(target, kind);
    run.insert(at === "end" ? run.length : at, value);
  });
}

/**
 * An update as a real editor sends it: text typed, formatted and partly
 * deleted, in the "worries" section (not the one tests read). A fixed client
 * id makes a byte position mean the same thing every run.
 */
export function editorUpdate(clientId?: number): Uint8Array {
  const doc = new Y.Doc();
  if (clientId !== undefined) doc.clientID = clientId;
  const content = new Y.XmlText();
  doc.getXmlFragment("worries").insert(0, [paragraphOf(content)]);
  content.insert(0, "The family would like help with mornings");
  content.format(4, 6, { bold: {} });
  content.delete(0, 4);
  return Y.encodeStateAsUpdate(doc);
}

export function paragraphOf(run: Y.XmlText | string): Y.XmlElement {
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.insert(0, [typeof run === "string" ? new Y.XmlText(run) : run]);
  return paragraph;
}

/** The text of every paragraph in the section tests write in. */
export function text(target: Client | Y.Doc, kind?: DocumentKind): string {
  return sectionOf(target, kind)
    .toArray()
    .map((block) =>
      block instanceof Y.XmlElement
        ? block
            .toArray()
            .map((run) => (run instanceof Y.XmlText ? run.toString() : ""))
            .join("")
        : "",
    )
    .join("");
}

/** Content of a document as the server holds it in memory (null when not loaded). */
export function serverText(realtime: Realtime, name: string): string | null {
  const state = realtime.documentState(name);
  if (!state) return null;
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  const value = text(doc, parseDocumentName(name)?.kind);
  doc.destroy();
  return value;
}

export interface RawSocket {
  ws: WebSocket;
  /** Every binary message the server sent, in order. */
  messages: Uint8Array[];
  opened: Promise<void>;
  closed: Promise<{ code: number; reason: string }>;
}

/** A bare WebSocket with a browser's headers, for sending bytes no real client would. */
export function openRawSocket(url: string, documentName: string, cookie: string | null): RawSocket {
  const Socket = browserSocket(cookie);
  const ws = new Socket(`${url}/${encodeURIComponent(documentName)}`);
  const messages: Uint8Array[] = [];
  ws.on("message", (data: Buffer) => messages.push(new Uint8Array(data)));
  ws.on("error", () => {});
  const opened = new Promise<void>((resolve) => ws.once("open", () => resolve()));
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.once("close", (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  return { ws, messages, opened, closed };
}
