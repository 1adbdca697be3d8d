import { createInvitation, generateRandomToken } from "@teamaround/auth";
import { auditEvents, users } from "@teamaround/db";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { call, startTestApi, type TestApi } from "../testing/test-api";
import { buildAccount, goodPassword, rawRequest, signIn } from "./auth-test-support";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());
beforeEach(() => {
  api.clock.now = new Date();
});

async function invitedUser() {
  const { user } = await buildAccount(api, { status: "invited", passwordHash: null });
  const { token } = await createInvitation(api.deps.db, {
    userId: user.id,
    createdBy: null,
    now: api.clock.now,
  });
  return { user, token };
}

const setPassword = (token: string, password = goodPassword) =>
  call(api, "POST", "/api/auth/set-password", { body: { token, password } });

async function rawSetPassword(token: string) {
  const response = await rawRequest(api, "POST", "/api/auth/set-password", {
    body: { token, password: goodPassword },
  });
  return { status: response.status, body: await response.text() };
}

describe("POST /api/auth/set-password", () => {
  it("sets the password once, activates the account, does not sign in, and audits", async () => {
    const { user, token } = await invitedUser();
    const response = await setPassword(token);
    expect(response.status).toBe(200);
    expect(response.headers.getSetCookie()).toEqual([]);
    const [row] = await api.deps.db.select().from(users).where(eq(users.id, user.id));
    expect(row?.status).toBe("active");
    expect((await signIn(api, user.email)).status).toBe(200);
    const events = await api.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.event, "user.set_password"), eq(auditEvents.resourceId, user.id)));
    expect(events).toHaveLength(1);
    expect(JSON.stringify(events)).not.toContain(goodPassword);
  });

  it("works only once", async () => {
    const { token } = await invitedUser();
    expect((await setPassword(token)).status).toBe(200);
    const again = await setPassword(token, "another long passphrase");
    expect(again.status).toBe(422);
  });

  it("refuses a weak password naming the field, and the link still works afterwards", async () => {
    const { token } = await invitedUser();
    const weak = await setPassword(token, "password");
    expect(weak.status).toBe(422);
    expect(weak.json.error.details).toEqual([
      { path: "password", message: expect.stringMatching(/too common/), rule: "too_common" },
    ]);
    const short = await setPassword(token, "abc");
    expect(short.json.error.details[0].path).toBe("password");
    expect((await setPassword(token)).status).toBe(200);
  });

  it.each([
    ["eight identical characters", "aaaaaaaa"],
    ["eight spaces", "        "],
    ["a keyboard row", "zxcvbnm,"],
  ])("refuses %s as too easy to guess, naming the rule", async (_, password) => {
    const { token } = await invitedUser();
    const weak = await setPassword(token, password);
    expect(weak.status).toBe(422);
    expect(weak.json.error.details).toEqual([
      { path: "password", message: expect.stringMatching(/easy to guess/), rule: "too_guessable" },
    ]);
  });

  it("refuses eight control characters and sets nothing", async () => {
    const { token } = await invitedUser();
    const refused = await setPassword(token, "\u0001".repeat(8));
    expect([400, 422]).toContain(refused.status);
    expect((await setPassword(token)).status).toBe(200);
  });

  it("gives one and the same answer for unknown, used, expired and superseded links", async () => {
    const used = await invitedUser();
    await setPassword(used.token);
    const superseded = await invitedUser();
    await createInvitation(api.deps.db, {
      userId: superseded.user.id,
      createdBy: null,
      now: api.clock.now,
    });
    const expired = await invitedUser();
    const deactivated = await invitedUser();
    await api.deps.db
      .update(users)
      .set({ status: "deactivated" })
      .where(eq(users.id, deactivated.user.id));

    const answers = [
      await rawSetPassword(generateRandomToken()),
      await rawSetPassword("not-even-a-token"),
      await rawSetPassword(used.token),
      await rawSetPassword(superseded.token),
      await rawSetPassword(deactivated.token),
    ];
    api.clock.now = new Date(api.clock.now.getTime() + 8 * 24 * 60 * 60 * 1000);
    answers.push(await rawSetPassword(expired.token));

    expect(answers[0]?.status).toBe(422);
    expect(JSON.parse(answers[0]?.body ?? "{}").error.details).toEqual([
      { path: "token", message: "not a working set-password link" },
    ]);
    for (const answer of answers) expect(answer).toEqual(answers[0]);
  });

  it("ends any session the account had", async () => {
    const { user } = await buildAccount(api);
    const { cookie } = await signIn(api, user.email);
    const { token } = await createInvitation(api.deps.db, {
      userId: user.id,
      createdBy: null,
      now: api.clock.now,
    });
    expect((await setPassword(token, "a brand new passphrase")).status).toBe(200);
    expect((await call(api, "GET", "/api/me", { cookie })).status).toBe(401);
    expect((await signIn(api, user.email, "a brand new passphrase")).status).toBe(200);
  });
});
