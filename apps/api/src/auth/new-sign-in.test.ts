import { deviceCookieName, hashToken } from "@teamaround/auth";
import { auditEvents, notices, userDevices } from "@teamaround/db";
import { startTestSmtpServer, type TestSmtpServer } from "@teamaround/notices/testing";
import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { sendDueNotices } from "../testing/send-due-notices";
import { call, sessionCookieFor, startTestApi, type TestApi } from "../testing/test-api";
import { buildAccount, goodPassword } from "./auth-test-support";

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

const firefox = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:127.0) Gecko/20100101 Firefox/127.0";
const safari =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

/** Signs in from a browser: its user agent, and the device cookie it holds (if any). */
async function signInFrom(
  email: string,
  browser: { ua: string; device?: string },
  password = goodPassword,
) {
  const response = await call(api, "POST", "/api/auth/sign-in", {
    body: { email, password },
    headers: {
      "user-agent": browser.ua,
      ...(browser.device ? { cookie: `${deviceCookieName}=${browser.device}` } : {}),
    },
  });
  const set = response.headers.getSetCookie().find((c) => c.startsWith(`${deviceCookieName}=`));
  return { ...response, setDevice: set ?? "", device: set?.split(";")[0]?.split("=")[1] ?? "" };
}

const newSignIns = (userId: string) =>
  api.deps.db
    .select()
    .from(notices)
    .where(and(eq(notices.recipientUserId, userId), eq(notices.kind, "new_sign_in")));

const devicesOf = (userId: string) =>
  api.deps.db.select().from(userDevices).where(eq(userDevices.userId, userId));

describe("a sign-in from a new browser", () => {
  it("records the first browser quietly, knows it again, and tells the person of another", async () => {
    const { user } = await buildAccount(api);
    const first = await signInFrom(user.email, { ua: firefox });
    expect(first.status).toBe(200);
    expect(first.device).toMatch(/^[a-z2-7]{32}$/);
    for (const attribute of ["Secure", "HttpOnly", "SameSite=Lax", "Path=/", "Max-Age=34560000"]) {
      expect(first.setDevice).toContain(`; ${attribute}`);
    }
    expect(first.setDevice).not.toMatch(/Domain=/i);
    // Only the token's hash is stored, with a plain description of the browser.
    const [device] = await devicesOf(user.id);
    expect(device).toMatchObject({
      tokenHash: hashToken(first.device),
      userAgentSummary: "Firefox on Windows",
    });
    expect(JSON.stringify(await devicesOf(user.id))).not.toContain(first.device);
    // The account's first browser: nothing to compare with, so nobody is told.
    expect(await newSignIns(user.id)).toEqual([]);

    const again = await signInFrom(user.email, { ua: firefox, device: first.device });
    expect(again.status).toBe(200);
    expect(again.device).toBe(first.device);
    expect(await newSignIns(user.id)).toEqual([]);

    const phone = await signInFrom(user.email, { ua: safari });
    expect(phone.status).toBe(200);
    expect(phone.device).not.toBe(first.device);
    expect(await devicesOf(user.id)).toHaveLength(2);
    const [notice] = await newSignIns(user.id);
    expect(notice).toMatchObject({
      channel: "email",
      variables: {
        audience: "staff",
        signedInAt: api.clock.now.toISOString(),
        browser: "Safari",
        system: "an iPhone or iPad",
      },
    });

    await sendDueNotices(api, smtp.url);
    const [mail] = await smtp.waitFor(1);
    expect(mail?.envelopeTo).toEqual([user.email]);
    expect(mail?.parsed.subject).toBe("A new sign-in to your Teamaround account");
    const text = mail?.parsed.text ?? "";
    expect(text).toContain("Safari on an iPhone or iPad");
    expect(text).toContain("tell your administrator straight away");
    expect(text).not.toContain("Mozilla");
    expect(text).not.toMatch(/\b\d{1,3}(\.\d{1,3}){3}\b|unknown/);
    const sent = await api.deps.db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.event, "notice.sent"), eq(auditEvents.resourceId, notice?.id ?? "")),
      );
    expect(sent).toHaveLength(1);
    const created = await api.deps.db
      .select({ details: auditEvents.details })
      .from(auditEvents)
      .where(and(eq(auditEvents.event, "session.create"), eq(auditEvents.resourceId, user.id)))
      .orderBy(auditEvents.id);
    expect(created.map((e) => (e.details as { device: string }).device)).toEqual([
      "first",
      "known",
      "new",
    ]);
  });

  it("records nothing for a wrong password, and nothing new for a forged cookie", async () => {
    const { user } = await buildAccount(api);
    await signInFrom(user.email, { ua: firefox });
    const wrong = await signInFrom(user.email, { ua: safari }, "not the password at all");
    expect(wrong.status).toBe(401);
    expect(wrong.setDevice).toBe("");
    expect(await devicesOf(user.id)).toHaveLength(1);
    // A cookie that is not a token is ignored: a new one is made.
    const forged = await signInFrom(user.email, { ua: safari, device: "'; drop table users" });
    expect(forged.status).toBe(200);
    expect(forged.device).toMatch(/^[a-z2-7]{32}$/);
    expect(await newSignIns(user.id)).toHaveLength(1);
  });

  it("sends nothing to someone who turned it off, and plain words to a family member", async () => {
    const { user } = await buildAccount(api);
    await signInFrom(user.email, { ua: firefox });
    const cookie = await sessionCookieFor(api, user.id);
    const off = await call(api, "PATCH", "/api/me/notice-preferences", {
      cookie,
      body: { emailOff: ["new_sign_in"] },
    });
    expect(off.status).toBe(200);
    expect((await signInFrom(user.email, { ua: safari })).status).toBe(200);
    expect(await newSignIns(user.id)).toEqual([]);
    expect(await devicesOf(user.id)).toHaveLength(2);

    const { user: parent } = await buildAccount(api, { role: "family_member", agencyId: null });
    await signInFrom(parent.email, { ua: firefox });
    await signInFrom(parent.email, { ua: safari });
    const [notice] = await newSignIns(parent.id);
    expect(notice?.variables).toMatchObject({ audience: "family" });
    // The forged-cookie test above left a staff notice due in this database,
    // and the worker sends both: pick the parent's by its recipient.
    await sendDueNotices(api, smtp.url);
    const mail = await vi.waitFor(
      () => {
        const found = smtp.received.find((m) => m.envelopeTo.includes(parent.email));
        if (!found) throw new Error("no mail to the parent yet");
        return found;
      },
      { timeout: 20_000, interval: 50 },
    );
    expect(mail?.parsed.text).toContain("tell the worker who supports your family");
  });
});
