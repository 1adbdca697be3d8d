import { agencies, type Executor, localAuthorities, users } from "@teamaround/db";
import {
  type Actor,
  ALL,
  AppError,
  defaultPeriod,
  FAMILY_ASKED,
  type FigurePeriod,
  type FigureSplit,
  figureScopeOf,
  NOT_KNOWN,
  periodStarting,
  presentFigures,
  STEPPED_DOWN,
} from "@teamaround/domain";
import { eq } from "drizzle-orm";
import { isoDay } from "../shared/dates";
import { countFiguresInSql, type FigureScope } from "./figure-counts-sql";
import type { FiguresQuery, FiguresReport } from "./figures.schema";

/** The actor's figure scope (`figureScopeOf` in the domain decides it) within their authority. */
async function scopeOf(db: Executor, actor: Actor): Promise<FigureScope> {
  const [user] = await db.select().from(users).where(eq(users.id, actor.userId));
  if (!user) throw new AppError("forbidden", "Your role does not allow this.");
  const scope = figureScopeOf(actor);
  return {
    authorityId: user.authorityId,
    agencyId: scope.kind === "service" ? scope.agencyId : null,
  };
}

const fixedLabels: Record<string, string> = {
  [NOT_KNOWN]: "Not known",
  [FAMILY_ASKED]: "The family asked",
  [STEPPED_DOWN]: "Stepped down from social care",
};

async function groupLabels(
  db: Executor,
  authorityId: string,
  split: FigureSplit,
): Promise<(key: string) => string> {
  if (split === "lead_agency" || split === "asking_agency") {
    const rows = await db.select().from(agencies).where(eq(agencies.authorityId, authorityId));
    const names = new Map(rows.map((a) => [a.id, a.name]));
    return (key) => fixedLabels[key] ?? names.get(key) ?? "An agency no longer listed";
  }
  if (split === "level_of_need") {
    const [authority] = await db
      .select()
      .from(localAuthorities)
      .where(eq(localAuthorities.id, authorityId));
    const levels = new Map((authority?.levelsOfNeed ?? []).map((l) => [String(l.level), l.label]));
    return (key) =>
      fixedLabels[key] ?? `Level ${key}${levels.has(key) ? `: ${levels.get(key)}` : ""}`;
  }
  if (split === "age_band") return (key) => fixedLabels[key] ?? `Youngest child aged ${key}`;
  return (key) => fixedLabels[key] ?? key;
}

export function periodOf(query: FiguresQuery, now: Date): FigurePeriod {
  return query.from
    ? periodStarting(query.period, query.from)
    : defaultPeriod(query.period, isoDay(now));
}

/** The period's figures as the actor may see them, small numbers hidden. */
export async function buildFiguresReport(
  db: Executor,
  actor: Actor,
  query: FiguresQuery,
  now: Date,
): Promise<FiguresReport> {
  const scope = await scopeOf(db, actor);
  const period = periodOf(query, now);
  const [{ overall, byGroup }, label] = await Promise.all([
    countFiguresInSql(db, scope, period, query.split),
    groupLabels(db, scope.authorityId, query.split),
  ]);
  const keys = new Set(Object.values(byGroup.counts).flatMap((groups) => Object.keys(groups)));
  keys.delete(ALL);
  const groups = [...keys]
    .map((key) => ({ key, label: label(key) }))
    .sort(
      (a, b) =>
        Number(a.key === NOT_KNOWN) - Number(b.key === NOT_KNOWN) ||
        a.label.localeCompare(b.label, "en", { numeric: true }),
    );
  const [agency] = scope.agencyId
    ? await db.select().from(agencies).where(eq(agencies.id, scope.agencyId))
    : [];
  return {
    period,
    split: query.split,
    scope: scope.agencyId ? "service" : "partnership",
    scopeName: agency?.name ?? "The partnership",
    groups,
    tables: presentFigures(
      byGroup,
      overall,
      groups.map((g) => g.key),
    ),
  };
}
