import { addCalendarMonths } from "../journey/calendar-months";
import { addDays, isWeekend } from "../journey/journey-dates";
import { quarterOf } from "../oversight/quarters";
import { type FigurePeriod, inPeriod } from "./figure-period";
import type { EpisodeRecord, FigureRecords, NeedScoreRecord } from "./figure-records";
import { episodeGroup, type FigureSplit, requestGroup } from "./figure-splits";

/**
 * Counts per measure and group: `counts["requests.received"]["<agency id>"]`.
 * A group with nothing to count is absent. Medians the same way, over the
 * same groups. Every key is described in docs/figures.md.
 */
export interface FigureCounts {
  counts: Record<string, Record<string, number>>;
  medians: Record<string, Record<string, number>>;
}

/** Working days (Monday to Friday) after `from` up to and including `to`. */
export function workingDaysBetween(from: string, to: string): number {
  let days = 0;
  for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) {
    if (!isWeekend(day)) days += 1;
  }
  return days;
}

/** The middle value; the mean of the two middle values of an even count. */
export function median(values: readonly number[]): number | null {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid];
  if (upper === undefined) return null;
  if (sorted.length % 2 === 1) return upper;
  return ((sorted[mid - 1] ?? upper) + upper) / 2;
}

class Tally {
  readonly counts: Record<string, Record<string, number>> = {};
  readonly samples: Record<string, Record<string, number[]>> = {};

  add(measure: string, group: string, by = 1) {
    const row = this.counts[measure] ?? {};
    row[group] = (row[group] ?? 0) + by;
    this.counts[measure] = row;
  }

  sample(measure: string, group: string, value: number) {
    const row = this.samples[measure] ?? {};
    row[group] = [...(row[group] ?? []), value];
    this.samples[measure] = row;
  }

  result(): FigureCounts {
    const medians: Record<string, Record<string, number>> = {};
    for (const [measure, groups] of Object.entries(this.samples)) {
      const row: Record<string, number> = {};
      for (const [group, values] of Object.entries(groups)) {
        const m = median(values);
        if (m !== null) row[group] = m;
      }
      medians[measure] = row;
    }
    return { counts: this.counts, medians };
  }
}

function isOpenOn(episode: EpisodeRecord, day: string): boolean {
  return episode.openedOn <= day && (episode.closedOn === null || episode.closedOn > day);
}

/** The earliest assessment score and the latest closure score of one line (area, child). */
function improvedLines(scores: readonly NeedScoreRecord[]) {
  const byLine = new Map<
    string,
    { area: string; first?: NeedScoreRecord; last?: NeedScoreRecord }
  >();
  const earlier = (a: NeedScoreRecord, b: NeedScoreRecord) =>
    a.scoredOn < b.scoredOn || (a.scoredOn === b.scoredOn && a.recordedAt > b.recordedAt);
  const later = (a: NeedScoreRecord, b: NeedScoreRecord) =>
    a.scoredOn > b.scoredOn || (a.scoredOn === b.scoredOn && a.recordedAt > b.recordedAt);
  for (const score of scores) {
    const key = `${score.area}|${score.memberId ?? ""}`;
    const line = byLine.get(key) ?? { area: score.area };
    if (score.stage === "assessment" && (!line.first || earlier(score, line.first))) {
      line.first = score;
    }
    if (score.stage === "closure" && (!line.last || later(score, line.last))) line.last = score;
    byLine.set(key, line);
  }
  return [...byLine.values()].flatMap(({ area, first, last }) =>
    first && last ? [{ area, improved: last.score > first.score }] : [],
  );
}

/**
 * Every figure for a period, counted from plain records: the definitions
 * the SQL of the API is tested against.
 */
