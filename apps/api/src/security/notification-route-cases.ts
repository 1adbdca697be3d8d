import { enqueuePersonNotice } from "@teamaround/db";
import type { TestApi } from "../testing/test-api";
import type { Expected, RouteCase } from "./route-expectations";
import type { SecurityWorld } from "./security-world";

/** The lead's own in-app notice in each world (one person's notice is nobody else's). */
const leadNotices = new WeakMap<SecurityWorld, string>();

async function giveTheLeadANotice(api: TestApi, world: SecurityWorld) {
  const id = await enqueuePersonNotice(api.deps.db, {
    authorityId: world.authority.id,
    userId: world.users.lead.id,
    familyId: world.family.id,
    content: {
      kind: "action_assigned",
      variables: {
        actionId: world.practitionerAction.id,
        familyId: world.family.id,
        dueDate: world.practitionerAction.dueDate,
      },
    },
  });
  if (id) leadNotices.set(world, id);
}

// Spelled out here: route-expectations.ts imports this file, so its helpers are not ready yet.
function everyoneSignedIn(status: number, except: Partial<Expected> = {}): Expected {
  return {
    anonymous: 401,
    expiredSession: 401,
    analyst: status,
    administrator: status,
    manager: status,
    leadProfessional: status,
    teamMember: status,
    outsider: status,
    familyMember: status,
    otherFamilyMember: status,
    // A guest partner's role is in no global permission: their one meeting is all they have.
    guest: 403,
    ...except,
  };
}

/** In-app notices and notice preferences (apps/api/src/notifications): one's own only. */
export const notificationRouteCases: Record<string, RouteCase> = {
  "GET /api/me/notifications": {
    request: () => ({ path: "/api/me/notifications" }),
    expect: everyoneSignedIn(200),
  },
  "GET /api/me/notifications/unread-count": {
    request: () => ({ path: "/api/me/notifications/unread-count" }),
    expect: everyoneSignedIn(200),
  },
  // Someone else's notice is not found.
  "POST /api/me/notifications/{noticeId}/read": {
    prepare: giveTheLeadANotice,
    request: (world) => ({
      path: `/api/me/notifications/${leadNotices.get(world) ?? "00000000-0000-4000-8000-000000000000"}/read`,
      body: {},
    }),
    expect: everyoneSignedIn(404, { leadProfessional: 200 }),
  },
  "POST /api/me/notifications/read-all": {
    request: () => ({ path: "/api/me/notifications/read-all", body: {} }),
    expect: everyoneSignedIn(200),
  },
  "GET /api/me/notice-preferences": {
    request: () => ({ path: "/api/me/notice-preferences" }),
    expect: everyoneSignedIn(200),
  },
  // Everyone may stop new-sign-in emails; the kinds each role is offered are the domain's.
  "PATCH /api/me/notice-preferences": {
    request: () => ({
      path: "/api/me/notice-preferences",
      body: { digestTime: "07:30", emailOff: ["daily_digest"] },
    }),
    expect: everyoneSignedIn(200),
  },
};
