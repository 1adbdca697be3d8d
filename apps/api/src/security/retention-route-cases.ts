import { retentionReviews } from "@teamaround/db";
import { sql } from "drizzle-orm";
import type { TestApi } from "../testing/test-api";
import type { Expected, RouteCase } from "./route-expectations";
import type { SecurityWorld } from "./security-world";

/** The world's family closed long ago and listed by the retention job, as of version 1. */
async function listedForReview(api: TestApi, w: SecurityWorld, held = false) {
  const db = api.deps.db;
  await db.execute(sql`update episodes set status = 'closed', closed_at = '2015-01-01',
      closure_reason = 'outcomes_met' where family_id = ${w.family.id} and status <> 'closed'`);
  await db.insert(retentionReviews).values({
    familyId: w.family.id,
    authorityId: w.authority.id,
    dueOn: "2021-01-01",
    ruleKind: "years_after_closure",
    ruleYears: 6,
    ...(held ? { holdReason: "Court case", heldAt: new Date() } : {}),
  });
}

const administratorOnly: Expected = {
  anonymous: 401,
  expiredSession: 401,
  analyst: 403,
  administrator: 200,
  manager: 403,
  leadProfessional: 403,
  teamMember: 403,
  outsider: 403,
  familyMember: 403,
  otherFamilyMember: 403,
  guest: 403,
};

const path = (w: SecurityWorld, action: string) =>
  `/api/admin/retention-reviews/${w.family.id}/${action}`;

/** Records due for review (apps/api/src/retention): administrators only. */
export const retentionRouteCases: Record<string, RouteCase> = {
  "GET /api/admin/retention-reviews": {
    prepare: (api, w) => listedForReview(api, w),
    request: () => ({ path: "/api/admin/retention-reviews" }),
    expect: administratorOnly,
  },
  "POST /api/admin/retention-reviews/{familyId}/extend": {
    prepare: (api, w) => listedForReview(api, w),
    request: (w) => ({
      path: path(w, "extend"),
      body: { until: "2099-01-01", reason: "Sibling's case open", version: 1 },
    }),
    expect: administratorOnly,
  },
  "POST /api/admin/retention-reviews/{familyId}/hold": {
    prepare: (api, w) => listedForReview(api, w),
    request: (w) => ({ path: path(w, "hold"), body: { reason: "Court case", version: 1 } }),
    expect: administratorOnly,
  },
  "POST /api/admin/retention-reviews/{familyId}/lift-hold": {
    prepare: (api, w) => listedForReview(api, w, true),
    request: (w) => ({ path: path(w, "lift-hold"), body: { version: 1 } }),
    expect: administratorOnly,
  },
  "POST /api/admin/retention-reviews/{familyId}/erase": {
    prepare: (api, w) => listedForReview(api, w),
    request: (w) => ({
      path: path(w, "erase"),
      body: { confirmReference: w.family.reference, version: 1 },
    }),
    expect: administratorOnly,
  },
};
