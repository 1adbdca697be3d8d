import { describe, expect, it } from "vitest";
import { countFigures, median, workingDaysBetween } from "./count-figures";
import { periodStarting } from "./figure-period";
import type { EpisodeRecord, FigureRecords } from "./figure-records";
import { episodeAgeBand } from "./figure-splits";

const episode = (over: Partial<EpisodeRecord> & { id: string }): EpisodeRecord => ({
  familyId: over.id,
  number: 1,
  openedOn: "2026-01-05",
  planInPlaceOn: null,
  closedOn: null,
  closureReason: null,
  leadAgencyId: "school",
  askingAgency: "health",
  locality: "North",
  levelOfNeed: 2,
  childBirthDates: ["2018-06-01"],
  leadUserId: "lead-1",
  ...over,
});

const q1 = periodStarting("quarter", "2026-01-01");

const records: FigureRecords = {
  firstTacWorkingDays: 15,
  // a2's plan went in place on 9 February: a TAC 15 working days later (2 March) is on target.
  meetings: [
    { familyId: "a", heldOn: "2026-01-30" },
    { familyId: "a", heldOn: "2026-03-02" },
    { familyId: "b1", heldOn: "2026-03-04" },
  ],
  reviews: [
    { episodeId: "a2", reviewedOn: "2026-03-02", nextReviewOn: "2026-03-30" },
    { episodeId: "a2", reviewedOn: "2026-03-27", nextReviewOn: "2026-05-01" },
    { episodeId: "b1", reviewedOn: "2026-02-01", nextReviewOn: "2026-03-01" },
  ],
  requests: [],
  episodes: [
    // Closed in 2025, came back in February 2026: a re-referral within 3 and 12 months.
    episode({
      id: "a1",
      familyId: "a",
      openedOn: "2025-03-01",
      closedOn: "2025-12-20",
      closureReason: "outcomes_met",
    }),
    episode({
      id: "a2",
      familyId: "a",
      number: 2,
      openedOn: "2026-02-02",
      planInPlaceOn: "2026-02-09",
      locality: "South",
    }),
    // Opened and closed within the quarter, lead agency health.
    episode({
      id: "b1",
      planInPlaceOn: "2026-01-16",
      openedOn: "2026-01-10",
      closedOn: "2026-03-20",
      closureReason: "stepped_up",
      leadAgencyId: "health",
      leadUserId: "lead-2",
    }),
  ],
  assessments: [
    { episodeId: "a2", startedOn: "2026-02-02", completedOn: "2026-02-09" },
    { episodeId: "b1", startedOn: "2026-01-12", completedOn: "2026-01-16" },
    { episodeId: "a1", startedOn: "2025-03-02", completedOn: "2025-04-01" },
  ],
  events: [{ episodeId: "b1", kind: "stepped_up", on: "2026-03-20" }],
  outcomeResults: [
    { episodeId: "b1", result: "met" },
    { episodeId: "b1", result: "not_met" },
  ],
  scores: [
    {
      episodeId: "b1",
      area: "health",
      memberId: "c",
      stage: "assessment",
      score: 3,
      scoredOn: "2026-01-12",
      recordedAt: new Date(1),
    },
    {
      episodeId: "b1",
      area: "health",
      memberId: "c",
      stage: "closure",
      score: 6,
      scoredOn: "2026-03-20",
      recordedAt: new Date(2),
    },
    {
      episodeId: "b1",
      area: "housing",
      memberId: null,
      stage: "assessment",
      score: 5,
      scoredOn: "2026-01-12",
      recordedAt: new Date(1),
    },
    {
      episodeId: "b1",
      area: "housing",
      memberId: null,
      stage: "closure",
      score: 5,
      scoredOn: "2026-03-20",
      recordedAt: new Date(2),
    },
  ],
  feedback: [
    {
      episodeId: "b1",
      answeredOn: "2026-03-21",
      respected: 5,
      listenedTo: 3,
      helped: 4,
      wouldRecommend: 2,
    },
  ],
  audits: [{ episodeId: "a2", auditedOn: "2026-03-01", grade: "good" }],
  sustainability: [
    { episodeId: "a1", monthsAfter: "3", recordedOn: "2026-03-21", result: "sustained" },
    { episodeId: "a1", monthsAfter: "6", recordedOn: null, result: null },
  ],
};

