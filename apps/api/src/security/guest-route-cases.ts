import type { Expected, RouteCase } from "./route-expectations";

// Spelled out here: route-expectations.ts imports this file, so its helpers are not ready yet.
const leadOnly: Expected = {
  anonymous: 401,
  expiredSession: 401,
  administrator: 404,
  outsider: 404,
  otherFamilyMember: 404,
  analyst: 404,
  // A guest partner is an outsider to everything of the family but their meeting room.
  guest: 404,
  manager: 403,
  teamMember: 403,
  familyMember: 403,
  leadProfessional: 200,
};

function everyone(status: number, except: Partial<Expected> = {}): Expected {
  return {
    anonymous: status,
    expiredSession: status,
    analyst: status,
    administrator: status,
    manager: status,
    leadProfessional: status,
    teamMember: status,
    outsider: status,
    familyMember: status,
    otherFamilyMember: status,
    guest: status,
    ...except,
  };
}

/** Guest partners (apps/api/src/guests): the lead's invitations, and the guest's own sign-in. */
export const guestRouteCases: Record<string, RouteCase> = {
  "GET /api/families/{familyId}/meetings/{meetingId}/guests": {
    request: (w) => ({ path: `/api/families/${w.family.id}/meetings/${w.meeting.id}/guests` }),
    expect: leadOnly,
  },
  "POST /api/families/{familyId}/meetings/{meetingId}/guests": {
    request: (w) => ({
      path: `/api/families/${w.family.id}/meetings/${w.meeting.id}/guests`,
      body: {
        name: "Jo Reed",
        organisation: "Northfield NHS Trust",
        email: "jo.reed@trust.example.nhs.uk",
        role: "School nurse",
      },
    }),
    expect: { ...leadOnly, leadProfessional: 201 },
  },
  "POST /api/families/{familyId}/meetings/{meetingId}/guests/{guestId}/revoke": {
    request: (w) => ({
      path: `/api/families/${w.family.id}/meetings/${w.meeting.id}/guests/${w.guest.id}/revoke`,
    }),
    expect: leadOnly,
  },
  // Public: the link's token and the code are the credentials, whoever is signed in.
  "POST /api/guest/sign-in": {
    request: (w) => ({
      path: "/api/guest/sign-in",
      body: { token: w.guestLink.token, code: w.guestLink.code },
    }),
    expect: everyone(200),
  },
  "GET /api/guest/meeting": {
    request: () => ({ path: "/api/guest/meeting" }),
    expect: everyone(403, { anonymous: 401, expiredSession: 401, guest: 200 }),
  },
};
