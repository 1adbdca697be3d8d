import type { Duplex } from "node:stream";
import { realtimeCloseCodes } from "@teamaround/domain";
import type { Logger } from "pino";
import type { RawData, WebSocket } from "ws";
import type { Principal } from "./authenticate";
import type { RealtimeLimits } from "./limits";
import { TokenBucket } from "./limits";
import type { Counters, LoadedDocument } from "./loaded-document";
import { decodeClientMessage, encodeStored, isEmptyUpdate, ProtocolError } from "./protocol";

export interface ConnectionContext {
  limits: RealtimeLimits;
  counters: Counters;
  logger: Logger;
  /** The document threw part-way through an update: reload it for everyone. */
  onBrokenDocument(document: LoadedDocument): void;
  onClose(connection: Connection): void;
}

const { tryAgainLater } = realtimeCloseCodes;

let nextId = 1;

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data);
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return data;
}

/**
 * One WebSocket: limits (size, rate, handshake time), the queue of messages
 * that arrive while it is being admitted, and the change hook's dispatch.
 * A breach closes only this connection.
 */
export class Connection {
  readonly id = nextId++;
  state: "admitting" | "open" | "closed" = "admitting";
  principal: Principal | null = null;
  document: LoadedDocument | null = null;
  /** Awareness client ids this connection speaks for. */
  readonly awarenessIds = new Set<number>();
  /** Set by an accepted write, cleared by the access re-check: writing is using the session. */
  wroteSinceCheck = false;
  /** The client asked (`?stored=1`) to be told when its updates are stored (`messageStored`). */
  wantsStoredAcks = false;
  private unsentAck: Map<number, number> | null = null;
  private queue: Uint8Array[] = [];
  private readonly bucket: TokenBucket;
  private handshakeTimer: NodeJS.Timeout | null;
  private droppedWrites = 0;
  private corked = false;

  constructor(
    private readonly ws: WebSocket,
    private readonly context: ConnectionContext,
    /**
     * The upgraded TCP socket under `ws`: corked while one tick's messages are
     * sent, and written to directly with frames already made (`sendFrame`).
     */
    private readonly socket: Pick<Duplex, "cork" | "uncork" | "write"> | null = null,
  ) {
    const { limits } = context;
    this.bucket = new TokenBucket(limits.messagesPerSecond, limits.messageBurst);
    this.handshakeTimer = setTimeout(
      () => this.close(realtimeCloseCodes.handshakeTimeout, "no message in time"),
      limits.handshakeTimeoutMs,
    );
    ws.on("message", (data, isBinary) => this.receive(data, isBinary));
    ws.on("close", () => this.finish());
    ws.on("error", (error) => {
      context.logger.debug({ err: error, connection: this.id }, "socket error");
    });
  }

  /** Admitted: from now on messages are handled, first those that waited. */
  open(principal: Principal, document: LoadedDocument): void {
    this.principal = principal;
    this.document = document;
    this.state = "open";
    const queued = this.queue;
    this.queue = [];
    for (const message of queued) {
      if (this.state !== "open") return;
      this.handle(message);
    }
  }

  isClosed(): boolean {
    return this.state === "closed";
  }

  send(message: Uint8Array): void {
    if (!this.mayWrite()) return;
    this.corkUntilNextTick();
    this.ws.send(message);
  }

  /**
   * Sends a message framed once for all its recipients (`binaryFrame`) straight
   * to the socket. Safe beside `ws`'s own sends: without compression its sender
   * writes synchronously and queues nothing, so frames never interleave. The
   * server never agrees to compression; should a connection ever have it, its
   * messages go through `ws` instead.
   */
  sendFrame(frame: Buffer, message: Uint8Array): void {
    if (!this.socket || this.ws.extensions !== "") {
      this.send(message);
      return;
    }
    if (!this.mayWrite()) return;
    this.corkUntilNextTick();
    this.socket.write(frame);
  }

  /** Open, and not so far behind that it should reconnect and re-sync instead. */
  private mayWrite(): boolean {
    if (this.state === "closed" || this.ws.readyState !== this.ws.OPEN) return false;
    // A client that has this much unsent data is too far behind; it reconnects and re-syncs.
    if (this.ws.bufferedAmount > this.context.limits.maxBufferedBytes) {
      this.close(tryAgainLater, "too far behind");
      return false;
    }
    return true;
  }

