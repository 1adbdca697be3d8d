import {
  addDays,
  addWorkingDays,
  type ClosureReason,
  caseAuditAreas,
  type FamilyStatus,
  followUpDueDates,
  type OutcomeArea,
  type OutcomeResult,
  outcomeAreas,
} from "@teamaround/domain";
import type { HistoryContext } from "./family-history";
import { at, daysBetween, laterDay } from "./history-dates";
import type { HistoryRows } from "./history-rows";
import type { StaffMember } from "./organisation";
import { auditFeedback } from "./words";

export interface EpisodePlan {
  episodeId: string;
  familyId: string;
  number: number;
  requestId: string | null;
  openedOn: string;
  lead: StaffMember;
  manager: StaffMember;
  team: StaffMember[];
  parentId: string;
  memberIds: string[];
}

export interface EpisodeLife {
  familyStatus: FamilyStatus;
  closedOn: string | null;
  closedAt: Date | null;
  closureReason: ClosureReason | null;
}

const agenda = [
  { id: "00000000-0000-4000-8000-000000000001", title: "What is working well" },
  { id: "00000000-0000-4000-8000-000000000002", title: "What we are worried about" },
  { id: "00000000-0000-4000-8000-000000000003", title: "What needs to happen" },
];

const clampScore = (score: number) => Math.max(0, Math.min(10, score));
/** Between reviews most need areas improve: a score moves up, stays, or falls back. */
const scoreSteps = { up2: 2, up1: 1, same: 0, down: -1 } as const;
const scoreTrend = { up2: 25, up1: 40, same: 23, down: 12 } as const;

/**
 * One episode: the assessment (some late, some waiting for sign-off), the
 * first TAC, reviews on time or late with need scores that mostly improve,
 * outcomes and actions (some overdue), and a closure by reason with outcome
 * results, feedback and the 3- and 6-month follow-ups — or still open today.
 */
