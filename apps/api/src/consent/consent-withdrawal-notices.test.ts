import { agencies, auditEvents, notices } from "@teamaround/db";
import { buildConsent, buildScenario, type Scenario } from "@teamaround/db/testing";
import { startTestSmtpServer, type TestSmtpServer } from "@teamaround/notices/testing";
import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { sendDueNotices } from "../testing/send-due-notices";
import {
  call,
  sessionCookieFor,
  startTestApi,
  type TestApi,
  testOrigin,
} from "../testing/test-api";

let api: TestApi;
let smtp: TestSmtpServer;
// A database of its own: the worker here sends every due notice in it.
beforeAll(async () => {
  api = await startTestApi({ isolatedDatabase: true });
});
afterAll(() => api.close());
beforeEach(async () => {
  api.clock.now = new Date();
  smtp = await startTestSmtpServer();
});
afterEach(() => smtp.close());

const sendNotices = () => sendDueNotices(api, smtp.url);

async function setContact(agencyId: string, contactEmail: string | null) {
  await api.deps.db.update(agencies).set({ contactEmail }).where(eq(agencies.id, agencyId));
}

const withdraw = (s: Scenario, consentId: string, cookie: string) =>
  call(api, "POST", `/api/families/${s.family.id}/consents/${consentId}/withdraw`, {
    cookie,
    body: { reason: "Robin does not want the school told about home" },
  });

async function register(s: Scenario, cookie: string, consentId: string) {
  const res = await call(api, "GET", `/api/families/${s.family.id}/consents`, { cookie });
  expect(res.status).toBe(200);
  const consent = res.json.data.find((c: { id: string }) => c.id === consentId);
  const byAgency = new Map<string, { status: string; sentAt: string | null }>();
  for (const n of consent.withdrawalNotices) byAgency.set(n.agency.id, n);
  return byAgency;
}

describe("who we have told, when consent is withdrawn", () => {
  it("emails each receiving agency's contact address and shows it sent, with the time", async () => {
    const s = await buildScenario(api.deps.db);
    await setContact(s.agencies.school.id, "safeguarding@school.example");
    await setContact(s.agencies.health.id, null);
    const lead = await sessionCookieFor(api, s.users.lead.id);
    const parent = await sessionCookieFor(api, s.users.parentUser.id);

    const res = await withdraw(s, s.consent.id, parent);
    expect(res.status).toBe(200);
    const [school, health] = [s.agencies.school.id, s.agencies.health.id];
    const before = await register(s, lead, s.consent.id);
    expect(before.get(school)).toMatchObject({ status: "waiting", sentAt: null });
    expect(before.get(health)).toMatchObject({ status: "no_address", sentAt: null });

    api.clock.now = new Date(api.clock.now.getTime() + 60_000);
    await sendNotices();
    const [mail] = await smtp.waitFor(1);
    expect(smtp.received).toHaveLength(1);
    expect(mail?.envelopeTo).toEqual(["safeguarding@school.example"]);
    expect(mail?.parsed.subject).toBe("Consent to share information has been withdrawn");
    expect(mail?.parsed.text).toContain(`${testOrigin}/families/${s.family.id}/consents`);
    const words = `${mail?.parsed.subject} ${mail?.parsed.text}`;
    for (const content of [
      s.family.displayName,
      s.family.reference,
      s.members.child.givenName,
      s.members.parent.familyName,
      "does not want",
    ]) {
      expect(words).not.toContain(content);
    }

    // The register now says when the school was told, to staff and to the family alike.
    for (const cookie of [lead, parent]) {
      const after = await register(s, cookie, s.consent.id);
      expect(after.get(school)).toEqual(
        expect.objectContaining({ status: "sent", sentAt: api.clock.now.toISOString() }),
      );
      expect(after.get(health)?.status).toBe("no_address");
    }
    const [sent] = await api.deps.db
      .select()
      .from(notices)
      .where(and(eq(notices.familyId, s.family.id), eq(notices.kind, "consent_withdrawn")));
    const audit = await api.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.event, "notice.sent"), eq(auditEvents.resourceId, sent?.id ?? "")));
    expect(audit).toHaveLength(1);
  });

  it("shows a notice the mail server refused as failed, not as told", async () => {
    const s = await buildScenario(api.deps.db);
    await setContact(s.agencies.housing.id, "housing-team@housing.example");
    const consent = await buildConsent(api.deps.db, {
      familyId: s.family.id,
      givenByMemberId: s.members.parent.id,
      coversMemberIds: [s.members.parent.id],
      agencyIds: [s.agencies.housing.id],
      obtainedBy: s.users.lead.id,
    });
    const lead = await sessionCookieFor(api, s.users.lead.id);
    expect((await withdraw(s, consent.id, lead)).status).toBe(200);
    smtp.refuseNext(1, 550);
    await sendNotices();
    const after = await register(s, lead, consent.id);
    expect(after.get(s.agencies.housing.id)).toMatchObject({ status: "failed", sentAt: null });
    expect(smtp.received).toHaveLength(0);
  });
});
