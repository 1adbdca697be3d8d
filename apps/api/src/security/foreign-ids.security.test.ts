import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, startTestApi, type TestApi } from "../testing/test-api";
import { databaseFingerprint } from "./db-fingerprint";
import { cookieFor, type Persona } from "./personas";
import { type RouteCase, routeCases } from "./route-expectations";
import { buildSecurityWorld, type SecurityWorld } from "./security-world";

/**
 * Family A's address with family B's child record: every route under a family
 * that names a record of that family (in its path, query or body) must answer
 * as if the record did not exist and change nothing. The cases come from the
 * route table, so a new route with a child id is covered, and a new kind of
 * child id with no counterpart below fails the suite.
 */

let api: TestApi;
beforeAll(async () => {
  // The fingerprint covers every table: other files must not write beside it.
  api = await startTestApi({ isolatedDatabase: true });
});
afterAll(() => api.close());

/** The child records a security world holds, by a name that pairs world A's with world B's. */
function childIds(w: SecurityWorld): Record<string, string> {
  return {
    child: w.members.child.id,
    parent: w.members.parent.id,
    unlinkedCarer: w.unlinkedCarer.id,
    outcome: w.outcome.id,
    parentAction: w.parentAction.id,
    practitionerAction: w.practitionerAction.id,
    meeting: w.meeting.id,
    consent: w.consent.id,
    lawfulBasis: w.lawfulBasis.id,
    sharing: w.sharing.id,
    agreement: w.agreement.id,
    teamMembership: w.teamMembership.id,
    firstVersion: w.planVersions[0].id,
    secondVersion: w.planVersions[1].id,
    assessment: w.assessment.id,
    reviewMeeting: w.reviewMeeting.id,
    review: w.review.id,
    correctionRequest: w.correctionRequest.id,
    feedbackInvitation: w.feedbackInvitation.id,
    followUp: w.followUp.id,
    caseAudit: w.caseAudit.id,
    closureProposal: w.closureProposal.id,
    planSignOff: w.planSignOff.id,
    guest: w.guest.id,
  };
}

/** Swaps every id of A's child records in a value for B's counterpart; counts the swaps. */
function swapIds(value: unknown, swaps: Map<string, string>, count: { n: number }): unknown {
  if (typeof value === "string") {
    let out = value;
    for (const [from, to] of swaps) {
      if (out.includes(from)) {
        out = out.replaceAll(from, to);
        count.n += 1;
      }
    }
    return out;
  }
  if (Array.isArray(value)) return value.map((v) => swapIds(v, swaps, count));
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, swapIds(v, swaps, count)]));
  }
  return value;
}

/** The insider who may make the route's valid request, so a refusal can only come from the foreign id. */
const insiders: Persona[] = ["leadProfessional", "teamMember", "manager", "familyMember"];
function allowedInsider(routeCase: RouteCase): Persona | undefined {
  return insiders.find((p) => routeCase.expect[p] >= 200 && routeCase.expect[p] < 300);
}

const familyRoutes = Object.entries(routeCases).filter(([key]) =>
  key.includes("/api/families/{familyId}/"),
);
const childParamRoutes = familyRoutes.filter(([key]) =>
  /\{(?!familyId\})\w+\}/.test(key.split(" ")[1] ?? ""),
);

describe("foreign child ids", () => {
  it("covers every route with a child id in its path", () => {
    expect(childParamRoutes.length).toBeGreaterThanOrEqual(12);
  });

  it.each(familyRoutes)(
    "%s: family B's child ids answer 404 (422 for some in a body) and change nothing",
    async (key, routeCase) => {
      const method = key.split(" ")[0] ?? "GET";
      const a = await buildSecurityWorld(api.deps.db);
      const b = await buildSecurityWorld(api.deps.db);
      await routeCase.prepare?.(api, a);
      const persona = allowedInsider(routeCase);
      if (!persona) throw new Error(`${key}: no insider may make its valid request`);

      const idsA = childIds(a);
      const idsB = childIds(b);
      const swaps = new Map(Object.keys(idsA).map((name) => [idsA[name] ?? "", idsB[name] ?? ""]));
      const valid = routeCase.request(a);
      const swapped = { n: 0 };
      const path = swapIds(valid.path, swaps, swapped) as string;
      const inPath = swapped.n;
      const body = swapIds(valid.body, swaps, swapped);

      // Ids only: a path may also name a kind (`{recordKind}`), which has no other family's copy.
      const params = [...(key.split(" ")[1] ?? "").matchAll(/\{(\w+Id)\}/g)].length - 1;
      expect(inPath, `${key}: a path id with no counterpart in childIds()`).toBeGreaterThanOrEqual(
        params,
      );
      if (swapped.n === 0) return; // names no child record: nothing to swap

      const cookie = await cookieFor(api, a, persona);
      const before = await databaseFingerprint(api.deps.db);
      const res = await call(api, method, path, { cookie, body });
      expect(res.json?.error?.code, `${key} as ${persona}`).toBeTypeOf("string");
      // A foreign id in the body names something the route cannot find in this family: 404 or,
      // where the route reports which field is wrong, 422. In the path it is always 404.
      if (inPath > 0) expect(res.status).toBe(404);
      else expect([404, 422]).toContain(res.status);
      expect(await databaseFingerprint(api.deps.db)).toEqual(before);
    },
  );
});
