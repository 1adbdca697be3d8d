import { addDays } from "@teamaround/domain";
import { sql } from "drizzle-orm";
import type { Database, Executor } from "../client";
import { type HistoryContext, writeFamily } from "./family-history";
import { isoDay } from "./history-dates";
import {
  countHistoryRows,
  emptyHistoryRows,
  type HistoryRows,
  writeHistoryRows,
} from "./history-rows";
import { generateOrganisation, type HistoryOrganisation } from "./organisation";
import { Random } from "./random";

export interface HistoryOptions {
  families: number;
  years: number;
  seed: number;
  /** "Today" of the history; nothing after it has happened. */
  now?: Date;
  /** Families built and written together (one batch of multi-row inserts). */
  sliceSize?: number;
  /** References are `<prefix>-000001`; the first number is `firstIndex + 1`. */
  firstIndex?: number;
  onSlice?: (written: number, rows: Record<keyof HistoryRows, number>) => void;
}

/**
 * Writes `families` synthetic families with `years` of history into an
 * organisation, a slice at a time so memory stays flat at any size. The same
 * seed, options and `now` give the same rows.
 */
export async function generateHistory(
  db: Executor,
  org: HistoryOrganisation,
  options: HistoryOptions,
): Promise<Record<keyof HistoryRows, number>> {
  const now = options.now ?? new Date();
  const today = isoDay(now);
  const ctx: HistoryContext = {
    random: new Random(options.seed),
    org,
    now,
    today,
    startDay: addDays(today, -Math.round(options.years * 365)),
  };
  const sliceSize = options.sliceSize ?? 1000;
  const totals = countHistoryRows(emptyHistoryRows());
  for (let start = 0; start < options.families; start += sliceSize) {
    const rows = emptyHistoryRows();
    const end = Math.min(options.families, start + sliceSize);
    for (let i = start; i < end; i += 1) writeFamily(ctx, rows, (options.firstIndex ?? 0) + i);
    await writeHistoryRows(db, rows);
    const counts = countHistoryRows(rows);
    for (const key of Object.keys(totals) as (keyof HistoryRows)[]) totals[key] += counts[key];
    options.onSlice?.(end, totals);
  }
  // The refreshes below read every table just loaded: plan them with statistics
  // (an authority of 150,000 families and none: minutes of nested loops).
  await db.execute(sql`analyze`);
  // A bulk load may run with triggers off (the benchmark's session_replication_role
  // = replica), which leaves the figures' episode summary behind: refresh it whole.
  await db.execute(sql`select refresh_all_figure_summaries()`);
  // And the managers' drift items (migration 0020), for the same reason.
  await db.execute(sql`select refresh_all_drift_items()`);
  return totals;
}

export interface AuthorityOptions extends HistoryOptions {
  staff: number;
  emailDomain?: string;
  passwordHash?: string | null;
}

/** A whole synthetic authority (organisation and history) on an empty or shared database. */
export async function generateAuthority(db: Database, options: AuthorityOptions) {
  const random = new Random(options.seed ^ 0x5eed);
  const org = await generateOrganisation(db, random, {
    staff: options.staff,
    emailDomain: options.emailDomain ?? `s${options.seed}.generated.teamaround.test`,
    passwordHash: options.passwordHash ?? null,
  });
  const rows = await generateHistory(db, org, options);
  return { org, rows };
}