export function writeEpisode(
  ctx: HistoryContext,
  rows: HistoryRows,
  plan: EpisodePlan,
): EpisodeLife {
  const { random, today, now } = ctx;
  const { episodeId, familyId, lead, manager } = plan;
  const openedAt = at(plan.openedOn, 10);
  const episode: HistoryRows["episodes"][number] = {
    id: episodeId,
    familyId,
    number: plan.number,
    origin: plan.requestId ? "request_for_help" : "stepped_down",
    requestId: plan.requestId,
    openedAt,
    openedBy: manager.id,
    status: "assessment",
    createdAt: openedAt,
  };
  rows.episodes.push(episode);
  rows.events.push({
    id: random.uuid(),
    episodeId,
    familyId,
    kind: "opened",
    at: openedAt,
    by: manager.id,
  });
  const open: EpisodeLife = {
    familyStatus: "assessment_started",
    closedOn: null,
    closedAt: null,
    closureReason: null,
  };

  // The assessment: most within the 45-working-day target, some late.
  const assessmentId = random.uuid();
  const late = random.chance(0.15);
  const workingDays = late ? random.int(46, 90) : Math.min(44, random.skewed(22, 0.45));
  const submittedOn = addWorkingDays(plan.openedOn, Math.max(1, workingDays - 2));
  const returned = random.chance(0.1);
  const decidedOn = addWorkingDays(
    submittedOn,
    returned ? random.int(4, 8) : random.skewed(2, 0.9) - 1,
  );
  const assessment: HistoryRows["assessments"][number] = {
    id: assessmentId,
    episodeId,
    familyId,
    startedAt: openedAt,
    startedBy: lead.id,
    status: "draft",
  };
  rows.assessments.push(assessment);
  if (submittedOn > today) return open;
  Object.assign(assessment, {
    status: "submitted",
    submittedAt: at(submittedOn, 15),
    submittedBy: lead.id,
  });
  if (returned) {
    const returnedOn = addWorkingDays(submittedOn, 2);
    if (returnedOn <= today) {
      rows.signOffs.push({
        id: random.uuid(),
        familyId,
        episodeId,
        subject: "assessment",
        subjectId: assessmentId,
        decision: "returned",
        comments: "Synthetic: please add the child's own words.",
        decidedBy: manager.id,
        decidedAt: at(returnedOn, 12),
      });
    }
  }
  if (decidedOn > today) return open;
  const completedAt = at(decidedOn, 16);
  Object.assign(assessment, {
    status: "completed",
    decidedAt: completedAt,
    decidedBy: manager.id,
    completedAt,
    completedBy: manager.id,
  });
  rows.signOffs.push({
    id: random.uuid(),
    familyId,
    episodeId,
    subject: "assessment",
    subjectId: assessmentId,
    decision: "approved",
    comments: null,
    decidedBy: manager.id,
    decidedAt: completedAt,
  });
  Object.assign(episode, { status: "plan_in_place", planInPlaceAt: completedAt });
  rows.events.push({
    id: random.uuid(),
    episodeId,
    familyId,
    kind: "assessment_completed",
    at: completedAt,
    by: manager.id,
  });
  open.familyStatus = "plan_active";

  const areas = pickAreas(ctx);
  let scores = areas.map(() => random.int(1, 5));
  const score = (
    stage: "assessment" | "review" | "closure",
    day: string,
    source: { assessmentId?: string; reviewId?: string },
  ) => {
    areas.forEach((area, i) => {
      rows.scores.push({
        id: random.uuid(),
        familyId,
        episodeId,
        stage,
        area,
        score: scores[i] ?? 5,
        scoredOn: day,
        recordedBy: lead.id,
        recordedAt: at(day, 17),
        ...source,
      });
    });
    if (random.chance(0.25)) {
      rows.scores.push({
        id: random.uuid(),
        familyId,
        episodeId,
        stage,
        area: areas[0] ?? "health",
        scoredBy: "family",
        score: clampScore((scores[0] ?? 5) + random.int(-1, 1)),
        scoredOn: day,
        recordedBy: lead.id,
        recordedAt: at(day, 17),
        ...source,
      });
    }
  };
  score("assessment", decidedOn, { assessmentId });

  // The first TAC: mostly within 15 working days of completion.
  const tacOn = addWorkingDays(
    decidedOn,
    random.chance(0.85) ? random.int(3, 15) : random.int(16, 30),
  );
  const meeting = (kind: "initial" | "review", day: string) => {
    const id = random.uuid();
    const scheduledFor = at(day, 14);
    const held = scheduledFor.getTime() + 3_600_000 <= now.getTime();
    rows.meetings.push({
      id,
      familyId,
      kind,
      scheduledFor,
      chairUserId: lead.id,
      agenda,
      createdBy: lead.id,
      createdAt: at(laterDay(addDays(day, -7), decidedOn), 9),
      ...(held
        ? {
            state: "ended" as const,
            startedAt: scheduledFor,
            endedAt: new Date(scheduledFor.getTime() + 3_600_000),
          }
        : {}),
    });
    return { id, held };
  };
  const initial = meeting("initial", tacOn);
  if (!initial.held) return open;

  const written = writePlan(ctx, rows, plan, areas, tacOn);

  // Reviews every 6 to 12 weeks; a fifth of them late.
  let dueOn = addDays(tacOn, random.int(6, 12) * 7);
  let reviewsHeld = 0;
  for (;;) {
    const reviewOn = random.chance(0.8)
      ? addDays(dueOn, -random.int(0, 7))
      : addDays(dueOn, random.int(5, 35));
    if (reviewOn >= today) {
      if (reviewOn > today && dueOn > today) meeting("review", reviewOn);
      return open;
    }
    const { id: meetingId } = meeting("review", reviewOn);
    reviewsHeld += 1;
    scores = scores.map((s) => clampScore(s + scoreSteps[random.weighted(scoreTrend)]));
    const reviewId = random.uuid();
    const ending = reviewsHeld >= 2 && random.chance(0.45);
    const stepUp = ending ? random.chance(0.08) : random.chance(0.02);
    const decision = stepUp ? "step_up" : ending ? "close" : "continue";
    const nextReviewOn = decision === "continue" ? addDays(reviewOn, random.int(6, 12) * 7) : null;
    rows.reviews.push({
      id: reviewId,
      familyId,
      episodeId,
      meetingId,
      reviewedOn: reviewOn,
      verdict: random.weighted({ positive_change: 65, no_change: 25, deterioration: 10 }),
      decision,
      nextReviewOn,
      summary: "Synthetic review.",
      recordedBy: lead.id,
      recordedAt: at(reviewOn, 16),
    });
    score("review", reviewOn, { reviewId });
    if (random.chance(0.3)) {
      rows.invitations.push({
        id: random.uuid(),
        familyId,
        episodeId,
        occasion: "review",
        reviewId,
        offeredAt: at(reviewOn, 16),
      });
    }
    if (decision === "continue" && nextReviewOn) {
      dueOn = nextReviewOn;
      continue;
    }
    const reason: ClosureReason = stepUp
      ? "stepped_up"
      : random.weighted({
          outcomes_met: 70,
          other_service: 10,
          family_declined: 10,
          moved_away: 10,
        });
    return closeEpisode(ctx, rows, plan, { episode, reason, closedOn: reviewOn, written, score });
  }
}

