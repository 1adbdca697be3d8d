import type { TestApi } from "../testing/test-api";
import type { Persona } from "./personas";
import type { SecurityWorld } from "./security-world";

export type Expected = Record<Persona, number>;

export interface RouteCase {
  /** A request that would succeed for an allowed persona: real ids, a valid body. */
  request(world: SecurityWorld): { path: string; body?: unknown };
  /** State to set up before the call (for routes that act only in a given state). */
  prepare?(api: TestApi, world: SecurityWorld): Promise<void>;
  expect: Expected;
}

const signedOut = { anonymous: 401, expiredSession: 401 } as const;

/** Expected statuses for a family-scoped route: outsiders 404, insiders as listed. */
export function familyScoped(insiders: {
  manager: number;
  leadProfessional: number;
  teamMember: number;
  familyMember: number;
}): Expected {
  return { ...signedOut, administrator: 404, outsider: 404, otherFamilyMember: 404, ...insiders };
}

export function global(rest: Omit<Expected, "anonymous" | "expiredSession">): Expected {
  return { ...signedOut, ...rest };
}

const validVersion = 1;

/**
 * Every API route, keyed "METHOD /api/path/{param}", with the status each
 * persona must get. The suite fails for a route missing from this table.
 */
export const routeCases: Record<string, RouteCase> = {
  "GET /api/families": {
    request: () => ({ path: "/api/families" }),
    expect: global({
      administrator: 403,
      manager: 200,
      leadProfessional: 200,
      teamMember: 200,
      outsider: 200,
      familyMember: 200,
      otherFamilyMember: 200,
    }),
  },
  "POST /api/families": {
    request: () => ({
      path: "/api/families",
      body: { displayName: "The Test family", levelOfNeed: 2 },
    }),
    expect: global({
      administrator: 403,
      manager: 201,
      leadProfessional: 201,
      teamMember: 201,
      outsider: 201,
      familyMember: 403,
      otherFamilyMember: 403,
    }),
  },
  "GET /api/families/{familyId}": {
    request: (w) => ({ path: `/api/families/${w.family.id}` }),
    expect: familyScoped({
      manager: 200,
      leadProfessional: 200,
      teamMember: 200,
      familyMember: 200,
    }),
  },
  "PATCH /api/families/{familyId}": {
    request: (w) => ({
      path: `/api/families/${w.family.id}`,
      body: { version: validVersion, levelOfNeed: 3 },
    }),
    expect: familyScoped({
      manager: 403,
      leadProfessional: 200,
      teamMember: 403,
      familyMember: 403,
    }),
  },
  "POST /api/families/{familyId}/close": {
    request: (w) => ({
      path: `/api/families/${w.family.id}/close`,
      body: { version: validVersion, reason: "outcomes_met", note: "All outcomes met" },
    }),
    expect: familyScoped({
      manager: 403,
      leadProfessional: 200,
      teamMember: 403,
      familyMember: 403,
    }),
  },
  "POST /api/families/{familyId}/step-up": {
    request: (w) => ({
      path: `/api/families/${w.family.id}/step-up`,
      body: { version: validVersion, note: "Significant harm concerns" },
    }),
    expect: familyScoped({
      manager: 200,
      leadProfessional: 200,
      teamMember: 403,
      familyMember: 403,
    }),
  },
  "POST /api/families/{familyId}/step-down": {
    prepare: async (api, w) => {
      const { families } = await import("@teamaround/db");
      const { eq } = await import("drizzle-orm");
      await api.deps.db
        .update(families)
        .set({ status: "closed", closureReason: "stepped_up", closedAt: new Date() })
        .where(eq(families.id, w.family.id));
    },
    request: (w) => ({
      path: `/api/families/${w.family.id}/step-down`,
      body: { version: validVersion, levelOfNeed: 3, note: "Stepped down after CIN plan ended" },
    }),
    expect: familyScoped({
      manager: 200,
      leadProfessional: 200,
      teamMember: 403,
      familyMember: 403,
    }),
  },
};
