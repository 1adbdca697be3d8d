import type { RouteCase } from "./route-expectations";

/** The local outbox's reads (apps/api/src/notices). */
export const noticeRouteCases: Record<string, RouteCase> = {
  "GET /api/admin/outbox": {
    request: () => ({ path: "/api/admin/outbox" }),
    expect: {
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
    },
  },
  // The test API keeps notices in the local outbox outside production: demo mode.
  "GET /api/me/outbox": {
    request: () => ({ path: "/api/me/outbox" }),
    expect: {
      anonymous: 401,
      expiredSession: 401,
      analyst: 200,
      administrator: 200,
      manager: 200,
      leadProfessional: 200,
      teamMember: 200,
      outsider: 200,
      familyMember: 200,
      otherFamilyMember: 200,
      guest: 403,
    },
  },
};
