import { type RawData, WebSocket } from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import type { FanOutRecorder } from "../load/latency";
import { newParagraph } from "../plan-text";
import { type BenchUser, benchOrigin } from "../protocol";
import { hocuspocusSocket } from "./hocuspocus-framing";

const marker = /\[e(\d+)\]/g;
/** y-websocket's sync message carrying an update (not a sync answer, which repeats history). */
const messageSync = 0;
const messageUpdate = 2;

type Listener = (data: Uint8Array) => void;

function bytesOf(data: RawData): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data);
  return data instanceof ArrayBuffer ? new Uint8Array(data) : data;
}

/**
 * A `ws` WebSocket sending the headers a browser on our origin would (Origin
 * and the session cookie), whose first message listener — ahead of the
 * provider's — sees every message as it arrives.
 */
function browserSocket(cookie: string, onMessage: Listener | null): typeof globalThis.WebSocket {
  const headers = { origin: benchOrigin, cookie };
  class BrowserSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers });
      if (onMessage) this.on("message", (data: RawData) => onMessage(bytesOf(data)));
    }
  }
  return BrowserSocket as unknown as typeof globalThis.WebSocket;
}

export interface EditorOptions {
  /** `ws://127.0.0.1:<port>/yjs`; the provider appends the document name. */
  url: string;
  documentName: string;
  user: BenchUser;
  /** Records edits; null for clients that only load. */
  recorder: FanOutRecorder | null;
  /** Other clients in the room, who should each receive every edit. */
  peers: number;
  /** `hocuspocus`: the same provider, its messages framed for a Hocuspocus server. */
  framing?: Framing;
}

/** How messages travel: y-websocket's protocol, or Hocuspocus's multiplexed framing of it. */
export type Framing = "y-websocket" | "hocuspocus";

/**
 * A stock y-websocket client typing into its paragraph of the plan: each
 * edit appends a few characters holding a unique id, which every other
 * client in the room recognises in the update message that reaches it.
 */
export class Editor {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  readonly synced: Promise<void>;
  /** Closes the server sent (the provider reconnects after transient ones). */
  closes = 0;
  lastClose: { code: number; reason: string } | null = null;
  /** This editor's own paragraph, made at its first edit (a person starting a new line). */
  private text: Y.XmlText | null = null;
  private destroyed = false;

  constructor(private readonly options: EditorOptions) {
    this.provider = new WebsocketProvider(
      options.url,
      encodeURIComponent(options.documentName),
      this.doc,
      {
        WebSocketPolyfill:
          options.framing === "hocuspocus"
            ? hocuspocusSocket(
                options.documentName,
                { origin: benchOrigin, cookie: options.user.cookie },
                options.recorder && this.onMessage,
              )
            : browserSocket(options.user.cookie, options.recorder && this.onMessage),
        disableBc: true,
      },
    );
    this.provider.on("connection-close", (event) => {
      if (!event) return;
      this.closes++;
      this.lastClose = { code: event.code, reason: event.reason };
    });
    this.synced = new Promise((resolve) => {
      const onSync = (isSynced: boolean) => {
        if (!isSynced) return;
        this.provider.off("sync", onSync);
        resolve();
      };
      this.provider.on("sync", onSync);
    });
  }

  /** One small edit: a few characters with this edit's id, appended to the text. */
  edit(): void {
    const recorder = this.options.recorder;
    if (!recorder || !this.provider.wsconnected) return;
    const id = recorder.send(this.options.peers);
    Y.transact(this.doc, () => {
      this.text ??= newParagraph(this.doc);
      this.text.insert(this.text.length, `[e${id}] `);
    });
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.provider.destroy();
    this.doc.destroy();
  }

  /**
   * Receipt is the update's arrival: its inserted text travels verbatim in the
   * message, so the ids are read from the bytes before the provider applies it.
   */
  private readonly onMessage = (bytes: Uint8Array) => {
    const recorder = this.options.recorder;
    if (!recorder || bytes[0] !== messageSync || bytes[1] !== messageUpdate) return;
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
    for (const match of text.matchAll(marker)) recorder.receive(Number(match[1]));
  };
}