describe("countFigures", () => {
  const { counts, medians } = countFigures(records, q1, "lead_agency");

  it("counts assessments by the day they started and were completed", () => {
    expect(counts["assessments.started"]).toEqual({ school: 1, health: 1 });
    expect(counts["assessments.completed"]).toEqual({ school: 1, health: 1 });
    expect(medians["assessments.working_days_to_complete"]).toEqual({ school: 5, health: 4 });
  });

  it("counts first TACs within the working days of the target after the plan, and reviews held by their date", () => {
    expect(counts["tac.plans"]).toEqual({ school: 1, health: 1 });
    // b1: plan 16 January, first TAC 4 March — 33 working days, late.
    expect(counts["tac.within_target"]).toEqual({ school: 1 });
    // a2's review due 30 March was held on 27 March; b1's due 1 March never was.
    expect(counts["reviews.due"]).toEqual({ school: 1, health: 1 });
    expect(counts["reviews.on_time"]).toEqual({ school: 1 });
  });

  it("counts the caseload open on the last day, and its leads", () => {
    expect(counts["caseload.open"]).toEqual({ school: 1 });
    expect(counts["caseload.leads"]).toEqual({ school: 1 });
  });

  it("counts closures by reason, outcomes met and step-ups in the period", () => {
    expect(counts["closures.total"]).toEqual({ health: 1 });
    expect(counts["closures.stepped_up"]).toEqual({ health: 1 });
    expect(counts["outcomes.recorded"]).toEqual({ health: 2 });
    expect(counts["outcomes.met"]).toEqual({ health: 1 });
    expect(counts["changes.stepped_up"]).toEqual({ health: 1 });
  });

  it("counts a re-referral by the months since the family's last episode closed", () => {
    expect(counts["rereferrals.opened"]).toEqual({ school: 1, health: 1 });
    expect(counts["rereferrals.within_3_months"]).toEqual({ school: 1 });
    expect(counts["rereferrals.within_12_months"]).toEqual({ school: 1 });
  });

  it("counts need areas improved between assessment and closure", () => {
    expect(counts["distance.health.lines"]).toEqual({ health: 1 });
    expect(counts["distance.health.improved"]).toEqual({ health: 1 });
    expect(counts["distance.housing.lines"]).toEqual({ health: 1 });
    expect(counts["distance.housing.improved"]).toBeUndefined();
  });

  it("counts answers agreeing (4 or 5) per question, audits by quarter, checks recorded", () => {
    expect(counts["feedback.answers"]).toEqual({ health: 1 });
    expect(counts["feedback.respected.positive"]).toEqual({ health: 1 });
    expect(counts["feedback.listened_to.positive"]).toBeUndefined();
    expect(counts["audits.2026-Q1.good"]).toEqual({ school: 1 });
    expect(counts["sustained.3_months.yes"]).toEqual({ school: 1 });
    expect(counts["sustained.6_months.known"]).toBeUndefined();
  });

  it("splits an episode by its own locality", () => {
    const byLocality = countFigures(records, q1, "locality").counts;
    expect(byLocality["rereferrals.opened"]).toEqual({ South: 1, North: 1 });
  });
});

describe("helpers", () => {
  it("counts working days after the first day up to the last", () => {
    expect(workingDaysBetween("2026-01-09", "2026-01-12")).toBe(1); // Friday to Monday
    expect(workingDaysBetween("2026-01-05", "2026-01-05")).toBe(0);
  });
  it("takes the middle value, or the mean of the middle two", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(median([])).toBeNull();
  });
  it("bands the youngest child's age on the day the episode opened", () => {
    const e = episode({
      id: "x",
      openedOn: "2026-01-05",
      childBirthDates: ["2010-01-01", "2021-01-06"],
    });
    expect(episodeAgeBand(e)).toBe("0-4");
    expect(episodeAgeBand(episode({ id: "y", childBirthDates: [] }))).toBe("not_known");
  });
});
