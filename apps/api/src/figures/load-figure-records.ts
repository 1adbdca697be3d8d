import {
  assessments,
  caseAudits,
  type Executor,
  episodeEvents,
  episodeOutcomeResults,
  episodes,
  families,
  familyMembers,
  feedbackAnswers,
  feedbackInvitations,
  helpRequests,
  localAuthorities,
  meetings,
  needScores,
  reviews,
  sustainabilityChecks,
  teamMemberships,
} from "@teamaround/db";
import type { FigureRecords } from "@teamaround/domain";
import { and, eq, isNull } from "drizzle-orm";

const day = (at: Date | null) => (at ? at.toISOString().slice(0, 10) : null);

/**
 * Every record of an authority as the plain records the domain's figure
 * definitions read, row by row: the reference the SQL is tested against.
 * Not for production (it reads everything).
 */
export async function loadFigureRecords(db: Executor, authorityId: string): Promise<FigureRecords> {
  const familyRows = await db.select().from(families).where(eq(families.authorityId, authorityId));
  const familyById = new Map(familyRows.map((f) => [f.id, f]));
  const children = await db.select().from(familyMembers).where(eq(familyMembers.kind, "child"));
  const leads = await db
    .select()
    .from(teamMemberships)
    .where(and(eq(teamMemberships.role, "lead_professional"), isNull(teamMemberships.removedAt)));
  const requests = await db
    .select()
    .from(helpRequests)
    .where(eq(helpRequests.authorityId, authorityId));
  const requestById = new Map(requests.map((r) => [r.id, r]));
  const episodeRows = (await db.select().from(episodes)).filter((e) => familyById.has(e.familyId));
  const ids = new Set(episodeRows.map((e) => e.id));
  const mine = <T extends { episodeId: string }>(rows: T[]) =>
    rows.filter((r) => ids.has(r.episodeId));
  const invitations = new Map(
    (await db.select().from(feedbackInvitations)).map((i) => [i.id, i.episodeId]),
  );

  const [authority] = await db
    .select()
    .from(localAuthorities)
    .where(eq(localAuthorities.id, authorityId));

  return {
    firstTacWorkingDays: authority?.firstTacWorkingDays ?? 15,
    meetings: (await db.select().from(meetings)).flatMap((m) =>
      m.startedAt && familyById.has(m.familyId)
        ? [{ familyId: m.familyId, heldOn: day(m.startedAt) ?? "" }]
        : [],
    ),
    reviews: mine(await db.select().from(reviews)).map((r) => ({
      episodeId: r.episodeId,
      reviewedOn: r.reviewedOn,
      nextReviewOn: r.nextReviewOn,
    })),
    requests: requests.map((r) => ({
      requestedOn: r.requestedOn,
      status: r.status,
      receivingAgencyId: r.receivingAgencyId,
      requesterAgencyId: r.requesterAgencyId,
      locality: r.locality,
    })),
    episodes: episodeRows.flatMap((e) => {
      const family = familyById.get(e.familyId);
      if (!family) return [];
      const request = e.requestId ? requestById.get(e.requestId) : undefined;
      return [
        {
          id: e.id,
          familyId: e.familyId,
          number: e.number,
          openedOn: day(e.openedAt) ?? "",
          planInPlaceOn: day(e.planInPlaceAt),
          closedOn: day(e.closedAt),
          closureReason: e.closureReason,
          leadAgencyId: family.owningAgencyId,
          askingAgency: request ? (request.requesterAgencyId ?? "family") : null,
          locality: family.locality,
          levelOfNeed: family.levelOfNeed,
          childBirthDates: children
            .filter((c) => c.familyId === e.familyId)
            .flatMap((c) => (c.dateOfBirth ? [c.dateOfBirth] : [])),
          leadUserId: leads.find((l) => l.familyId === e.familyId)?.userId ?? null,
        },
      ];
    }),
    assessments: mine(await db.select().from(assessments)).map((a) => ({
      episodeId: a.episodeId,
      startedOn: day(a.startedAt) ?? "",
      completedOn: day(a.completedAt),
    })),
    events: mine(await db.select().from(episodeEvents)).map((e) => ({
      episodeId: e.episodeId,
      kind: e.kind === "stepped_up" || e.kind === "stepped_down" ? e.kind : "other",
      on: day(e.at) ?? "",
    })),
    outcomeResults: mine(await db.select().from(episodeOutcomeResults)),
    scores: mine(
      (await db.select().from(needScores)).filter((s) => s.scoredBy === "practitioners"),
    ).map((s) => ({
      episodeId: s.episodeId,
      area: s.area,
      memberId: s.memberId,
      stage: s.stage,
      score: s.score,
      scoredOn: s.scoredOn,
      recordedAt: s.recordedAt,
    })),
    feedback: (await db.select().from(feedbackAnswers)).flatMap((a) => {
      const episodeId = invitations.get(a.invitationId);
      if (!episodeId || !ids.has(episodeId)) return [];
      return [
        {
          episodeId,
          answeredOn: day(a.answeredAt) ?? "",
          respected: a.respected,
          listenedTo: a.listenedTo,
          helped: a.helped,
          wouldRecommend: a.wouldRecommend,
        },
      ];
    }),
    audits: mine(await db.select().from(caseAudits)).map((a) => ({
      episodeId: a.episodeId,
      auditedOn: a.auditedOn,
      grade: a.grade,
    })),
    sustainability: mine(await db.select().from(sustainabilityChecks)).map((s) => ({
      episodeId: s.episodeId,
      monthsAfter: s.monthsAfter,
      recordedOn: day(s.recordedAt),
      result: s.result,
    })),
  };
}
