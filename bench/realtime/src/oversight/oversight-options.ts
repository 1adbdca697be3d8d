import { parseArgs } from "node:util";

export interface OversightOptions {
  families: number;
  years: number;
  staff: number;
  seed: number;
  /** Requests per second sent to each route, whatever the answers' speed (open loop). */
  rate: number;
  seconds: number;
  warmup: number;
  /** The period the figures are asked for. */
  figuresQuery: string;
  keep: boolean;
  /** Measure only the routes whose name contains one of these words (all when empty). */
  only: string[];
  /** Measure an authority generated earlier (kept with --keep) instead of generating one. */
  reuse: string | null;
  databaseUrl: string;
}

export const oversightUsage = `pnpm bench:oversight [--families 100000] [--years 10] [--staff N]
  [--seed 1] [--rate 10] [--seconds 20] [--warmup 3] [--figures-query "period=year"] [--keep]
  [--only drift,figures]   (measure only the routes whose name contains a word)
  [--reuse bench_oversight_<time>]   (measure a kept authority again, no generation)

Generates a synthetic authority into a new database bench_oversight_<time> on
DATABASE_URL's server (default postgres://postgres@127.0.0.1:5432/test), starts
the API on it, and measures p50/p95/p99 of the oversight routes at a steady
rate. The database is dropped afterwards unless --keep.`;

export function readOversightOptions(argv: string[]): OversightOptions | null {
  const { values } = parseArgs({
    args: argv,
    options: {
      families: { type: "string", default: "100000" },
      years: { type: "string", default: "10" },
      staff: { type: "string" },
      seed: { type: "string", default: "1" },
      rate: { type: "string", default: "10" },
      seconds: { type: "string", default: "20" },
      warmup: { type: "string", default: "3" },
      "figures-query": { type: "string", default: "period=year" },
      keep: { type: "boolean", default: false },
      only: { type: "string", default: "" },
      reuse: { type: "string" },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) return null;
  const families = Number(values.families);
  return {
    families,
    years: Number(values.years),
    staff: values.staff ? Number(values.staff) : Math.max(40, Math.round(families / 20)),
    seed: Number(values.seed),
    rate: Number(values.rate),
    seconds: Number(values.seconds),
    warmup: Number(values.warmup),
    figuresQuery: values["figures-query"],
    keep: values.keep || Boolean(values.reuse),
    only: values.only.split(",").filter((word) => word.length > 0),
    reuse: values.reuse ?? null,
    databaseUrl: process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test",
  };
}