function pickAreas(ctx: HistoryContext): OutcomeArea[] {
  const count = ctx.random.int(2, 4);
  const chosen = new Set<OutcomeArea>();
  while (chosen.size < count) chosen.add(ctx.random.pick(outcomeAreas));
  return [...chosen];
}

/** The plan agreed at the first TAC: one to three outcomes, each with two to four actions. */
function writePlan(
  ctx: HistoryContext,
  rows: HistoryRows,
  plan: EpisodePlan,
  areas: OutcomeArea[],
  tacOn: string,
) {
  const { random, today } = ctx;
  const written = {
    outcomes: [] as HistoryRows["outcomes"],
    actions: [] as HistoryRows["actions"],
  };
  for (const area of areas.slice(0, random.int(1, 3))) {
    const outcomeId = random.uuid();
    const outcome: HistoryRows["outcomes"][number] = {
      id: outcomeId,
      familyId: plan.familyId,
      episodeId: plan.episodeId,
      area,
      title: `Synthetic outcome: things get better for ${area.replaceAll("_", " ")}`,
      measure: "Synthetic: the family and the team agree it has happened.",
      targetDate: addDays(tacOn, random.int(12, 26) * 7),
      createdBy: plan.lead.id,
      createdAt: at(tacOn, 15),
    };
    written.outcomes.push(outcome);
    for (let a = random.int(2, 4); a > 0; a -= 1) {
      const actionId = random.uuid();
      const dueDate = addDays(tacOn, random.int(2, 16) * 7);
      const done = dueDate <= today ? random.chance(0.75) : random.chance(0.2);
      const doneOn = addDays(dueDate, -random.int(0, 10));
      written.actions.push({
        id: actionId,
        familyId: plan.familyId,
        outcomeId,
        text: "Synthetic action: a step towards the outcome.",
        dueDate,
        createdBy: plan.lead.id,
        createdAt: at(tacOn, 15),
        ...(done && doneOn <= today && doneOn >= tacOn
          ? { status: "done" as const, completedAt: at(doneOn, 12), completedBy: plan.lead.id }
          : {}),
      });
      const ownerKind = random.weighted({ lead: 50, team: 30, family: 20 });
      const owner = ownerKind === "team" ? random.pick(plan.team) : plan.lead;
      rows.owners.push(
        ownerKind === "family"
          ? { id: random.uuid(), familyId: plan.familyId, actionId, memberId: plan.parentId }
          : { id: random.uuid(), familyId: plan.familyId, actionId, userId: owner.id },
      );
    }
  }
  rows.outcomes.push(...written.outcomes);
  rows.actions.push(...written.actions);
  return written;
}

interface Closing {
  episode: HistoryRows["episodes"][number];
  reason: ClosureReason;
  closedOn: string;
  written: ReturnType<typeof writePlan>;
  score: (stage: "closure", day: string, source: Record<string, never>) => void;
}

