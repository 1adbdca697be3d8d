import { notices } from "@teamaround/db";
import { buildScenario, buildUser, type Scenario } from "@teamaround/db/testing";
import {
  type ReceivedMail,
  startTestSmtpServer,
  type TestSmtpServer,
} from "@teamaround/notices/testing";
import { eq } from "drizzle-orm";
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
  smtp = await startTestSmtpServer();
});
afterEach(() => smtp.close());

const today = () => api.clock.now.toISOString().slice(0, 10);

const sendNotices = () => sendDueNotices(api, smtp.url);

const mailsTo = (address: string) =>
  smtp.received.filter((mail: ReceivedMail) => mail.envelopeTo.includes(address));

const caseContent = ["Ashdown", "Mia", "late and hungry", "Taylor", "Not for us", "Food bank"];

function expectNoCaseContent(mail: ReceivedMail | undefined) {
  const words = `${mail?.parsed.subject}\n${mail?.parsed.text}`;
  for (const content of caseContent) expect(words).not.toContain(content);
}

/** A family member asks, through a practitioner of another service, with their own address. */
async function askAsFamily(s: Scenario, body: Record<string, unknown> = {}) {
  const cookie = await sessionCookieFor(api, s.users.outsider.id);
  return call(api, "POST", "/api/help-requests", {
    cookie,
    body: {
      receivingAgencyId: s.agencies.school.id,
      familyName: "The Ashdown family",
      children: [{ givenName: "Mia", familyName: "Ashdown" }],
      requesterKind: "family",
      requesterName: "Taylor Ashdown",
      requesterEmail: "taylor@family.example",
      requestedOn: today(),
      worries: "Mia is often late and hungry.",
      familyKnows: true,
      familyAgrees: true,
      ...body,
    },
  });
}

describe("requests for help are told", () => {
  it("to the managers of the service asked, with a link and no case content", async () => {
    const s = await buildScenario(api.deps.db);
    const elsewhere = await buildUser(api.deps.db, {
      authorityId: s.authority.id,
      role: "manager",
      agencyId: s.agencies.housing.id,
    });
    const asked = await askAsFamily(s);
    expect(asked.status).toBe(201);
    await sendNotices();
    const [mail] = mailsTo(s.users.manager.email);
    expect(mail?.parsed.subject).toBe("You have a new request for help in Teamaround");
    expect(mail?.parsed.text).toContain(`${testOrigin}/requests/${asked.json.data.id}`);
    expectNoCaseContent(mail);
    expect(mailsTo(elsewhere.email)).toHaveLength(0);
    // The asker is not told of their own request, nor is the family yet.
    expect(mailsTo(s.users.outsider.email)).toHaveLength(0);
    expect(mailsTo("taylor@family.example")).toHaveLength(0);
  });

  it("the outcome to the practitioner who asked, and to the family member in plain words", async () => {
    const s = await buildScenario(api.deps.db);
    const asked = await askAsFamily(s);
    const triaged = await call(api, "POST", `/api/help-requests/${asked.json.data.id}/triage`, {
      cookie: await sessionCookieFor(api, s.users.manager.id),
      body: {
        decision: "signpost",
        signpostedTo: "Food bank",
        reason: "Not for us: money worries",
        version: 1,
      },
    });
    expect(triaged.status).toBe(200);
    // Deciding again is refused, and tells nobody again.
    const again = await call(api, "POST", `/api/help-requests/${asked.json.data.id}/triage`, {
      cookie: await sessionCookieFor(api, s.users.manager.id),
      body: { decision: "not_accepted", reason: "Not for us", version: 2 },
    });
    expect(again.status).toBe(409);
    await sendNotices();

    const [toAsker] = mailsTo(s.users.outsider.email);
    expect(mailsTo(s.users.outsider.email)).toHaveLength(1);
    expect(toAsker?.parsed.subject).toBe("A request for help you made has been decided");
    expect(toAsker?.parsed.text).toContain("signposted");
    expect(toAsker?.parsed.text).toContain(`${testOrigin}/requests/${asked.json.data.id}`);
    expectNoCaseContent(toAsker);

    const toFamily = mailsTo("taylor@family.example");
    expect(toFamily).toHaveLength(1);
    expect(toFamily[0]?.parsed.subject).toBe("An answer to your request for help");
    expect(toFamily[0]?.parsed.text).toContain("another service can help you better");
    expect(toFamily[0]?.parsed.text).not.toMatch(/signpost|triage|practitioner|Early Help/i);
    expectNoCaseContent(toFamily[0]);
  });

  it("refuses an address for the asker unless a family member asked", async () => {
    const s = await buildScenario(api.deps.db);
    const res = await askAsFamily(s, { requesterKind: "practitioner", requesterName: undefined });
    expect(res.status).toBe(400);
    expect(res.json.error.details).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: "requesterEmail" })]),
    );
    const bad = await askAsFamily(s, { requesterEmail: "nobody" });
    expect(bad.status).toBe(400);
    const written = await api.deps.db
      .select()
      .from(notices)
      .where(eq(notices.authorityId, s.authority.id));
    expect(written).toEqual([]);
  });
});
