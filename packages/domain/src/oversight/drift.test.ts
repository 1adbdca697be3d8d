import { describe, expect, it } from "vitest";
import {
  actionDrift,
  assessmentDrift,
  consentDrift,
  type DriftEpisode,
  type DriftTargets,
  daysBetween,
  driftQueue,
  followUpDrift,
  meetingDrift,
  noLeadDrift,
  triageDrift,
} from "./drift";

// 2026-11-23 is a Monday.
const targets: DriftTargets = {
  triageTargetWorkingDays: 5,
  assessmentTargetWorkingDays: 45,
  actionOverdueDays: 14,
  firstTacWorkingDays: 15,
  reviewMinWeeks: 6,
  reviewMaxWeeks: 12,
};

const family = { familyId: "f1", familyName: "The Ashdown family", familyReference: "EH-1" };

function episode(over: Partial<DriftEpisode> = {}): DriftEpisode {
  return {
    ...family,
    episodeId: "e1",
    number: 1,
    openedAt: new Date("2026-09-01T10:00:00Z"),
    status: "assessment",
    planInPlaceAt: null,
    hasLeadProfessional: true,
    lastMeeting: null,
    ...over,
  };
}

describe("daysBetween", () => {
  it("counts calendar days, negative backwards", () => {
    expect(daysBetween("2026-11-23", "2026-11-30")).toBe(7);
    expect(daysBetween("2026-11-30", "2026-11-23")).toBe(-7);
    expect(daysBetween("2026-03-28", "2026-03-30")).toBe(2);
  });
});

describe("triage", () => {
  const request = {
    id: "r1",
    familyId: null,
    familyName: "The Birch family",
    familyReference: null,
    requestedOn: "2026-11-23",
    awaitingTriage: true,
  };
  // Five working days after Monday 23rd is Monday 30th.
  it.each([
    ["2026-11-30", 0],
    ["2026-12-01", 1],
    ["2026-12-04", 1],
  ] as const)("on %s: %i item(s)", (today, count) => {
    expect(triageDrift([request], targets, today)).toHaveLength(count);
  });

  it("is due five working days after the request and counts calendar days late", () => {
    expect(triageDrift([request], targets, "2026-12-04")[0]).toMatchObject({
      kind: "triage_late",
      familyId: null,
      dueOn: "2026-11-30",
      daysLate: 4,
    });
  });

  it("ignores triaged requests", () => {
    expect(triageDrift([{ ...request, awaitingTriage: false }], targets, "2027-01-01")).toEqual([]);
  });
});

describe("assessment", () => {
  const opened = episode({ openedAt: new Date("2026-11-23T09:00:00Z") });
  // 45 working days (9 weeks) after Monday 23 November is Monday 25 January.
  it.each([
    ["2027-01-25", 0],
    ["2027-01-26", 1],
  ] as const)("on %s: %i item(s)", (today, count) => {
    expect(assessmentDrift([opened], targets, today)).toHaveLength(count);
  });

  it("stops once the plan is in place", () => {
    expect(
      assessmentDrift([{ ...opened, status: "plan_in_place" }], targets, "2027-06-01"),
    ).toEqual([]);
  });

  it("follows the authority's target", () => {
    const item = assessmentDrift(
      [opened],
      { ...targets, assessmentTargetWorkingDays: 5 },
      "2026-12-02",
    );
    expect(item[0]).toMatchObject({ kind: "assessment_late", dueOn: "2026-11-30", daysLate: 2 });
  });
});

