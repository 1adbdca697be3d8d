import { familyMembers } from "@teamaround/db";
import { buildHeldMeeting } from "@teamaround/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pdfText } from "../testing/pdf-text";
import {
  call,
  sessionCookieFor,
  startTestApi,
  type TestApi,
  testOrigin,
} from "../testing/test-api";
import { type AudienceWorld, buildAudienceWorld } from "./audience-fixtures";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

async function cookies(w: AudienceWorld) {
  return {
    lead: await sessionCookieFor(api, w.s.users.lead.id),
    parent: await sessionCookieFor(api, w.s.users.parentUser.id),
    teen: await sessionCookieFor(api, w.teenUser.id),
  };
}

async function recordShare(w: AudienceWorld, cookie: string, purpose: string, audience: unknown) {
  const res = await call(api, "POST", `/api/families/${w.s.family.id}/sharing`, {
    cookie,
    body: {
      informationKind: "health",
      summary: purpose,
      toAgencyId: w.s.agencies.health.id,
      purpose,
      sharedAt: new Date().toISOString(),
      consentId: w.s.consent.id,
      familyTold: true,
      audience,
    },
  });
  return res;
}

async function sharePurposes(w: AudienceWorld, cookie: string) {
  const res = await call(api, "GET", `/api/families/${w.s.family.id}/sharing`, { cookie });
  expect(res.status).toBe(200);
  return (res.json as { data: { purpose: string }[] }).data.map((r) => r.purpose);
}

async function planPdf(w: AudienceWorld, cookie: string) {
  const response = await api.app.request(`/api/families/${w.s.family.id}/plan.pdf`, {
    headers: { origin: testOrigin, cookie },
  });
  expect(response.status).toBe(200);
  return (await pdfText(new Uint8Array(await response.arrayBuffer()))).all;
}

describe("the information-sharing register within the family", () => {
  it("records an audience and shows the entry only to the family members in it", async () => {
    const w = await buildAudienceWorld(api.deps.db);
    const c = await cookies(w);
    const adults = await recordShare(w, c.lead, "Benefit claim evidence to the council", {
      kind: "parental_responsibility",
    });
    expect(adults.status).toBe(201);
    expect(adults.json).toMatchObject({ data: { audience: { kind: "parental_responsibility" } } });
    await recordShare(w, c.lead, "Jordan's referral to the clinic", {
      kind: "young_person",
      memberIds: [w.teen.id],
    });
    expect(await sharePurposes(w, c.teen)).toEqual(["Jordan's referral to the clinic"]);
    expect(await sharePurposes(w, c.parent)).toEqual(["Benefit claim evidence to the council"]);
    expect((await sharePurposes(w, c.lead)).sort()).toEqual([
      "Benefit claim evidence to the council",
      "Jordan's referral to the clinic",
    ]);
  });

  it("refuses an audience naming someone outside the family", async () => {
    const w = await buildAudienceWorld(api.deps.db);
    const c = await cookies(w);
    const res = await recordShare(w, c.lead, "To the school", {
      kind: "named_members",
      memberIds: [w.s.otherParent.id],
    });
    expect(res.status).toBe(422);
  });
});

describe("the printed plan, plan versions and members as the family sees them", () => {
  it("prints for each member only what they may see, and for staff what the whole family may", async () => {
    const w = await buildAudienceWorld(api.deps.db);
    const c = await cookies(w);
    const teen = await planPdf(w, c.teen);
    expect(teen).toContain("sexual health nurse");
    expect(teen).not.toContain("benefit claim");
    expect(teen).not.toContain("CAMHS");
    const parent = await planPdf(w, c.parent);
    expect(parent).toContain("benefit claim");
    expect(parent).not.toContain("sexual health nurse");
    const lead = await planPdf(w, c.lead);
    expect(lead).toContain("walk to school together");
    expect(lead).not.toContain("benefit claim");
    expect(lead).not.toContain("sexual health nurse");
  });

  it("leaves items outside a member's audience out of a stored plan version", async () => {
    const w = await buildAudienceWorld(api.deps.db);
    const c = await cookies(w);
    const { version } = await buildHeldMeeting(api.deps.db, {
      familyId: w.s.family.id,
      chairUserId: w.s.users.lead.id,
    });
    const path = `/api/families/${w.s.family.id}/versions/${version.id}`;
    const read = async (cookie: string) => {
      const res = await call(api, "GET", path, { cookie });
      expect(res.status).toBe(200);
      const data = (res.json as { data: { content: VersionJson } }).data.content;
      return [...data.outcomes.map((o) => o.id), ...data.actions.map((a) => a.id)];
    };
    type VersionJson = { outcomes: { id: string }[]; actions: { id: string }[] };
    const teen = await read(c.teen);
    expect(teen).toContain(w.teenAction.id);
    expect(teen).not.toContain(w.benefits.id);
    expect(teen).not.toContain(w.claimAction.id);
    expect(teen).not.toContain(w.parentAction.id);
    const lead = await read(c.lead);
    expect(lead).toEqual(expect.arrayContaining([w.benefits.id, w.teenAction.id]));
  });

  it("shows another member's name and relationship only: no contact or equality details", async () => {
    const w = await buildAudienceWorld(api.deps.db);
    const c = await cookies(w);
    await api.deps.db
      .update(familyMembers)
      .set({
        email: "parent@example.test",
        phone: "07700 900123",
        address: "1 Test Street",
        ethnicity: "White British",
        communicationNeeds: "Large print",
      })
      .where(eq(familyMembers.id, w.s.members.parent.id));
    const res = await call(api, "GET", `/api/families/${w.s.family.id}/members`, {
      cookie: c.teen,
    });
    expect(res.status).toBe(200);
    const members = (res.json as { data: Record<string, unknown>[] }).data;
    const parent = members.find((m) => m.id === w.s.members.parent.id);
    expect(parent).toMatchObject({
      email: null,
      phone: null,
      address: null,
      equality: null,
      communicationNeeds: null,
      dateOfBirth: null,
    });
    expect(JSON.stringify(res.json)).not.toContain("07700 900123");
    const own = members.find((m) => m.id === w.teen.id);
    expect(own?.dateOfBirth).not.toBeNull();
    const asParent = await call(api, "GET", `/api/families/${w.s.family.id}/members`, {
      cookie: c.parent,
    });
    expect(JSON.stringify(asParent.json)).toContain("07700 900123");
  });
});
