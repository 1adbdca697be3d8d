/** Everything that bounds what one connection or one document may cost the server. */
export interface RealtimeLimits {
  /** Largest message accepted, in bytes; larger closes the connection with 1009. */
  maxMessageBytes: number;
  /** Sustained messages per second per connection (token bucket refill rate). */
  messagesPerSecond: number;
  /** Messages a connection may send in a burst before the rate applies. */
  messageBurst: number;
  /** Open connections per person. One document per socket, so also documents per person. */
  maxConnectionsPerUser: number;
  /** Time allowed between the socket opening and its first message. */
  handshakeTimeoutMs: number;
  /** Messages held while the connection is authenticated and its document loaded. */
  maxQueuedMessages: number;
  /** How long a document stays in memory after its last connection leaves. */
  unloadDelayMs: number;
  /** How long a loaded document keeps its shadow copy after the last client update (see shadow-document.ts). */
  shadowIdleMs: number;
  /**
   * Updates accepted but not yet stored, across all documents (the database is
   * slow or unreachable): past either bound a writer's next update is refused
   * unapplied (1013, it keeps the edit and re-sends it on reconnecting), so
   * memory stays bounded while nothing can be stored.
   */
  maxPendingUpdates: number;
  maxPendingBytes: number;
  /** Unsent bytes one connection may hold; a client that reads slower is closed (1013) and re-syncs. */
  maxBufferedBytes: number;
  /** Compact a document's update log once it holds more updates than this… */
  compactAfterUpdates: number;
  /** …or more bytes than this. */
  compactAfterBytes: number;
}

export const defaultLimits: RealtimeLimits = {
  maxMessageBytes: 2 * 1024 * 1024,
  messagesPerSecond: 200,
  messageBurst: 400,
  maxConnectionsPerUser: 20,
  handshakeTimeoutMs: 10_000,
  maxQueuedMessages: 100,
  unloadDelayMs: 30_000,
  shadowIdleMs: 60_000,
  maxPendingUpdates: 50_000,
  maxPendingBytes: 64 * 1024 * 1024,
  maxBufferedBytes: 32 * 1024 * 1024,
  compactAfterUpdates: 500,
  compactAfterBytes: 1024 * 1024,
};

/**
 * Frames above this are refused by the socket library before they are read,
 * so a client cannot make the server buffer an unbounded frame. Messages
 * between the limit and this are read and refused with a reason.
 */
export function hardFrameLimit(limits: RealtimeLimits): number {
  return limits.maxMessageBytes * 2;
}

/** A token bucket: `take()` is false once the connection sends faster than allowed. */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly ratePerSecond: number,
    private readonly burst: number,
    private readonly clock: () => number = () => performance.now(),
  ) {
    this.tokens = burst;
    this.last = clock();
  }

  take(): boolean {
    const now = this.clock();
    const elapsed = Math.max(0, now - this.last) / 1000;
    this.last = now;
    this.tokens = Math.min(this.burst, this.tokens + elapsed * this.ratePerSecond);
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/** What is accepted but not yet stored, against the limits: checked before a client's update is applied. */
export class PendingBudget {
  updates = 0;
  bytes = 0;

  constructor(
    private readonly limits: Pick<RealtimeLimits, "maxPendingUpdates" | "maxPendingBytes">,
  ) {}

  get full(): boolean {
    return (
      this.updates >= this.limits.maxPendingUpdates || this.bytes >= this.limits.maxPendingBytes
    );
  }

  take(bytes: number): void {
    this.updates++;
    this.bytes += bytes;
  }

  release(bytes: number): void {
    this.updates--;
    this.bytes -= bytes;
  }
}