describe("first TAC and reviews", () => {
  const planned = episode({
    status: "plan_in_place",
    planInPlaceAt: new Date("2026-11-23T12:00:00Z"),
  });
  // 15 working days after Monday 23 November is Monday 14 December.
  it.each([
    ["2026-12-14", 0],
    ["2026-12-15", 1],
  ] as const)("first TAC on %s: %i item(s)", (today, count) => {
    expect(meetingDrift([planned], targets, today)).toHaveLength(count);
  });

  it("names the first TAC", () => {
    expect(meetingDrift([planned], targets, "2026-12-16")[0]).toMatchObject({
      kind: "first_tac_late",
      dueOn: "2026-12-14",
      daysLate: 2,
    });
  });

  it("is a review once a meeting was held, due by the date the review set", () => {
    const reviewed = {
      ...planned,
      lastMeeting: {
        endedAt: new Date("2026-12-01T11:00:00Z"),
        kind: "initial",
        nextReviewOn: "2027-01-15",
      },
    };
    expect(meetingDrift([reviewed], targets, "2027-01-15")).toEqual([]);
    expect(meetingDrift([reviewed], targets, "2027-01-16")[0]).toMatchObject({
      kind: "review_overdue",
      dueOn: "2027-01-15",
      daysLate: 1,
    });
  });

  it("without a set date, is due the review interval's maximum after the last meeting", () => {
    const reviewed = {
      ...planned,
      lastMeeting: {
        endedAt: new Date("2026-12-01T11:00:00Z"),
        kind: "review",
        nextReviewOn: null,
      },
    };
    // 12 weeks after 1 December is 23 February.
    expect(meetingDrift([reviewed], targets, "2027-02-23")).toEqual([]);
    expect(meetingDrift([reviewed], targets, "2027-02-24")[0]?.kind).toBe("review_overdue");
  });

  it("nothing is due after a closing meeting, or while assessing", () => {
    const closing = {
      ...planned,
      lastMeeting: {
        endedAt: new Date("2026-12-01T11:00:00Z"),
        kind: "closing",
        nextReviewOn: null,
      },
    };
    expect(meetingDrift([closing, episode()], targets, "2028-01-01")).toEqual([]);
  });
});

describe("actions", () => {
  const action = { ...family, id: "a1", text: "Book GP", dueDate: "2026-11-01", status: "open" };
  it.each([
    ["2026-11-15", 0], // 14 days late: not more than 14
    ["2026-11-16", 1], // 15 days late
  ] as const)("on %s: %i item(s)", (today, count) => {
    expect(actionDrift([action], targets, today)).toHaveLength(count);
  });

  it("reports the action's due date and full lateness", () => {
    expect(actionDrift([action], targets, "2026-11-20")[0]).toMatchObject({
      kind: "action_overdue",
      dueOn: "2026-11-01",
      daysLate: 19,
    });
  });

  it("ignores done and dropped actions", () => {
    const done = [
      { ...action, status: "done" },
      { ...action, id: "a2", status: "dropped" },
    ];
    expect(actionDrift(done, targets, "2027-01-01")).toEqual([]);
  });
});

describe("consents", () => {
  const consent = {
    ...family,
    id: "c1",
    decision: "given",
    withdrawnAt: null,
    reviewDate: "2026-11-23",
  };
  it("is due after its review date, not on it", () => {
    expect(consentDrift([consent], "2026-11-23")).toEqual([]);
    expect(consentDrift([consent], "2026-11-24")[0]).toMatchObject({
      kind: "consent_review_due",
      daysLate: 1,
    });
  });

  it("ignores refused, withdrawn and undated consents", () => {
    const others = [
      { ...consent, decision: "refused" },
      { ...consent, withdrawnAt: new Date("2026-11-01T00:00:00Z") },
      { ...consent, reviewDate: null },
    ];
    expect(consentDrift(others, "2027-01-01")).toEqual([]);
  });
});

describe("no lead professional", () => {
  it("lists open episodes nobody leads from the day they opened", () => {
    const lacking = episode({ hasLeadProfessional: false });
    expect(noLeadDrift([lacking], "2026-09-01")[0]).toMatchObject({
      kind: "no_lead_professional",
      daysLate: 0,
    });
    expect(noLeadDrift([episode(), { ...lacking, status: "closed" }], "2026-09-10")).toEqual([]);
  });
});

describe("follow-ups", () => {
  const check = { ...family, id: "s1", monthsAfter: 3, dueOn: "2026-11-23", answered: false };
  it("is due on its day until answered", () => {
    expect(followUpDrift([check], "2026-11-22")).toEqual([]);
    expect(followUpDrift([check], "2026-11-23")[0]).toMatchObject({ daysLate: 0 });
    expect(followUpDrift([{ ...check, answered: true }], "2027-01-01")).toEqual([]);
  });
});

describe("the queue", () => {
  it("orders every rule's items by how late", () => {
    const queue = driftQueue({
      today: "2026-12-15",
      targets,
      requests: [
        {
          id: "r1",
          familyId: null,
          familyName: "The Birch family",
          familyReference: null,
          requestedOn: "2026-11-23",
          awaitingTriage: true,
        },
      ],
      episodes: [episode({ hasLeadProfessional: false })],
      actions: [{ ...family, id: "a1", text: "Book GP", dueDate: "2026-11-01", status: "open" }],
      consents: [],
      followUps: [],
    });
    expect(queue.map((i) => [i.kind, i.daysLate])).toEqual([
      ["no_lead_professional", 105],
      ["action_overdue", 44],
      ["assessment_late", 42],
      ["triage_late", 15],
    ]);
  });
});
