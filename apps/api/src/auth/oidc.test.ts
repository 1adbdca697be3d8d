import { hashPassword } from "@teamaround/auth";
import { oidcSecretSuffix } from "@teamaround/config";
import { auditEvents, localAuthorities, oidcIdentities, sessions, users } from "@teamaround/db";
import { buildAgency, buildAuthority, buildUser } from "@teamaround/db/testing";
import { auditEventWords } from "@teamaround/domain";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  startTestIdentityProvider,
  type TestIdentityProvider,
} from "../testing/oidc-test-provider";
import { call, startTestApi, type TestApi, testOrigin } from "../testing/test-api";
import { goodPassword, sessionCookieFrom, signIn } from "./auth-test-support";
import { flowCookieName } from "./oidc/flow-cookie";

const callbackUrl = `${testOrigin}/api/auth/oidc/callback`;
let api: TestApi;
let idp: TestIdentityProvider;
let password: string;

beforeAll(async () => {
  idp = await startTestIdentityProvider(callbackUrl);
  api = await startTestApi({
    config: {
      oidc: {
        defaultClientSecret: null,
        clientSecrets: { [oidcSecretSuffix(idp.clientId)]: idp.clientSecret },
      },
    },
  });
  password = await hashPassword(goodPassword);
});
afterAll(async () => {
  await api.close();
  await idp.close();
});

let people = 0;
/** An authority signing staff in through the test provider, with one practitioner. */
async function buildCouncil(
  settings: { requireStaffSso?: boolean; requireStaffTotp?: boolean } = {},
  db = api.deps.db,
) {
  const authority = await buildAuthority(db, {
    oidcIssuer: idp.issuer,
    oidcClientId: idp.clientId,
    oidcDisplayName: "Sign in with Northshire Council",
    ...settings,
  });
  const agency = await buildAgency(db, { authorityId: authority.id });
  const staff = await buildUser(db, {
    authorityId: authority.id,
    agencyId: agency.id,
    role: "practitioner",
    passwordHash: password,
  });
  people += 1;
  const subject = `subject-${people}-${authority.id}`;
  return { authority, agency, staff, subject };
}

/** Start at our API, pass the provider as `subject`, and come back to our callback. */
async function singleSignOn(authorityId: string, subject: string, deviceCookie = "") {
  const start = await api.app.request(`/api/auth/oidc/start?authority=${authorityId}`);
  expect(start.status).toBe(302);
  const flow = start.headers.getSetCookie().find((c) => c.startsWith(`${flowCookieName}=`));
  const flowCookie = flow?.split(";")[0] ?? "";
  const authorizationUrl = start.headers.get("location") ?? "";
  return { flowCookie, authorizationUrl, finish: () => finish(authorizationUrl, subject) };

  async function finish(url: string, who: string, cookie = flowCookie) {
    const back = await idp.signInAs(who, url, callbackUrl);
    const response = await api.app.request(back.slice(testOrigin.length), {
      headers: { cookie: [cookie, deviceCookie].filter(Boolean).join("; ") },
    });
    return {
      status: response.status,
      location: response.headers.get("location"),
      cookie: sessionCookieFrom(response),
    };
  }
}

async function signOnAs(authorityId: string, subject: string) {
  return (await singleSignOn(authorityId, subject)).finish();
}

async function links(userId: string) {
  return api.deps.db.select().from(oidcIdentities).where(eq(oidcIdentities.userId, userId));
}

/** The audit events of a first single sign-on's link, who caused each, and what they say. */
async function linkEvents(userId: string) {
  return api.deps.db
    .select({ actorId: auditEvents.actorId, details: auditEvents.details })
    .from(auditEvents)
    .where(and(eq(auditEvents.event, "user.sso_linked"), eq(auditEvents.resourceId, userId)));
}

