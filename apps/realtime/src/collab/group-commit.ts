import { performance } from "node:perf_hooks";
import type { DocumentStore, PendingUpdate } from "./store";
import { TimeHistogram } from "./time-histogram";

interface Waiting {
  entry: PendingUpdate;
  queuedAt: number;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: every update accepted during one event-loop turn, across all
 * documents, is appended in one statement; callers relay only once their
 * promise resolves. While one batch commits the next one gathers, so batches
 * commit one after another and in the order their updates were accepted.
 */
export class GroupCommit {
  private queue: Waiting[] = [];
  private scheduled = false;
  private writing = false;
  private idleWaiters: (() => void)[] = [];
  /** Batches committed, for benchmarks. */
  commits = 0;
  /** How long each batch took to commit. */
  readonly commitTimes = new TimeHistogram();
  /** For each update, from accepted to stored: the wait for its batch to start, then the commit. */
  readonly storeDelays = new TimeHistogram();

  constructor(private readonly store: DocumentStore) {}

  append(entry: PendingUpdate): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ entry, queuedAt: performance.now(), resolve, reject });
      this.schedule();
    });
  }

  /** Resolves once nothing is queued or being written. */
  idle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private isIdle(): boolean {
    return this.queue.length === 0 && !this.writing && !this.scheduled;
  }

  private schedule(): void {
    if (this.scheduled || this.writing) return;
    this.scheduled = true;
    setImmediate(() => this.flush());
  }

  private flush(): void {
    this.scheduled = false;
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) {
      this.notifyIdle();
      return;
    }
    this.writing = true;
    const started = performance.now();
    void this.store
      .store(batch.map((w) => w.entry))
      .then(
        () => {
          this.commits++;
          const stored = performance.now();
          this.commitTimes.record(stored - started);
          for (const waiting of batch) {
            this.storeDelays.record(stored - waiting.queuedAt);
            waiting.resolve();
          }
        },
        (error: unknown) => {
          for (const waiting of batch) waiting.reject(error);
        },
      )
      .finally(() => {
        this.writing = false;
        if (this.queue.length > 0) this.schedule();
        else this.notifyIdle();
      });
  }

  private notifyIdle(): void {
    if (!this.isIdle()) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
