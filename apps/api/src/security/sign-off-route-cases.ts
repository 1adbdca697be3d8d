import { closureProposals, planSignOffs } from "@teamaround/db";
import { setSignOffRequired } from "@teamaround/db/testing";
import { eq } from "drizzle-orm";
import type { TestApi } from "../testing/test-api";
import type { Expected, RouteCase } from "./route-expectations";
import type { SecurityWorld } from "./security-world";

/** Outsiders 404, insiders as listed (as `familyScoped` in route-expectations.ts). */
function familyScoped(insiders: {
  manager: number;
  leadProfessional: number;
  teamMember: number;
  familyMember: number;
}): Expected {
  return {
    anonymous: 401,
    expiredSession: 401,
    administrator: 404,
    outsider: 404,
    otherFamilyMember: 404,
    analyst: 404,
    guest: 404,
    ...insiders,
  };
}

/** Staff in the team and the case's managers read sign-off; the family never does. */
const staffRead = familyScoped({
  manager: 200,
  leadProfessional: 200,
  teamMember: 200,
  familyMember: 403,
});
const leadOnly = (status: number) =>
  familyScoped({ manager: 403, leadProfessional: status, teamMember: 403, familyMember: 403 });
const managerOnly = (status: number) =>
  familyScoped({ manager: status, leadProfessional: 403, teamMember: 403, familyMember: 403 });

const family = (w: SecurityWorld) => `/api/families/${w.family.id}`;

/** The world's closure proposal (returned, so a new one may be proposed) made to wait again. */
async function closureWaiting(api: TestApi, w: SecurityWorld) {
  await api.deps.db
    .update(closureProposals)
    .set({ status: "waiting" })
    .where(eq(closureProposals.id, w.closureProposal.id));
}

async function planSignOffAsked(api: TestApi, w: SecurityWorld) {
  await setSignOffRequired(api.deps.db, w.authority.id, { plan: true });
}

async function planWaiting(api: TestApi, w: SecurityWorld) {
  await planSignOffAsked(api, w);
  await api.deps.db
    .update(planSignOffs)
    .set({ status: "waiting" })
    .where(eq(planSignOffs.id, w.planSignOff.id));
}

/** A closure proposal answering for the world's one active outcome and its child. */
export function closureAnswers(w: SecurityWorld) {
  return {
    reason: "outcomes_met",
    summary: "All outcomes met",
    scores: [{ area: "education", memberId: w.members.child.id, score: 8 }],
    outcomeResults: [{ outcomeId: w.outcome.id, result: "met" }],
  };
}

/** Closures and plans signed off by a manager (the authority's closure sign-off is on by default). */
export const signOffRouteCases: Record<string, RouteCase> = {
  "GET /api/families/{familyId}/closure-proposals": {
    request: (w) => ({ path: `${family(w)}/closure-proposals` }),
    expect: staffRead,
  },
  "POST /api/families/{familyId}/closure-proposals": {
    request: (w) => ({ path: `${family(w)}/closure-proposals`, body: closureAnswers(w) }),
    expect: leadOnly(201),
  },
  "POST /api/families/{familyId}/closure-proposals/{proposalId}/approve": {
    prepare: closureWaiting,
    request: (w) => ({
      path: `${family(w)}/closure-proposals/${w.closureProposal.id}/approve`,
      body: {},
    }),
    expect: managerOnly(200),
  },
  "POST /api/families/{familyId}/closure-proposals/{proposalId}/return": {
    prepare: closureWaiting,
    request: (w) => ({
      path: `${family(w)}/closure-proposals/${w.closureProposal.id}/return`,
      body: { comments: "Say what Robin thinks of closing." },
    }),
    expect: managerOnly(200),
  },
  "POST /api/families/{familyId}/closure-proposals/{proposalId}/withdraw": {
    prepare: closureWaiting,
    request: (w) => ({
      path: `${family(w)}/closure-proposals/${w.closureProposal.id}/withdraw`,
      body: { reason: "Robin asked for a few more weeks." },
    }),
    expect: leadOnly(200),
  },
  "GET /api/families/{familyId}/plan-sign-offs": {
    request: (w) => ({ path: `${family(w)}/plan-sign-offs` }),
    expect: staffRead,
  },
  "POST /api/families/{familyId}/plan-sign-offs": {
    prepare: planSignOffAsked,
    request: (w) => ({ path: `${family(w)}/plan-sign-offs`, body: {} }),
    expect: leadOnly(201),
  },
  "POST /api/families/{familyId}/plan-sign-offs/{signOffId}/approve": {
    prepare: planWaiting,
    request: (w) => ({
      path: `${family(w)}/plan-sign-offs/${w.planSignOff.id}/approve`,
      body: {},
    }),
    expect: managerOnly(200),
  },
  "POST /api/families/{familyId}/plan-sign-offs/{signOffId}/return": {
    prepare: planWaiting,
    request: (w) => ({
      path: `${family(w)}/plan-sign-offs/${w.planSignOff.id}/return`,
      body: { comments: "Give each action a date the family agreed." },
    }),
    expect: managerOnly(200),
  },
};
