export interface RouteResult {
  name: string;
  path: string;
  sent: number;
  statuses: Record<string, number>;
  bytes: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}

async function timedGet(url: string, cookie: string) {
  const started = performance.now();
  const response = await fetch(url, { headers: { cookie, origin: new URL(url).origin } });
  const body = await response.arrayBuffer();
  return { ms: performance.now() - started, status: response.status, bytes: body.byteLength };
}

/**
 * Sends GETs at a steady rate (one every 1000/rate ms, not waiting for the
 * answers: an open loop, so a slow answer cannot slow the arrivals) and
 * reports the latency percentiles of the measured window after a warm-up.
 */
export async function steadyLoad(options: {
  name: string;
  baseUrl: string;
  path: string;
  cookie: string;
  rate: number;
  seconds: number;
  warmup: number;
}): Promise<RouteResult> {
  const url = `${options.baseUrl}${options.path}`;
  const interval = 1000 / options.rate;
  for (let i = 0; i < Math.max(1, options.warmup * options.rate); i += 1) {
    await timedGet(url, options.cookie);
  }
  const total = Math.round(options.seconds * options.rate);
  const start = performance.now();
  const pending: Promise<{ ms: number; status: number; bytes: number }>[] = [];
  for (let i = 0; i < total; i += 1) {
    const wait = start + i * interval - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    pending.push(timedGet(url, options.cookie));
  }
  const samples = await Promise.all(pending);
  const sorted = samples.map((s) => s.ms).sort((a, b) => a - b);
  const statuses: Record<string, number> = {};
  for (const s of samples) statuses[s.status] = (statuses[s.status] ?? 0) + 1;
  return {
    name: options.name,
    path: options.path,
    sent: samples.length,
    statuses,
    bytes: Math.round(samples.reduce((sum, s) => sum + s.bytes, 0) / Math.max(1, samples.length)),
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? Number.NaN,
  };
}
