import { familyMembers } from "@teamaround/db";
import { buildMember, buildScenario, buildUser } from "@teamaround/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, sessionCookieFor, startTestApi, type TestApi } from "../testing/test-api";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

const details = {
  address: "1 Test Street\nTestville\nTE1 1ST",
  phone: "07700 900123",
  email: "jo@example.test",
  preferredLanguage: "Polish",
  interpreterNeeded: true,
  communicationNeeds: "Prefers written summaries",
  gpPractice: "Test Street Surgery",
  youngCarer: false,
  school: "Test College",
};
const equality = { ethnicity: "White Polish", religion: "Catholic", disabilityOrSen: "Dyslexia" };

/** The scenario, with equality fields on the parent and a young person who has a portal account. */
async function world() {
  const s = await buildScenario(api.deps.db);
  await api.deps.db
    .update(familyMembers)
    .set(equality)
    .where(eq(familyMembers.id, s.members.parent.id));
  const youngUser = await buildUser(api.deps.db, {
    authorityId: s.authority.id,
    role: "family_member",
  });
  const youngPerson = await buildMember(api.deps.db, {
    familyId: s.family.id,
    kind: "child",
    givenName: "Alex",
    dateOfBirth: "2010-01-01",
    userId: youngUser.id,
    ethnicity: "Mixed",
  });
  const path = `/api/families/${s.family.id}/members`;
  return { s, youngUser, youngPerson, path };
}

async function listAs(path: string, userId: string) {
  const res = await call(api, "GET", path, { cookie: await sessionCookieFor(api, userId) });
  expect(res.status).toBe(200);
  return new Map<string, Record<string, unknown>>(
    res.json.data.map((m: { id: string }) => [m.id, m]),
  );
}

const memberRow = async (id: string) =>
  (await api.deps.db.select().from(familyMembers).where(eq(familyMembers.id, id)))[0];

describe("a family member's details", () => {
  it("are added with the member and read back, contact details and equality fields alike", async () => {
    const { s, path } = await world();
    const res = await call(api, "POST", path, {
      cookie: await sessionCookieFor(api, s.users.lead.id),
      body: {
        kind: "adult",
        givenName: "Jo",
        familyName: "Test",
        relationship: "father",
        ...details,
        ...equality,
      },
    });
    expect(res.status).toBe(201);
    expect(res.json.data).toMatchObject({ ...details, equality });
  });

  it("are changed and cleared with a PATCH", async () => {
    const { s, path } = await world();
    const url = `${path}/${s.members.parent.id}`;
    const lead = await sessionCookieFor(api, s.users.lead.id);
    const res = await call(api, "PATCH", url, {
      cookie: lead,
      body: { version: 1, phone: "+44 20 7946 0000", religion: null, youngCarer: true },
    });
    expect(res.status).toBe(200);
    expect(res.json.data).toMatchObject({
      phone: "+44 20 7946 0000",
      youngCarer: true,
      equality: { ...equality, religion: null },
    });
  });

  it.each([
    ["an email that is not one", { email: "jo at example" }, "email"],
    ["a phone number with letters", { phone: "call me maybe" }, "phone"],
    ["a phone number too short", { phone: "123" }, "phone"],
    ["an address too long", { address: "x".repeat(501) }, "address"],
    [
      "a control character in a language",
      { preferredLanguage: "Pol\u0000ish" },
      "preferredLanguage",
    ],
    ["an empty ethnicity", { ethnicity: "" }, "ethnicity"],
    ["interpreter needed as text", { interpreterNeeded: "yes" }, "interpreterNeeded"],
    ["a GP practice too long", { gpPractice: "x".repeat(201) }, "gpPractice"],
  ])("refuse %s with 400 naming the field, and change nothing", async (_what, change, field) => {
    const { s, path } = await world();
    const before = await memberRow(s.members.parent.id);
    const res = await call(api, "PATCH", `${path}/${s.members.parent.id}`, {
      cookie: await sessionCookieFor(api, s.users.lead.id),
      body: { version: 1, ...change },
    });
    expect(res.status).toBe(400);
    expect(res.json.error.details).toContainEqual({ path: field, message: expect.any(String) });
    expect(await memberRow(s.members.parent.id)).toEqual(before);
  });

  it("refuses a bad email when adding, and adds nobody", async () => {
    const { s, path } = await world();
    const res = await call(api, "POST", path, {
      cookie: await sessionCookieFor(api, s.users.lead.id),
      body: { kind: "adult", givenName: "J", familyName: "T", relationship: "uncle", email: "x@" },
    });
    expect(res.status).toBe(400);
    expect(
      await api.deps.db.select().from(familyMembers).where(eq(familyMembers.familyId, s.family.id)),
    ).toHaveLength(3);
  });
});

