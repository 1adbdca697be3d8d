import { type DatabaseHandle, users } from "@teamaround/db";
import { openTestDatabase } from "@teamaround/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPractitioner } from "./test-support";
import {
  beginTotpEnrolment,
  claimTotpStep,
  confirmTotpEnrolment,
  createTotpKey,
  decodeTotpKey,
  encodeTotpKey,
  totpCodeForStep,
  totpKeyUri,
  totpStep,
  verifyTotpCode,
  verifyUserTotp,
} from "./totp";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(() => handle.close());

const now = new Date("2030-03-04T10:00:15Z");
const step = totpStep(now);
const at = (s: number) => new Date(s * 30_000 + 5_000);

describe("verifyTotpCode", () => {
  const key = createTotpKey();

  it("matches RFC 6238's SHA-1 test vectors", () => {
    const rfcKey = new TextEncoder().encode("12345678901234567890");
    expect(totpCodeForStep(rfcKey, totpStep(new Date(59_000)))).toBe("287082");
    expect(totpCodeForStep(rfcKey, totpStep(new Date(1_111_111_109_000)))).toBe("081804");
  });

  it("accepts the current code and reports its step", () => {
    expect(verifyTotpCode(key, totpCodeForStep(key, step), null, now)).toEqual({ ok: true, step });
  });

  it("refuses a wrong code and malformed input", () => {
    const right = totpCodeForStep(key, step);
    const wrong = right === "000000" ? "000001" : "000000";
    for (const code of [wrong, "12345", "1234567", "abcdef", ` ${right}`, ""]) {
      expect(verifyTotpCode(key, code, null, now)).toEqual({ ok: false });
    }
  });

  it("accepts one step of clock drift either way", () => {
    expect(verifyTotpCode(key, totpCodeForStep(key, step - 1), null, now)).toEqual({
      ok: true,
      step: step - 1,
    });
    expect(verifyTotpCode(key, totpCodeForStep(key, step + 1), null, now)).toEqual({
      ok: true,
      step: step + 1,
    });
  });

  it("refuses two steps of drift", () => {
    expect(verifyTotpCode(key, totpCodeForStep(key, step - 2), null, now).ok).toBe(false);
    expect(verifyTotpCode(key, totpCodeForStep(key, step + 2), null, now).ok).toBe(false);
  });

  it("refuses a code whose step is at or before the last one used", () => {
    expect(verifyTotpCode(key, totpCodeForStep(key, step), step, now).ok).toBe(false);
    expect(verifyTotpCode(key, totpCodeForStep(key, step - 1), step, now).ok).toBe(false);
    expect(verifyTotpCode(key, totpCodeForStep(key, step + 1), step, now).ok).toBe(true);
  });

  it("refuses a code made with another key", () => {
    expect(verifyTotpCode(key, totpCodeForStep(createTotpKey(), step), null, now).ok).toBe(false);
  });
});

describe("keys", () => {
  it("are 20 random bytes, stored as base64", () => {
    const key = createTotpKey();
    expect(key).toHaveLength(20);
    expect(decodeTotpKey(encodeTotpKey(key))).toEqual(key);
    expect(createTotpKey()).not.toEqual(key);
  });

  it("make an otpauth URI for authenticator apps", () => {
    const uri = new URL(totpKeyUri({ accountName: "sam@example.test", key: createTotpKey() }));
    expect(uri.protocol).toBe("otpauth:");
    expect(decodeURIComponent(uri.pathname)).toContain("Teamaround:sam@example.test");
    expect(uri.searchParams.get("issuer")).toBe("Teamaround");
    expect(uri.searchParams.get("digits")).toBe("6");
    expect(uri.searchParams.get("period")).toBe("30");
    expect(uri.searchParams.get("secret")).toMatch(/^[A-Z2-7]{32}$/);
  });
});

async function storedUser(id: string) {
  const [row] = await handle.db.select().from(users).where(eq(users.id, id));
  return row;
}

/** A user who has finished enrolment at step `s`, with the key to make codes. */
async function enrolledUser(s = step) {
  const user = await buildPractitioner(handle.db);
  const { key } = await beginTotpEnrolment(handle.db, user.id);
  expect(await confirmTotpEnrolment(handle.db, user.id, totpCodeForStep(key, s), at(s))).toEqual({
    ok: true,
  });
  return { user, key };
}

