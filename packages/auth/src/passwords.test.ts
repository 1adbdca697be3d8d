import { describe, expect, it } from "vitest";
import { commonPasswords } from "./common-passwords";
import {
  checkPasswordStrength,
  dummyPasswordVerify,
  hashPassword,
  passwordHashOptions,
  verifyPassword,
} from "./passwords";

describe("checkPasswordStrength", () => {
  it.each([
    ["7 characters", "xqzvbnw", { ok: false, reason: "too_short" }],
    ["8 characters", "xqzvbnw7", { ok: true }],
    ["128 characters", "xq7z".repeat(32), { ok: true }],
    ["129 characters", "xq7".repeat(43), { ok: false, reason: "too_long" }],
    ["empty", "", { ok: false, reason: "too_short" }],
  ])("%s", (_, password, expected) => {
    expect(checkPasswordStrength(password)).toMatchObject(expected);
  });

  it("counts code points, not UTF-16 units", () => {
    // Seven emoji are 14 UTF-16 units but only seven characters.
    expect(checkPasswordStrength("🐙🦊🐢🦉🐝🦀🐬")).toMatchObject({ reason: "too_short" });
    expect(checkPasswordStrength("🐙🦊🐢🦉🐝🦀🐬🐌")).toEqual({ ok: true });
    expect(checkPasswordStrength("🐙".repeat(128))).toEqual({ ok: true });
    expect(checkPasswordStrength("🐙".repeat(129))).toMatchObject({ reason: "too_long" });
  });

  it("accepts non-Latin passwords", () => {
    expect(checkPasswordStrength("Grüße aus Köln")).toEqual({ ok: true });
    expect(checkPasswordStrength("пароль-Лондон")).toEqual({ ok: true });
  });

  it("refuses common passwords whatever their case", () => {
    expect(checkPasswordStrength("password1")).toMatchObject({ ok: false, reason: "too_common" });
    expect(checkPasswordStrength("PassWord123")).toMatchObject({ reason: "too_common" });
    expect(checkPasswordStrength("Teamaround1")).toMatchObject({ reason: "too_common" });
    expect(commonPasswords.size).toBeGreaterThanOrEqual(100);
  });

  it("refuses the user's email address", () => {
    const email = "jo.bloggs@example.test";
    expect(checkPasswordStrength("Jo.Bloggs@Example.test", { email })).toMatchObject({
      reason: "same_as_email",
    });
    expect(checkPasswordStrength("jo.bloggs", { email })).toMatchObject({
      reason: "same_as_email",
    });
    expect(checkPasswordStrength("jo.bloggs rides bikes", { email })).toEqual({ ok: true });
  });

  it("gives a message a person can act on", () => {
    const result = checkPasswordStrength("short");
    expect(result.ok ? "" : result.message).toMatch(/8 characters/);
  });
});

describe("hashPassword and verifyPassword", () => {
  it("hashes with Argon2id at OWASP's parameters and verifies", async () => {
    const hash = await hashPassword("correct horse battery staple");
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(passwordHashOptions.memoryCost).toBe(19456);
    expect(await verifyPassword(hash, "correct horse battery staple")).toBe(true);
    expect(await verifyPassword(hash, "correct horse battery stapler")).toBe(false);
  });

  it("salts every hash", async () => {
    const [a, b] = await Promise.all([
      hashPassword("same password"),
      hashPassword("same password"),
    ]);
    expect(a).not.toBe(b);
  });

  it("treats composed and decomposed accents as the same password", async () => {
    const composed = "caf\u00e9 au lait";
    const decomposed = "cafe\u0301 au lait";
    const hash = await hashPassword(composed);
    expect(await verifyPassword(hash, decomposed)).toBe(true);
  });

  it.each([
    "",
    "not a hash",
    "$argon2id$v=19$m=19456,t=2,p=1$broken",
    "$2b$10$abcdefghijklmnopqrstuu",
  ])("returns false for the malformed hash %j", async (hash) => {
    expect(await verifyPassword(hash, "anything")).toBe(false);
  });

  it("dummyPasswordVerify runs a real Argon2id verification", async () => {
    const hash = await hashPassword("a real password");
    const fastest = async (work: () => Promise<unknown>) => {
      const times: number[] = [];
      for (let i = 0; i < 3; i++) {
        const start = performance.now();
        await work();
        times.push(performance.now() - start);
      }
      return Math.min(...times);
    };
    const real = await fastest(() => verifyPassword(hash, "a wrong password"));
    const dummy = await fastest(() => dummyPasswordVerify("a wrong password"));
    const malformed = await fastest(() => verifyPassword("not a hash", "a wrong password"));
    expect(await dummyPasswordVerify()).toBe(false);
    expect(dummy).toBeGreaterThan(real / 3);
    expect(dummy).toBeGreaterThan(malformed * 10);
  });
});