export function countFigures(
  records: FigureRecords,
  period: FigurePeriod,
  split: FigureSplit,
): FigureCounts {
  const tally = new Tally();
  const episodes = new Map(records.episodes.map((e) => [e.id, e]));
  const groupOf = (episodeId: string) => {
    const episode = episodes.get(episodeId);
    return episode ? episodeGroup(episode, split) : null;
  };

  for (const request of records.requests) {
    if (!inPeriod(request.requestedOn, period)) continue;
    const group = requestGroup(request, split);
    tally.add("requests.received", group);
    tally.add(`requests.${request.status}`, group);
    tally.add(
      request.requesterAgencyId ? "requests.from_practitioner" : "requests.from_family",
      group,
    );
  }

  for (const assessment of records.assessments) {
    const group = groupOf(assessment.episodeId);
    if (group === null) continue;
    if (inPeriod(assessment.startedOn, period)) tally.add("assessments.started", group);
    if (inPeriod(assessment.completedOn, period)) {
      tally.add("assessments.completed", group);
      tally.sample(
        "assessments.working_days_to_complete",
        group,
        workingDaysBetween(assessment.startedOn, assessment.completedOn),
      );
    }
  }

  const openLeads = new Map<string, Set<string>>();
  const previous = new Map(records.episodes.map((e) => [`${e.familyId}|${e.number}`, e]));
  for (const episode of records.episodes) {
    const group = episodeGroup(episode, split);
    if (isOpenOn(episode, period.to)) {
      tally.add("caseload.open", group);
      if (episode.leadUserId) {
        const leads = openLeads.get(group) ?? new Set<string>();
        leads.add(episode.leadUserId);
        openLeads.set(group, leads);
      }
    }
    if (inPeriod(episode.closedOn, period) && episode.closureReason) {
      tally.add("closures.total", group);
      tally.add(`closures.${episode.closureReason}`, group);
    }
    if (inPeriod(episode.openedOn, period)) {
      tally.add("rereferrals.opened", group);
      const before = previous.get(`${episode.familyId}|${episode.number - 1}`);
      const closedOn = before?.closedOn ?? null;
      if (closedOn !== null && closedOn <= episode.openedOn) {
        if (closedOn >= addCalendarMonths(episode.openedOn, -12)) {
          tally.add("rereferrals.within_12_months", group);
        }
        if (closedOn >= addCalendarMonths(episode.openedOn, -3)) {
          tally.add("rereferrals.within_3_months", group);
        }
      }
    }
  }
  for (const [group, leads] of openLeads) tally.add("caseload.leads", group, leads.size);

  const heldByFamily = new Map<string, string[]>();
  for (const meeting of records.meetings) {
    heldByFamily.set(meeting.familyId, [
      ...(heldByFamily.get(meeting.familyId) ?? []),
      meeting.heldOn,
    ]);
  }
  for (const episode of records.episodes) {
    const planOn = episode.planInPlaceOn;
    if (!inPeriod(planOn, period)) continue;
    const group = episodeGroup(episode, split);
    tally.add("tac.plans", group);
    const firstHeld = (heldByFamily.get(episode.familyId) ?? [])
      .filter((day) => day >= planOn)
      .sort()[0];
    if (firstHeld && workingDaysBetween(planOn, firstHeld) <= records.firstTacWorkingDays) {
      tally.add("tac.within_target", group);
    }
  }

  const reviewsByEpisode = new Map<string, string[]>();
  for (const review of records.reviews) {
    reviewsByEpisode.set(review.episodeId, [
      ...(reviewsByEpisode.get(review.episodeId) ?? []),
      review.reviewedOn,
    ]);
  }
  for (const review of records.reviews) {
    const group = groupOf(review.episodeId);
    const dueOn = review.nextReviewOn;
    if (group === null || !inPeriod(dueOn, period)) continue;
    tally.add("reviews.due", group);
    const next = (reviewsByEpisode.get(review.episodeId) ?? [])
      .filter((day) => day > review.reviewedOn)
      .sort()[0];
    if (next && next <= dueOn) tally.add("reviews.on_time", group);
  }

  for (const result of records.outcomeResults) {
    const episode = episodes.get(result.episodeId);
    if (!episode || !inPeriod(episode.closedOn, period)) continue;
    const group = episodeGroup(episode, split);
    tally.add("outcomes.recorded", group);
    if (result.result === "met") tally.add("outcomes.met", group);
  }

  for (const event of records.events) {
    const group = groupOf(event.episodeId);
    if (group === null || event.kind === "other" || !inPeriod(event.on, period)) continue;
    tally.add(`changes.${event.kind}`, group);
  }

  const closedScores = new Map<string, NeedScoreRecord[]>();
  for (const score of records.scores) {
    const episode = episodes.get(score.episodeId);
    if (!episode || !inPeriod(episode.closedOn, period)) continue;
    closedScores.set(score.episodeId, [...(closedScores.get(score.episodeId) ?? []), score]);
  }
  for (const [episodeId, scores] of closedScores) {
    const group = groupOf(episodeId);
    if (group === null) continue;
    for (const line of improvedLines(scores)) {
      tally.add(`distance.${line.area}.lines`, group);
      if (line.improved) tally.add(`distance.${line.area}.improved`, group);
    }
  }

  for (const answer of records.feedback) {
    const group = groupOf(answer.episodeId);
    if (group === null || !inPeriod(answer.answeredOn, period)) continue;
    tally.add("feedback.answers", group);
    if (answer.respected >= 4) tally.add("feedback.respected.positive", group);
    if (answer.listenedTo >= 4) tally.add("feedback.listened_to.positive", group);
    if (answer.helped >= 4) tally.add("feedback.helped.positive", group);
    if (answer.wouldRecommend >= 4) tally.add("feedback.would_recommend.positive", group);
  }

  for (const audit of records.audits) {
    const group = groupOf(audit.episodeId);
    if (group === null || !inPeriod(audit.auditedOn, period)) continue;
    tally.add(`audits.${quarterOf(audit.auditedOn)}.total`, group);
    tally.add(`audits.${quarterOf(audit.auditedOn)}.${audit.grade}`, group);
  }

  for (const check of records.sustainability) {
    const group = groupOf(check.episodeId);
    if (group === null || !inPeriod(check.recordedOn, period)) continue;
    if (check.result !== "sustained" && check.result !== "not_sustained") continue;
    tally.add(`sustained.${check.monthsAfter}_months.known`, group);
    if (check.result === "sustained") tally.add(`sustained.${check.monthsAfter}_months.yes`, group);
  }

  return tally.result();
}