describe("enrolment", () => {
  it("stores a pending key and confirms it with a code from that key", async () => {
    const user = await buildPractitioner(handle.db);
    const { key, uri } = await beginTotpEnrolment(handle.db, user.id);
    expect(uri).toContain(encodeURIComponent(user.email));
    const pending = await storedUser(user.id);
    expect(pending?.totpPendingKey).toBe(encodeTotpKey(key));
    expect(pending?.totpKey).toBeNull();

    const result = await confirmTotpEnrolment(handle.db, user.id, totpCodeForStep(key, step), now);
    expect(result).toEqual({ ok: true });
    const confirmed = await storedUser(user.id);
    expect(confirmed?.totpKey).toBe(encodeTotpKey(key));
    expect(confirmed?.totpPendingKey).toBeNull();
    expect(confirmed?.totpLastStep).toBe(step);
  });

  it("refuses a wrong confirmation code and keeps the key pending", async () => {
    const user = await buildPractitioner(handle.db);
    const { key } = await beginTotpEnrolment(handle.db, user.id);
    const wrong = totpCodeForStep(key, step + 5);
    expect(await confirmTotpEnrolment(handle.db, user.id, wrong, now)).toEqual({ ok: false });
    const stored = await storedUser(user.id);
    expect(stored?.totpKey).toBeNull();
    expect(stored?.totpPendingKey).toBe(encodeTotpKey(key));
  });

  it("refuses confirmation with nothing pending", async () => {
    const user = await buildPractitioner(handle.db);
    expect(await confirmTotpEnrolment(handle.db, user.id, "123456", now)).toEqual({ ok: false });
  });

  it("keeps the enrolled key working until a new one is confirmed", async () => {
    const { user, key } = await enrolledUser();
    const { key: next } = await beginTotpEnrolment(handle.db, user.id);
    const later = at(step + 4);
    expect(await verifyUserTotp(handle.db, user.id, totpCodeForStep(key, step + 4), later)).toEqual(
      {
        ok: true,
      },
    );
    expect(
      await confirmTotpEnrolment(handle.db, user.id, totpCodeForStep(next, step + 8), at(step + 8)),
    ).toEqual({ ok: true });
    expect((await storedUser(user.id))?.totpKey).toBe(encodeTotpKey(next));
  });
});

describe("verifyUserTotp", () => {
  it("accepts a fresh code and records its step", async () => {
    const { user, key } = await enrolledUser();
    const code = totpCodeForStep(key, step + 2);
    expect(await verifyUserTotp(handle.db, user.id, code, at(step + 2))).toEqual({ ok: true });
    expect((await storedUser(user.id))?.totpLastStep).toBe(step + 2);
  });

  it("refuses a code a second time", async () => {
    const { user, key } = await enrolledUser();
    const code = totpCodeForStep(key, step + 2);
    expect((await verifyUserTotp(handle.db, user.id, code, at(step + 2))).ok).toBe(true);
    expect((await verifyUserTotp(handle.db, user.id, code, at(step + 2))).ok).toBe(false);
  });

  it("refuses the code used to confirm enrolment", async () => {
    const { user, key } = await enrolledUser();
    expect((await verifyUserTotp(handle.db, user.id, totpCodeForStep(key, step), now)).ok).toBe(
      false,
    );
  });

  it("lets only one of two concurrent uses of a code through", async () => {
    const { user, key } = await enrolledUser();
    const code = totpCodeForStep(key, step + 3);
    const results = await Promise.all([
      verifyUserTotp(handle.db, user.id, code, at(step + 3)),
      verifyUserTotp(handle.db, user.id, code, at(step + 3)),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
  });

  it("claims each step once, so a stale read cannot reuse a code", async () => {
    const { user } = await enrolledUser();
    const stored = (await storedUser(user.id))?.totpKey ?? "";
    expect(await claimTotpStep(handle.db, user.id, stored, step + 3)).toBe(true);
    expect(await claimTotpStep(handle.db, user.id, stored, step + 3)).toBe(false);
    expect(await claimTotpStep(handle.db, user.id, stored, step + 2)).toBe(false);
    expect(await claimTotpStep(handle.db, user.id, "another key", step + 4)).toBe(false);
    expect((await storedUser(user.id))?.totpLastStep).toBe(step + 3);
  });

  it("refuses a wrong code and a user without TOTP", async () => {
    const { user, key } = await enrolledUser();
    const wrong = totpCodeForStep(key, step + 9);
    expect((await verifyUserTotp(handle.db, user.id, wrong, at(step + 2))).ok).toBe(false);
    const plain = await buildPractitioner(handle.db);
    expect((await verifyUserTotp(handle.db, plain.id, "123456", now)).ok).toBe(false);
  });
});
