import { type DatabaseHandle, invitations, users } from "@teamaround/db";
import { openTestDatabase } from "@teamaround/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createInvitation, defaultInvitationTtlMs, redeemInvitation } from "./invitations";
import { hashPassword, verifyPassword } from "./passwords";
import { createSession, validateSessionToken } from "./sessions";
import { defaultSessionPolicy } from "./sign-in-state";
import { buildPractitioner } from "./test-support";
import { generateRandomToken, hashToken } from "./tokens";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(() => handle.close());

const goodPassword = "a long and unusual passphrase";
const context = { ipAddress: null, userAgent: null, twoFactorVerified: false };

async function storedUser(id: string) {
  const [row] = await handle.db.select().from(users).where(eq(users.id, id));
  return row;
}

async function invitedUser() {
  const admin = await buildPractitioner(handle.db);
  const user = await buildPractitioner(handle.db, { status: "invited" });
  const now = new Date();
  const invitation = await createInvitation(handle.db, {
    userId: user.id,
    createdBy: admin.id,
    now,
  });
  return { user, admin, now, ...invitation };
}

describe("createInvitation", () => {
  it("returns a token, stores only its hash, and expires in seven days", async () => {
    const { token, expiresAt, now, user } = await invitedUser();
    expect(token).toMatch(/^[a-z2-7]{32}$/);
    expect(expiresAt.getTime()).toBe(now.getTime() + defaultInvitationTtlMs);
    const rows = await handle.db.select().from(invitations).where(eq(invitations.userId, user.id));
    expect(rows.map((r) => r.id)).toEqual([hashToken(token)]);
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it("makes older unused invitations unusable", async () => {
    const { token: older, user } = await invitedUser();
    const { token: newer } = await createInvitation(handle.db, {
      userId: user.id,
      createdBy: null,
    });
    expect(await redeemInvitation(handle.db, older, goodPassword)).toEqual({
      ok: false,
      reason: "invalid_or_expired",
    });
    expect(await redeemInvitation(handle.db, newer, goodPassword)).toEqual({
      ok: true,
      userId: user.id,
    });
  });
});

describe("redeemInvitation", () => {
  it("sets the password, activates the user and marks the invitation used", async () => {
    const { token, user } = await invitedUser();
    const at = new Date(Date.now() + 60_000);
    expect(await redeemInvitation(handle.db, token, goodPassword, at)).toEqual({
      ok: true,
      userId: user.id,
    });
    const stored = await storedUser(user.id);
    expect(stored?.status).toBe("active");
    expect(await verifyPassword(stored?.passwordHash ?? "", goodPassword)).toBe(true);
    const [invitation] = await handle.db
      .select()
      .from(invitations)
      .where(eq(invitations.id, hashToken(token)));
    expect(invitation?.usedAt?.getTime()).toBe(at.getTime());
  });

  it("works once: a second redemption is refused and changes nothing", async () => {
    const { token, user } = await invitedUser();
    expect((await redeemInvitation(handle.db, token, goodPassword)).ok).toBe(true);
    const before = await storedUser(user.id);
    expect(await redeemInvitation(handle.db, token, "another fine passphrase")).toEqual({
      ok: false,
      reason: "invalid_or_expired",
    });
    expect((await storedUser(user.id))?.passwordHash).toBe(before?.passwordHash);
  });

  it("lets only one of two concurrent redemptions through", async () => {
    const { token } = await invitedUser();
    const results = await Promise.all([
      redeemInvitation(handle.db, token, goodPassword),
      redeemInvitation(handle.db, token, "another fine passphrase"),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
  });

  it("refuses an expired invitation", async () => {
    const { token, expiresAt, user } = await invitedUser();
    expect(await redeemInvitation(handle.db, token, goodPassword, expiresAt)).toEqual({
      ok: false,
      reason: "invalid_or_expired",
    });
    expect((await storedUser(user.id))?.passwordHash).toBeNull();
  });

  it("refuses the invitation of a deactivated user", async () => {
    const { token, user } = await invitedUser();
    await handle.db.update(users).set({ status: "deactivated" }).where(eq(users.id, user.id));
    expect(await redeemInvitation(handle.db, token, goodPassword)).toEqual({
      ok: false,
      reason: "invalid_or_expired",
    });
    expect((await storedUser(user.id))?.status).toBe("deactivated");
  });

  it("refuses unknown and malformed tokens with the same answer", async () => {
    for (const token of [generateRandomToken(), "not-a-token", ""]) {
      expect(await redeemInvitation(handle.db, token, goodPassword)).toEqual({
        ok: false,
        reason: "invalid_or_expired",
      });
    }
  });

  it("refuses a weak password and leaves everything as it was", async () => {
    const { token, user } = await invitedUser();
    for (const weak of ["short", "password123", user.email, "aaaaaaaa", "        "]) {
      expect(await redeemInvitation(handle.db, token, weak)).toMatchObject({
        ok: false,
        reason: "weak_password",
        message: expect.stringMatching(/\w/),
      });
    }
    const stored = await storedUser(user.id);
    expect(stored?.status).toBe("invited");
    expect(stored?.passwordHash).toBeNull();
    const [invitation] = await handle.db
      .select()
      .from(invitations)
      .where(eq(invitations.id, hashToken(token)));
    expect(invitation?.usedAt).toBeNull();
    expect((await redeemInvitation(handle.db, token, goodPassword)).ok).toBe(true);
  });

  it("resets an active user's password and signs out their sessions", async () => {
    const user = await buildPractitioner(handle.db, {
      passwordHash: await hashPassword("old passphrase 1"),
    });
    const { token: session } = await createSession(
      handle.db,
      user.id,
      context,
      defaultSessionPolicy,
    );
    const { token } = await createInvitation(handle.db, { userId: user.id, createdBy: null });
    expect((await redeemInvitation(handle.db, token, goodPassword)).ok).toBe(true);
    expect(await validateSessionToken(handle.db, session, defaultSessionPolicy)).toBeNull();
    const stored = await storedUser(user.id);
    expect(stored?.status).toBe("active");
    expect(await verifyPassword(stored?.passwordHash ?? "", "old passphrase 1")).toBe(false);
  });
});