  /**
   * Tells the client its updates up to these clocks (client id → clock) are
   * stored; the acknowledgements of one tick go out as one message.
   */
  acknowledge(stored: Map<number, number>): void {
    if (!this.wantsStoredAcks || stored.size === 0) return;
    const pending = this.unsentAck;
    if (pending) {
      for (const [client, clock] of stored) {
        pending.set(client, Math.max(clock, pending.get(client) ?? 0));
      }
      return;
    }
    this.unsentAck = new Map(stored);
    process.nextTick(() => {
      const ack = this.unsentAck;
      this.unsentAck = null;
      if (ack) this.send(encodeStored(ack));
    });
  }

  /**
   * Everything sent to this socket in one tick (the relays of one group
   * commit, an answer and its awareness) leaves in one write, not one system
   * call per message: at 2,000 edits/s the per-message writes were the
   * largest cost of relaying (bench/realtime).
   */
  private corkUntilNextTick(): void {
    const socket = this.socket;
    if (this.corked || !socket) return;
    this.corked = true;
    socket.cork();
    process.nextTick(() => {
      this.corked = false;
      socket.uncork();
    });
  }

  close(code: number, reason: string): void {
    if (this.state === "closed") return;
    this.ws.close(code, reason);
    this.finish();
  }

  private finish(): void {
    if (this.state === "closed") return;
    this.state = "closed";
    this.queue = [];
    if (this.handshakeTimer) clearTimeout(this.handshakeTimer);
    if (this.droppedWrites > 0) {
      this.context.logger.info(
        {
          connection: this.id,
          document: this.principal?.document.name,
          dropped: this.droppedWrites,
        },
        "read-only connection closed after sending writes",
      );
    }
    this.context.onClose(this);
  }

  private receive(data: RawData, isBinary: boolean): void {
    if (this.state === "closed") return;
    if (this.handshakeTimer) {
      clearTimeout(this.handshakeTimer);
      this.handshakeTimer = null;
    }
    const bytes = toBytes(data);
    const refusal = this.refusalOf(bytes, isBinary);
    if (refusal) {
      this.close(refusal.code, refusal.reason);
    } else if (this.state === "admitting") {
      this.queue.push(bytes);
    } else {
      this.handle(bytes);
    }
  }

  /** Why a message breaks this connection's limits, if it does. */
  private refusalOf(bytes: Uint8Array, isBinary: boolean): { code: number; reason: string } | null {
    const { limits } = this.context;
    if (bytes.byteLength > limits.maxMessageBytes) {
      return { code: realtimeCloseCodes.messageTooLarge, reason: "message too large" };
    }
    if (!isBinary)
      return { code: realtimeCloseCodes.badMessage, reason: "text messages not accepted" };
    if (!this.bucket.take()) {
      return { code: realtimeCloseCodes.tooManyRequests, reason: "too many messages" };
    }
    if (this.state === "admitting" && this.queue.length >= limits.maxQueuedMessages) {
      // Transient: admission waits on the database (slow or down) while the person types on.
      // The client keeps its edits and re-sends them once admitted; 4429 would stop it for good.
      return { code: tryAgainLater, reason: "too many messages before ready" };
    }
    return null;
  }

  /** The change hook: decode defensively, then sync, write, or awareness. */
  private handle(bytes: Uint8Array): void {
    const document = this.document;
    if (!document) return;
    try {
      const message = decodeClientMessage(bytes);
      switch (message.kind) {
        case "sync-step-1":
          if (!document.answerSyncStep1(this, message.stateVector)) {
            this.close(realtimeCloseCodes.badMessage, "malformed state vector");
          }
          return;
        case "sync-step-2":
        case "update":
          this.write(document, message.update);
          return;
        case "awareness":
          document.applyAwareness(this, message.update);
          return;
        case "query-awareness":
          document.sendAwarenessTo(this);
          return;
      }
    } catch (error) {
      const reason = error instanceof ProtocolError ? error.message : "malformed message";
      this.close(realtimeCloseCodes.badMessage, reason);
    }
  }

  private write(document: LoadedDocument, update: Uint8Array): void {
    if (this.principal?.level !== "read-write") {
      if (isEmptyUpdate(update)) return;
      this.context.counters.droppedWrites++;
      if (this.droppedWrites++ === 0) {
        this.context.logger.warn(
          { connection: this.id, document: document.name, userId: this.principal?.actor.userId },
          "dropped a write from a read-only connection",
        );
      }
      return;
    }
    const result = document.applyFromConnection(this, update);
    if (result === "applied") {
      this.wroteSinceCheck = true;
      return;
    }
    if (result === "busy") {
      // Unapplied: the client keeps the edit and sends it again when it reconnects.
      this.close(tryAgainLater, "changes cannot be stored now");
      return;
    }
    this.close(realtimeCloseCodes.badMessage, "update rejected");
    if (result === "broken") this.context.onBrokenDocument(document);
  }
}
