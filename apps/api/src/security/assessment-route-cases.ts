import { assessments, localAuthorities } from "@teamaround/db";
import { fillAssessment, setAssessmentStatus } from "@teamaround/db/testing";
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

const everyInsider = familyScoped({
  manager: 200,
  leadProfessional: 200,
  teamMember: 200,
  familyMember: 200,
});
const leadOnly = (status: number) =>
  familyScoped({ manager: 403, leadProfessional: status, teamMember: 403, familyMember: 403 });
const staffInTeam = (status: number) =>
  familyScoped({ manager: 403, leadProfessional: status, teamMember: status, familyMember: 403 });
const managerOnly = (status: number) =>
  familyScoped({ manager: status, leadProfessional: 403, teamMember: 403, familyMember: 403 });

const base = (w: SecurityWorld) => `/api/families/${w.family.id}/assessments`;
const one = (w: SecurityWorld) => `${base(w)}/${w.assessment.id}`;

async function ready(api: TestApi, w: SecurityWorld) {
  await fillAssessment(api.deps.db, w.assessment, w.users.lead.id);
}

async function submitted(api: TestApi, w: SecurityWorld) {
  await ready(api, w);
  await setAssessmentStatus(api.deps.db, w.assessment, "submitted");
}

/** The Early Help Assessment, reviews and distance travelled. */
export const assessmentRouteCases: Record<string, RouteCase> = {
  "GET /api/families/{familyId}/assessments": {
    request: (w) => ({ path: base(w) }),
    expect: everyInsider,
  },
  "POST /api/families/{familyId}/assessments": {
    // The world's draft is completed first, so the lead starts a re-assessment.
    prepare: async (api, w) => {
      await api.deps.db
        .update(assessments)
        .set({ status: "completed", completedAt: new Date() })
        .where(eq(assessments.id, w.assessment.id));
    },
    request: (w) => ({ path: base(w), body: {} }),
    expect: leadOnly(201),
  },
  "GET /api/families/{familyId}/assessments/{assessmentId}": {
    request: (w) => ({ path: one(w) }),
    expect: everyInsider,
  },
  "PUT /api/families/{familyId}/assessments/{assessmentId}/entries": {
    request: (w) => ({
      path: `${one(w)}/entries`,
      body: { section: "family_story", text: "Robin lives with mum and two cats.", version: 0 },
    }),
    expect: staffInTeam(200),
  },
  "POST /api/families/{familyId}/assessments/{assessmentId}/scores": {
    request: (w) => ({
      path: `${one(w)}/scores`,
      body: { scores: [{ area: "education", memberId: w.members.child.id, score: 4 }] },
    }),
    expect: staffInTeam(201),
  },
  "POST /api/families/{familyId}/assessments/{assessmentId}/submit": {
    prepare: ready,
    request: (w) => ({ path: `${one(w)}/submit`, body: {} }),
    expect: leadOnly(200),
  },
  "POST /api/families/{familyId}/assessments/{assessmentId}/approve": {
    prepare: submitted,
    request: (w) => ({ path: `${one(w)}/approve`, body: {} }),
    expect: managerOnly(200),
  },
  "POST /api/families/{familyId}/assessments/{assessmentId}/return": {
    prepare: submitted,
    request: (w) => ({
      path: `${one(w)}/return`,
      body: { comments: "Please add what Robin said about school." },
    }),
    expect: managerOnly(200),
  },
  "POST /api/families/{familyId}/assessments/{assessmentId}/complete": {
    prepare: async (api, w) => {
      await ready(api, w);
      await api.deps.db
        .update(localAuthorities)
        .set({ assessmentSignOffRequired: false })
        .where(eq(localAuthorities.id, w.authority.id));
    },
    request: (w) => ({ path: `${one(w)}/complete`, body: {} }),
    expect: leadOnly(200),
  },
  "POST /api/families/{familyId}/meetings/{meetingId}/review": {
    request: (w) => ({
      path: `/api/families/${w.family.id}/meetings/${w.reviewMeeting.id}/review`,
      body: {
        scores: [{ area: "education", memberId: w.members.child.id, score: 6 }],
        verdict: "positive_change",
        decision: "continue",
      },
    }),
    expect: leadOnly(201),
  },
  "GET /api/families/{familyId}/reviews": {
    request: (w) => ({ path: `/api/families/${w.family.id}/reviews` }),
    expect: everyInsider,
  },
  "GET /api/families/{familyId}/reviews/{reviewId}": {
    request: (w) => ({ path: `/api/families/${w.family.id}/reviews/${w.review.id}` }),
    expect: everyInsider,
  },
  "GET /api/families/{familyId}/distance-travelled": {
    request: (w) => ({ path: `/api/families/${w.family.id}/distance-travelled` }),
    expect: everyInsider,
  },
};
