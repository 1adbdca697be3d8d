import { agencies, type DatabaseHandle, localAuthorities, sessions, users } from "@teamaround/db";
import { openTestDatabase } from "@teamaround/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createSession,
  deleteExpiredSessions,
  generateSessionToken,
  invalidateSession,
  invalidateUserSessions,
  listUserSessions,
  markSessionTwoFactorVerified,
  revokeOtherSessions,
  revokeUserSession,
  sessionIdFromToken,
  signedInSession,
  validateSessionToken,
} from "./sessions";
import { defaultSessionPolicy } from "./sign-in-state";
import { buildPractitioner } from "./test-support";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(() => handle.close());

const policy = defaultSessionPolicy;
const context = { ipAddress: "192.0.2.1", userAgent: "vitest", twoFactorVerified: false };
const minutes = (n: number) => n * 60 * 1000;
const later = (from: Date, ms: number) => new Date(from.getTime() + ms);

async function signedIn(now = new Date()) {
  const user = await buildPractitioner(handle.db);
  const created = await createSession(handle.db, user.id, context, policy, now);
  return { user, now, ...created };
}

async function storedSession(id: string) {
  const [row] = await handle.db.select().from(sessions).where(eq(sessions.id, id));
  return row;
}

describe("generateSessionToken", () => {
  it("is 32 base32 characters (160 random bits) and never repeats", () => {
    const tokens = new Set(Array.from({ length: 1000 }, generateSessionToken));
    expect(tokens.size).toBe(1000);
    for (const token of tokens) expect(token).toMatch(/^[a-z2-7]{32}$/);
  });
});

describe("createSession", () => {
  it("stores only the token's SHA-256 as the id, never the token", async () => {
    const { token, session, user, now } = await signedIn();
    expect(session.id).toMatch(/^[0-9a-f]{64}$/);
    expect(session.id).toBe(sessionIdFromToken(token));
    const rows = await handle.db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(rows[0]?.expiresAt.getTime()).toBe(now.getTime() + policy.absoluteTimeoutMs);
    expect(rows[0]?.ipAddress).toBe("192.0.2.1");
  });
});

describe("validateSessionToken", () => {
  it("returns the session and its user for a live token", async () => {
    const { token, user, now } = await signedIn();
    const result = await validateSessionToken(handle.db, token, policy, later(now, 1000));
    expect(result?.user.id).toBe(user.id);
    expect(result?.session.twoFactorVerified).toBe(false);
  });

  it("refuses malformed and unknown tokens", async () => {
    await signedIn();
    for (const bad of ["", "short", "A".repeat(32), `${"a".repeat(31)}1`, "a".repeat(33)]) {
      expect(await validateSessionToken(handle.db, bad, policy)).toBeNull();
    }
    expect(await validateSessionToken(handle.db, generateSessionToken(), policy)).toBeNull();
  });

  it("refuses the stored hash presented as a token", async () => {
    const { session } = await signedIn();
    expect(await validateSessionToken(handle.db, session.id, policy)).toBeNull();
  });

  it("ends a session idle for more than 30 minutes and deletes it", async () => {
    const { token, session, now } = await signedIn();
    expect(
      await validateSessionToken(handle.db, token, policy, later(now, minutes(31))),
    ).toBeNull();
    expect(await storedSession(session.id)).toBeUndefined();
  });

  it("keeps a session used within the idle window and refreshes lastSeenAt", async () => {
    const { token, session, now } = await signedIn();
    const at = later(now, minutes(29));
    const result = await validateSessionToken(handle.db, token, policy, at);
    expect(result?.session.lastSeenAt.getTime()).toBe(at.getTime());
    expect((await storedSession(session.id))?.lastSeenAt.getTime()).toBe(at.getTime());
    // Refreshed at 29 min, so 58 min after creation it is only 29 min idle.
    expect(
      await validateSessionToken(handle.db, token, policy, later(now, minutes(58))),
    ).not.toBeNull();
  });

  it("does not write lastSeenAt when it is under a minute old", async () => {
    const { token, session, now } = await signedIn();
    await validateSessionToken(handle.db, token, policy, later(now, 59_000));
    expect((await storedSession(session.id))?.lastSeenAt.getTime()).toBe(now.getTime());
  });

  it("ends a session 12 hours after creation however active it was", async () => {
    const { token, session, now } = await signedIn();
    for (let m = 25; m < 12 * 60; m += 25) {
      expect(
        await validateSessionToken(handle.db, token, policy, later(now, minutes(m))),
      ).not.toBeNull();
    }
    const end = later(now, policy.absoluteTimeoutMs);
    expect(await validateSessionToken(handle.db, token, policy, end)).toBeNull();
    expect(await storedSession(session.id)).toBeUndefined();
  });

  it("refuses the session of a deactivated user", async () => {
    const { token, user } = await signedIn();
    await handle.db
      .update(users)
      .set({ status: "deactivated", deactivatedAt: new Date() })
      .where(eq(users.id, user.id));
    expect(await validateSessionToken(handle.db, token, policy)).toBeNull();
  });

  it("answers the sign-in state and the agency's name with the session", async () => {
    const { token, user, session } = await signedIn();
    const pending = await validateSessionToken(handle.db, token, policy);
    // Not verified, but the account has no second factor, so it is fully signed in.
    expect(pending?.state).toBe("signed_in");
    const [agency] = await handle.db
      .select()
      .from(agencies)
      .where(eq(agencies.id, user.agencyId ?? ""));
    expect(pending?.agencyName).toBe(agency?.name);
    await handle.db
      .update(users)
      .set({ totpKey: "c2VjcmV0LWtleS1ieXRlcy0yMA==" })
      .where(eq(users.id, user.id));
    expect((await validateSessionToken(handle.db, token, policy))?.state).toBe(
      "second_factor_pending",
    );
    expect(await signedInSession(handle.db, token, policy)).toBeNull();
    await markSessionTwoFactorVerified(handle.db, session.id);
    const full = await signedInSession(handle.db, token, policy);
    expect(full?.actor).toEqual({ userId: user.id, role: "practitioner", agencyId: user.agencyId });
  });

  it("signs in a single sign-on session without our second factor or its enrolment", async () => {
    const user = await buildPractitioner(handle.db, { totpKey: "c2VjcmV0LWtleS1ieXRlcy0yMA==" });
    await handle.db
      .update(localAuthorities)
      .set({ requireStaffTotp: true })
      .where(eq(localAuthorities.id, user.authorityId));
    const sso = await createSession(handle.db, user.id, { ...context, singleSignOn: true });
    expect((await validateSessionToken(handle.db, sso.token, policy))?.state).toBe("signed_in");
    const password = await createSession(handle.db, user.id, context);
    expect((await validateSessionToken(handle.db, password.token, policy))?.state).toBe(
      "second_factor_pending",
    );
    await handle.db.update(users).set({ totpKey: null }).where(eq(users.id, user.id));
    expect((await validateSessionToken(handle.db, sso.token, policy))?.state).toBe("signed_in");
    expect((await validateSessionToken(handle.db, password.token, policy))?.state).toBe(
      "totp_enrolment_required",
    );
  });

  it("honours a custom policy", async () => {
    const short = { idleTimeoutMs: minutes(5), absoluteTimeoutMs: minutes(60) };
    const user = await buildPractitioner(handle.db);
    const now = new Date();
    const { token } = await createSession(handle.db, user.id, context, short, now);
    expect(await validateSessionToken(handle.db, token, short, later(now, minutes(6)))).toBeNull();
  });
});

