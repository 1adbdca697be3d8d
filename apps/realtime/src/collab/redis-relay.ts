import { randomBytes } from "node:crypto";
import type { Redis } from "ioredis";
import type { Logger } from "pino";
import type { DocumentRelay, RelayReceiver } from "./relay";

export interface RedisRelayOptions {
  /** For PUBLISH only; with `maxRetriesPerRequest: 1`, so sends queue while connecting but not through an outage. */
  publisher: Redis;
  /**
   * A connection of its own: it is in subscriber mode. Create it with
   * `enableReadyCheck: false`: ioredis's ready check (INFO) fails on a
   * connection that subscribed while connecting, and drops the connection.
   */
  subscriber: Redis;
  /** Channel names start with it (one channel per document); tests give each run its own. */
  prefix: string;
  logger: Logger;
  /** How long a load waits for its subscription before going on without it. */
  joinTimeoutMs?: number;
}

/** `resync`: "my sends to this document were lost; catch up from storage". */
const kinds = { update: 0, awareness: 1, resync: 2 } as const;
const nodeIdBytes = 8;
const headerBytes = 1 + nodeIdBytes;
const logEveryMs = 10_000;

/**
 * Yjs documents shared between nodes over Redis pub/sub, binary-safe: a
 * channel per loaded document; a message is one byte of kind (update or
 * awareness), this node's id, then the bytes. A node ignores its own
 * messages. Updates are published only after they are stored (the store hook
 * calls `publishUpdate`), so storage always holds at least what was relayed.
 * Lost messages are caught up from it: a node whose subscription dropped
 * resyncs its documents when it is back, and a node whose sends failed asks
 * the others to resync those documents once its publisher is back.
 */
export function createRedisRelay(options: RedisRelayOptions): DocumentRelay {
  const { publisher, subscriber, prefix, logger } = options;
  const joinTimeoutMs = options.joinTimeoutMs ?? 2000;
  const nodeId = randomBytes(nodeIdBytes);
  const receivers = new Map<string, Set<RelayReceiver>>();
  const subscribing = new Map<string, Promise<void>>();
  const warn = throttledWarning(logger);
  /** Documents whose sends failed: the others are asked to resync them when the publisher is back. */
  const unsent = new Set<string>();

  const onMessage = (channelBytes: Buffer, message: Buffer) => {
    const listening = receivers.get(channelBytes.toString());
    if (!listening || message.byteLength < headerBytes) return;
    if (message.subarray(1, headerBytes).equals(nodeId)) return;
    const bytes = new Uint8Array(message.subarray(headerBytes));
    for (const receiver of listening) {
      if (message[0] === kinds.update) receiver.update(bytes);
      else if (message[0] === kinds.awareness) receiver.awareness(bytes);
      else if (message[0] === kinds.resync) receiver.resync();
    }
  };
  // Reconnected after losing a connection: subscribe to every loaded
  // document's channel again — not trusting the automatic resubscription —
  // then catch up what was missed. The first connection missed nothing (a
  // join that could not wait for it catches up by itself), and a catch-up
  // then raced the test of a real reconnection.
  let lostConnection = false;
  const onClose = () => {
    lostConnection = true;
  };
  const onReady = () => {
    if (!lostConnection) return;
    lostConnection = false;
    const channels = [...receivers.keys()];
    if (channels.length === 0) return;
    subscriber
      .subscribe(...channels)
      .then(() => {
        for (const listening of receivers.values()) for (const r of listening) r.resync();
      })
      .catch((error: unknown) => warn(error, "resubscribing failed"));
  };
  const send = (documentName: string, kind: number, bytes: Uint8Array) => {
    const header = Buffer.alloc(1, kind);
    const frame = Buffer.concat([header, nodeId, bytes]);
    publisher.publish(prefix + documentName, frame).catch((error: unknown) => {
      if (kind !== kinds.awareness) unsent.add(documentName);
      warn(error, "could not relay to other nodes");
    });
  };
  const onPublisherReady = () => {
    const names = [...unsent];
    unsent.clear();
    for (const name of names) send(name, kinds.resync, new Uint8Array(0));
  };
  subscriber.on("messageBuffer", onMessage);
  subscriber.on("ready", onReady);
  subscriber.on("close", onClose);
  publisher.on("ready", onPublisherReady);

  return {
    async join(documentName, receiver) {
      const channel = prefix + documentName;
      let listening = receivers.get(channel);
      if (!listening) {
        listening = new Set();
        receivers.set(channel, listening);
        const subscribed = subscriber.subscribe(channel).then(() => undefined);
        subscribing.set(channel, subscribed);
        void subscribed.finally(() => subscribing.delete(channel)).catch(() => {});
      }
      listening.add(receiver);
      const pending = subscribing.get(channel);
      // Redis slow or down: load anyway, and catch up once the subscription is in place.
      if (pending && !(await settlesWithin(pending, joinTimeoutMs))) {
        warn(null, "loading a document before its relay subscription");
        pending.then(() => receiver.resync()).catch(() => {});
      }
      return () => {
        listening.delete(receiver);
        if (listening.size > 0 || receivers.get(channel) !== listening) return;
        receivers.delete(channel);
        subscriber
          .unsubscribe(channel)
          .catch((error: unknown) => warn(error, "unsubscribe failed"));
      };
    },
    publishUpdate: (documentName, update) => send(documentName, kinds.update, update),
    publishAwareness: (documentName, update) => send(documentName, kinds.awareness, update),
    async close() {
      subscriber.off("messageBuffer", onMessage);
      subscriber.off("ready", onReady);
      subscriber.off("close", onClose);
      publisher.off("ready", onPublisherReady);
      receivers.clear();
    },
  };
}

/** True when the promise fulfils within the time; false when it rejects or takes longer. */
async function settlesWithin(promise: Promise<void>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([promise.then(() => true), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/** At most one warning per ten seconds: a Redis outage must not flood the log once per keystroke. */
function throttledWarning(logger: Logger) {
  let last = 0;
  let suppressed = 0;
  return (error: unknown, message: string) => {
    const now = Date.now();
    if (now - last < logEveryMs) {
      suppressed++;
      return;
    }
    logger.warn({ err: error, suppressed }, `yjs relay: ${message}`);
    last = now;
    suppressed = 0;
  };
}