/** Closure: scores, outcome results, open actions ended, feedback, follow-ups, maybe an audit. */
function closeEpisode(
  ctx: HistoryContext,
  rows: HistoryRows,
  plan: EpisodePlan,
  closing: Closing,
): EpisodeLife {
  const { random, today, now } = ctx;
  const { episodeId, familyId, lead, manager } = plan;
  const closedAt = at(closing.closedOn, 17);
  Object.assign(closing.episode, {
    status: "closed",
    closedAt,
    closedBy: lead.id,
    closureReason: closing.reason,
    closureSummary: "Synthetic closure summary.",
  });
  rows.events.push({
    id: random.uuid(),
    episodeId,
    familyId,
    kind: closing.reason === "stepped_up" ? "stepped_up" : "closed",
    at: closedAt,
    by: lead.id,
    ...(closing.reason === "stepped_up" ? { levelOfNeed: 4 } : {}),
  });
  closing.score("closure", closing.closedOn, {});
  const metChance = closing.reason === "outcomes_met" ? 0.8 : 0.25;
  for (const outcome of closing.written.outcomes) {
    const result: OutcomeResult = random.chance(metChance)
      ? "met"
      : random.chance(0.5)
        ? "partly_met"
        : "not_met";
    rows.results.push({ episodeId, outcomeId: outcome.id ?? "", result });
    outcome.status = result === "met" ? "achieved" : "dropped";
  }
  for (const action of closing.written.actions) {
    if (action.status !== "done") action.status = "dropped";
  }
  const invitationId = random.uuid();
  rows.invitations.push({
    id: invitationId,
    familyId,
    episodeId,
    occasion: "closure",
    offeredAt: closedAt,
  });
  const answeredOn = addDays(closing.closedOn, random.int(0, 10));
  if (answeredOn <= today && random.chance(0.45)) {
    const positive = () => random.weighted({ "5": 45, "4": 35, "3": 12, "2": 5, "1": 3 });
    rows.answers.push({
      id: random.uuid(),
      invitationId,
      familyId,
      memberId: plan.parentId,
      respected: Number(positive()),
      listenedTo: Number(positive()),
      helped: Number(positive()),
      wouldRecommend: Number(positive()),
      shareWithLead: random.chance(0.5),
      answeredAt: new Date(Math.min(at(answeredOn, 19).getTime(), now.getTime())),
    });
  }
  for (const { monthsAfter, dueOn } of followUpDueDates(closing.closedOn)) {
    const answeredOnDay = addDays(dueOn, random.int(0, 14));
    const answered = answeredOnDay <= today && random.chance(0.85);
    rows.checks.push({
      id: random.uuid(),
      episodeId,
      familyId,
      leadUserId: lead.id,
      monthsAfter,
      dueOn,
      ...(answered
        ? {
            result: random.weighted({ sustained: 75, not_sustained: 15, not_known: 10 }),
            recordedBy: lead.id,
            recordedAt: at(answeredOnDay, 12),
          }
        : {}),
    });
  }
  if (random.chance(0.12)) {
    const grade = random.weighted({
      outstanding: 10,
      good: 50,
      requires_improvement: 30,
      inadequate: 10,
    });
    const auditedOn = addDays(
      closing.closedOn,
      -random.int(0, Math.max(0, daysBetween(plan.openedOn, closing.closedOn))),
    );
    const acknowledgedOn = addDays(auditedOn, random.int(1, 10));
    rows.audits.push({
      id: random.uuid(),
      familyId,
      episodeId,
      auditorId: manager.id,
      practitionerId: lead.id,
      auditedOn,
      grade,
      areas: caseAuditAreas.map((area) => ({ area, grade, comment: "Synthetic comment." })),
      feedback: random.pick(auditFeedback),
      acknowledgedAt: acknowledgedOn <= today && random.chance(0.7) ? at(acknowledgedOn, 9) : null,
      createdAt: at(auditedOn, 15),
    });
  }
  return {
    familyStatus: "closed",
    closedOn: closing.closedOn,
    closedAt,
    closureReason: closing.reason,
  };
}