describe("listing and revoking", () => {
  it("lists a user's live sessions without tokens, newest use first", async () => {
    const { user, token, now } = await signedIn();
    const second = await createSession(handle.db, user.id, context, policy, later(now, 5000));
    const other = await signedIn();
    const listed = await listUserSessions(handle.db, user.id, policy, later(now, 10_000));
    expect(listed.map((s) => s.id)).toEqual([second.session.id, sessionIdFromToken(token)]);
    expect(Object.keys(listed[0] ?? {}).sort()).toEqual(
      [
        "createdAt",
        "expiresAt",
        "id",
        "ipAddress",
        "lastSeenAt",
        "singleSignOn",
        "userAgent",
      ].sort(),
    );
    expect(JSON.stringify(listed)).not.toContain(token);
    expect(listed.map((s) => s.id)).not.toContain(other.session.id);
  });

  it("leaves expired sessions out of the list", async () => {
    const { user, now } = await signedIn();
    expect(await listUserSessions(handle.db, user.id, policy, later(now, minutes(31)))).toEqual([]);
  });

  it("invalidates one session", async () => {
    const { user, token, session } = await signedIn();
    const kept = await createSession(handle.db, user.id, context, policy);
    await invalidateSession(handle.db, session.id);
    expect(await validateSessionToken(handle.db, token, policy)).toBeNull();
    expect(await validateSessionToken(handle.db, kept.token, policy)).not.toBeNull();
  });

  it("revokes only a session that belongs to the user", async () => {
    const mine = await signedIn();
    const theirs = await signedIn();
    expect(await revokeUserSession(handle.db, mine.user.id, theirs.session.id)).toBe(false);
    expect(await validateSessionToken(handle.db, theirs.token, policy)).not.toBeNull();
    expect(await revokeUserSession(handle.db, mine.user.id, mine.session.id)).toBe(true);
    expect(await validateSessionToken(handle.db, mine.token, policy)).toBeNull();
  });

  it("invalidates every session of a user and no one else's", async () => {
    const { user, token } = await signedIn();
    const second = await createSession(handle.db, user.id, context, policy);
    const other = await signedIn();
    await invalidateUserSessions(handle.db, user.id);
    expect(await validateSessionToken(handle.db, token, policy)).toBeNull();
    expect(await validateSessionToken(handle.db, second.token, policy)).toBeNull();
    expect(await validateSessionToken(handle.db, other.token, policy)).not.toBeNull();
  });

  it("revokes every other session of the user, keeping the current one", async () => {
    const { user, token, session } = await signedIn();
    const second = await createSession(handle.db, user.id, context, policy);
    const other = await signedIn();
    expect(await revokeOtherSessions(handle.db, user.id, session.id)).toEqual([second.session.id]);
    expect(await validateSessionToken(handle.db, token, policy)).not.toBeNull();
    expect(await validateSessionToken(handle.db, second.token, policy)).toBeNull();
    expect(await validateSessionToken(handle.db, other.token, policy)).not.toBeNull();
  });

  it("marks a session as having passed the second factor", async () => {
    const { token, session } = await signedIn();
    await markSessionTwoFactorVerified(handle.db, session.id);
    const result = await validateSessionToken(handle.db, token, policy);
    expect(result?.session.twoFactorVerified).toBe(true);
  });

  it("sweeps sessions that can no longer validate", async () => {
    const past = new Date(Date.now() - policy.absoluteTimeoutMs - minutes(1));
    const stale = await signedIn(past);
    const live = await signedIn();
    expect(await deleteExpiredSessions(handle.db, policy)).toBeGreaterThanOrEqual(1);
    expect(await storedSession(stale.session.id)).toBeUndefined();
    expect(await storedSession(live.session.id)).toBeDefined();
  });
});
