import { performance } from "node:perf_hooks";

export interface Distribution {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentiles of a sample, in the sample's unit. */
export function distribution(values: Float64Array): Distribution {
  const sorted = Float64Array.from(values).sort();
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
  const sum = sorted.reduce((a, b) => a + b, 0);
  return {
    count: sorted.length,
    p50: at(0.5) ?? 0,
    p95: at(0.95) ?? 0,
    p99: at(0.99) ?? 0,
    max: sorted[sorted.length - 1] ?? 0,
    mean: sorted.length ? sum / sorted.length : 0,
  };
}

interface Sent {
  at: number;
  /** Other clients that have not received it yet. */
  remaining: number;
  measured: boolean;
}

/**
 * Fan-out latency: each message carries an id; the sender notes when it sent
 * it, every receiver (in this same process, so one clock) when it arrived.
 * Only messages sent during the measured window count.
 */
export class FanOutRecorder {
  measuring = false;
  sentMeasured = 0;
  duplicates = 0;
  private nextId = 1;
  private readonly sent = new Map<number, Sent>();
  private samples = new Float64Array(1 << 16);
  private length = 0;

  /** Call right before sending; `receivers` is how many others should see it. */
  send(receivers: number): number {
    const id = this.nextId++;
    this.sent.set(id, { at: performance.now(), remaining: receivers, measured: this.measuring });
    if (this.measuring) this.sentMeasured++;
    return id;
  }

  receive(id: number): void {
    const now = performance.now();
    const sent = this.sent.get(id);
    if (!sent) {
      this.duplicates++;
      return;
    }
    if (sent.measured) this.push(now - sent.at);
    if (--sent.remaining <= 0) this.sent.delete(id);
  }

  /** Receipts still missing for messages sent in the window. */
  missing(): number {
    let missing = 0;
    for (const sent of this.sent.values()) if (sent.measured) missing += sent.remaining;
    return missing;
  }

  delivered(): number {
    return this.length;
  }

  latencies(): Float64Array {
    return this.samples.subarray(0, this.length);
  }

  private push(value: number): void {
    if (this.length === this.samples.length) {
      const grown = new Float64Array(this.samples.length * 2);
      grown.set(this.samples);
      this.samples = grown;
    }
    this.samples[this.length++] = value;
  }
}