describe("staff single sign-on (OpenID Connect)", () => {
  it("offers the button with the authority's words, never its client details", async () => {
    const { authority } = await buildCouncil();
    const { status, json } = await call(api, "GET", "/api/auth/sso-options");
    expect(status).toBe(200);
    expect(json.data).toContainEqual({
      authorityId: authority.id,
      displayName: "Sign in with Northshire Council",
    });
    expect(JSON.stringify(json)).not.toContain(idp.clientSecret);
    expect(JSON.stringify(json)).not.toContain(idp.issuer);
  });

  it("sends the browser to the provider with PKCE (S256), state and nonce", async () => {
    const { authority } = await buildCouncil();
    const { authorizationUrl, flowCookie } = await singleSignOn(authority.id, "unused");
    const url = new URL(authorizationUrl);
    expect(url.origin).toBe(idp.issuer);
    expect(url.searchParams.get("code_challenge_method")).toBe("S256");
    expect(url.searchParams.get("redirect_uri")).toBe(callbackUrl);
    for (const name of ["code_challenge", "state", "nonce"]) {
      expect(url.searchParams.get(name)?.length).toBeGreaterThan(20);
    }
    expect(flowCookie).not.toBe("");
  });

  it("signs in a member of staff by verified email the first time, and links the subject", async () => {
    const { staff, subject, authority } = await buildCouncil({ requireStaffTotp: true });
    idp.people.set(subject, { email: staff.email.toUpperCase(), email_verified: true });
    const signedOn = await signOnAs(authority.id, subject);
    expect(signedOn).toMatchObject({ status: 302, location: "/" });
    // The provider is trusted for the second factor: no TOTP step, no enrolment.
    const me = await call(api, "GET", "/api/me", { cookie: signedOn.cookie });
    expect(me.status).toBe(200);
    expect(me.json.data).toMatchObject({ id: staff.id });
    expect(await links(staff.id)).toMatchObject([{ issuer: idp.issuer, subject }]);
    const [session] = await api.deps.db
      .select()
      .from(sessions)
      .where(eq(sessions.userId, staff.id));
    expect(session).toMatchObject({ singleSignOn: true, twoFactorVerified: true });
    const [created] = await api.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.event, "session.create"), eq(auditEvents.resourceId, staff.id)));
    expect(created?.details).toMatchObject({
      method: "oidc",
      issuer: idp.issuer,
      linkedBy: "email",
    });
    expect(await linkEvents(staff.id)).toEqual([
      { actorId: staff.id, details: { issuer: idp.issuer, subject } },
    ]);
    expect(auditEventWords("user.sso_linked")).toBe(
      "linked their account to the council's sign-in",
    );
  });

  it("signs in by the linked subject the next time, whatever the email has become", async () => {
    const { staff, subject, authority } = await buildCouncil();
    idp.people.set(subject, { email: staff.email, email_verified: true });
    expect((await signOnAs(authority.id, subject)).location).toBe("/");
    idp.people.set(subject, { email: "renamed@elsewhere.example.test", email_verified: false });
    const again = await signOnAs(authority.id, subject);
    expect(again.location).toBe("/");
    expect((await call(api, "GET", "/api/me", { cookie: again.cookie })).json.data.id).toBe(
      staff.id,
    );
    expect(await links(staff.id)).toHaveLength(1);
    // The link is made, and audited, once: later sign-ons by the subject are sessions only.
    expect(await linkEvents(staff.id)).toHaveLength(1);
  });

  it("refuses an email the provider has not verified, and links nothing", async () => {
    const { staff, subject, authority } = await buildCouncil();
    idp.people.set(subject, { email: staff.email, email_verified: false });
    const refused = await signOnAs(authority.id, subject);
    expect(refused).toEqual({
      status: 302,
      location: "/sign-in?error=sso_email_unverified",
      cookie: "",
    });
    expect(await links(staff.id)).toEqual([]);
  });

  it("makes no account: an unknown email, a family member's or another council's is refused", async () => {
    const { authority, subject } = await buildCouncil();
    const other = await buildCouncil();
    const family = await buildUser(api.deps.db, {
      authorityId: authority.id,
      role: "family_member",
    });
    for (const email of ["nobody@example.test", family.email, other.staff.email]) {
      idp.people.set(subject, { email, email_verified: true });
      const refused = await signOnAs(authority.id, subject);
      expect(refused).toEqual({
        status: 302,
        location: "/sign-in?error=sso_no_account",
        cookie: "",
      });
    }
    const made = await api.deps.db
      .select()
      .from(users)
      .where(eq(users.email, "nobody@example.test"));
    expect(made).toEqual([]);
  });

  it("refuses an answer meant for another sign-in (state mismatch) and a forged flow cookie", async () => {
    const { staff, subject, authority } = await buildCouncil();
    idp.people.set(subject, { email: staff.email, email_verified: true });
    const mine = await singleSignOn(authority.id, subject);
    const theirs = await singleSignOn(authority.id, subject);
    // The provider's answer to one start, brought back with the other start's cookie.
    const crossed = await mine.finish();
    expect(crossed.location).toBe("/");
    const swapped = await singleSignOn(authority.id, subject);
    const back = await idp.signInAs(subject, theirs.authorizationUrl, callbackUrl);
    const refused = await api.app.request(back.slice(testOrigin.length), {
      headers: { cookie: swapped.flowCookie },
    });
    expect(refused.headers.get("location")).toBe("/sign-in?error=sso_failed");
    expect(sessionCookieFrom(refused)).toBe("");
    const [name, value = ""] = theirs.flowCookie.split("=");
    const forged = `${name}=${value.slice(0, -2)}xx`;
    const back2 = await idp.signInAs(subject, theirs.authorizationUrl, callbackUrl);
    const refusedForged = await api.app.request(back2.slice(testOrigin.length), {
      headers: { cookie: forged },
    });
    expect(refusedForged.headers.get("location")).toBe("/sign-in?error=sso_expired");
  });

  it("a single sign-on session ends when signed out or revoked, like any other", async () => {
    const { staff, subject, authority } = await buildCouncil();
    idp.people.set(subject, { email: staff.email, email_verified: true });
    const first = await signOnAs(authority.id, subject);
    const second = await signOnAs(authority.id, subject);
    const listed = await call(api, "GET", "/api/me/sessions", { cookie: second.cookie });
    expect(listed.json.data).toHaveLength(2);
    expect(listed.json.data.every((s: { singleSignOn: boolean }) => s.singleSignOn)).toBe(true);
    const revoked = await call(api, "POST", "/api/me/sessions/revoke-others", {
      cookie: second.cookie,
    });
    expect(revoked.status).toBe(200);
    expect((await call(api, "GET", "/api/me", { cookie: first.cookie })).status).toBe(401);
    await call(api, "POST", "/api/auth/sign-out", { cookie: second.cookie });
    expect((await call(api, "GET", "/api/me", { cookie: second.cookie })).status).toBe(401);
    await api.deps.db.update(users).set({ status: "deactivated" }).where(eq(users.id, staff.id));
    const deactivated = await signOnAs(authority.id, subject);
    expect(deactivated.location).toBe("/sign-in?error=sso_no_account");
  });

  it("with single sign-on required, refuses staff passwords but not a family's or a break-glass administrator's", async () => {
    const { staff, authority } = await buildCouncil({ requireStaffSso: true });
    const refused = await signIn(api, staff.email);
    expect(refused.status).toBe(403);
    expect(refused.json.error.details).toMatchObject({ singleSignOnRequired: true });
    expect(refused.json.error.message).toContain("Sign in with Northshire Council");
    expect(refused.cookie).toBe("");
    const family = await buildUser(api.deps.db, {
      authorityId: authority.id,
      role: "family_member",
      passwordHash: password,
    });
    expect((await signIn(api, family.email)).status).toBe(200);
    const admin = await buildUser(api.deps.db, {
      authorityId: authority.id,
      role: "administrator",
      passwordHash: password,
      totpKey: "c2VjcmV0LWtleS1ieXRlcy0yMA==",
    });
    const breakGlass = await signIn(api, admin.email);
    expect(breakGlass.status).toBe(200);
    expect(breakGlass.json.data.secondFactorRequired).toBe(true);
    // A wrong password still answers as a wrong password.
    expect((await signIn(api, staff.email, "not the password at all")).status).toBe(401);
  });

  it("sends an authority without single sign-on back to the sign-in page", async () => {
    const plain = await buildAuthority(api.deps.db);
    const start = await api.app.request(`/api/auth/oidc/start?authority=${plain.id}`);
    expect(start.headers.get("location")).toBe("/sign-in?error=sso_unavailable");
    await api.deps.db
      .update(localAuthorities)
      .set({ oidcIssuer: idp.issuer, oidcClientId: "a-client-with-no-secret" })
      .where(eq(localAuthorities.id, plain.id));
    const noSecret = await api.app.request(`/api/auth/oidc/start?authority=${plain.id}`);
    expect(noSecret.headers.get("location")).toBe("/sign-in?error=sso_unavailable");
  });

  it("throttles an address whose answers the provider keeps refusing", async () => {
    // An API of its own, so these failures leave the other tests' address alone.
    const own = await startTestApi({ config: api.deps.config });
    try {
      const { authority, subject, staff } = await buildCouncil({}, own.deps.db);
      idp.people.set(subject, { email: staff.email, email_verified: true });
      const start = await own.app.request(`/api/auth/oidc/start?authority=${authority.id}`);
      const cookie = start.headers.getSetCookie()[0]?.split(";")[0] ?? "";
      const state = new URL(start.headers.get("location") ?? "").searchParams.get("state");
      const answers: (string | null)[] = [];
      for (let attempt = 0; attempt < 6; attempt++) {
        const junk = await own.app.request(
          `/api/auth/oidc/callback?code=not-a-code-${attempt}&state=${state}&iss=${encodeURIComponent(idp.issuer)}`,
          { headers: { cookie } },
        );
        answers.push(junk.headers.get("location"));
      }
      expect(answers).toEqual([
        ...Array(5).fill("/sign-in?error=sso_failed"),
        "/sign-in?error=too_many_attempts",
      ]);
    } finally {
      await own.close();
    }
  });
});