describe("equality fields", () => {
  it("are shown to staff in the team and to the service manager", async () => {
    const { s, path, youngPerson } = await world();
    for (const userId of [s.users.lead.id, s.users.teamMember.id, s.users.manager.id]) {
      const members = await listAs(path, userId);
      expect(members.get(s.members.parent.id)?.equality).toEqual(equality);
      expect(members.get(youngPerson.id)?.equality).toMatchObject({ ethnicity: "Mixed" });
    }
  });

  it("are shown to a family member for themselves only, never for another member", async () => {
    const { s, path, youngUser, youngPerson } = await world();
    const asParent = await listAs(path, s.users.parentUser.id);
    expect(asParent.get(s.members.parent.id)?.equality).toEqual(equality);
    expect(asParent.get(youngPerson.id)?.equality).toBeNull();
    const asYoungPerson = await listAs(path, youngUser.id);
    expect(asYoungPerson.get(youngPerson.id)?.equality).toMatchObject({ ethnicity: "Mixed" });
    expect(asYoungPerson.get(s.members.parent.id)?.equality).toBeNull();
    expect(JSON.stringify([...asYoungPerson.values()])).not.toContain("Catholic");
  });
});

describe("contact details", () => {
  it("are shown to a family member for themselves only: an address never reaches another member", async () => {
    const { s, path, youngUser, youngPerson } = await world();
    await api.deps.db
      .update(familyMembers)
      .set({ address: "1 Test Row, Testtown", phone: "07700 900123", gpPractice: "Test Surgery" })
      .where(eq(familyMembers.id, s.members.parent.id));
    const asStaff = await listAs(path, s.users.teamMember.id);
    expect(asStaff.get(s.members.parent.id)).toMatchObject({ address: "1 Test Row, Testtown" });
    const asParent = await listAs(path, s.users.parentUser.id);
    expect(asParent.get(s.members.parent.id)).toMatchObject({ phone: "07700 900123" });
    const asYoungPerson = await listAs(path, youngUser.id);
    expect(asYoungPerson.get(s.members.parent.id)).toMatchObject({
      address: null,
      phone: null,
      email: null,
      gpPractice: null,
    });
    expect(asYoungPerson.get(youngPerson.id)).toBeDefined();
    expect(JSON.stringify([...asYoungPerson.values()])).not.toContain("Test Row");
  });
});

describe("who can give consent", () => {
  it("is said of each member by the consent rule", async () => {
    const { s, path, youngPerson } = await world();
    const under16 = await buildMember(api.deps.db, {
      familyId: s.family.id,
      kind: "child",
      dateOfBirth: "2016-05-05",
    });
    const members = await listAs(path, s.users.lead.id);
    expect(members.get(s.members.parent.id)?.canGiveConsent).toBe(true);
    expect(members.get(youngPerson.id)?.canGiveConsent).toBe(true);
    expect(members.get(under16.id)?.canGiveConsent).toBe(false);
    expect(members.get(s.members.child.id)?.canGiveConsent).toBe(false);
  });
});
