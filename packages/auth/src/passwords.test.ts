import { verify } from "@node-rs/argon2";
import { describe, expect, it } from "vitest";
import { commonPasswords } from "./common-passwords";
import {
  checkPasswordStrength,
  dummyPasswordHash,
  dummyPasswordVerify,
  hashPassword,
  passwordHashOptions,
  verifyPassword,
} from "./passwords";

const varied128 = Array.from(
  { length: 128 },
  (_, i) => "abcdefghijklmnopqrstuvwxyz0123456789"[(i * 7 + i * i) % 36],
).join("");

describe("checkPasswordStrength", () => {
  it.each([
    ["7 characters", "k9#Fq2!", { ok: false, reason: "too_short" }],
    // Eight characters are allowed, but eight ASCII ones guess in 10^8 tries: too few.
    ["8 ASCII characters", "k9#Fq2!x", { ok: false, reason: "too_guessable" }],
    ["9 unpredictable characters", "k9#Fq2!xP", { ok: true }],
    ["128 characters", varied128, { ok: true }],
    ["129 characters", `${varied128}z`, { ok: false, reason: "too_long" }],
    ["empty", "", { ok: false, reason: "too_short" }],
  ])("%s", async (_, password, expected) => {
    expect(await checkPasswordStrength(password)).toMatchObject(expected);
  });

  it("counts code points, not UTF-16 units", async () => {
    // Seven emoji are 14 UTF-16 units but only seven characters.
    expect(await checkPasswordStrength("🐙🦊🐢🦉🐝🦀🐬")).toMatchObject({ reason: "too_short" });
    expect(await checkPasswordStrength("🐙🦊🐢🦉🐝🦀🐬🐌")).toEqual({ ok: true });
    expect(await checkPasswordStrength("🐙🦊🐢🦉🐝🦀🐬🐌".repeat(16))).toEqual({ ok: true });
    expect(await checkPasswordStrength(`${"🐙🦊🐢🦉🐝🦀🐬🐌".repeat(16)}🐙`)).toMatchObject({
      reason: "too_long",
    });
  });

  it("accepts non-Latin passwords", async () => {
    expect(await checkPasswordStrength("Grüße aus Köln")).toEqual({ ok: true });
    expect(await checkPasswordStrength("пароль-Лондон")).toEqual({ ok: true });
  });

  it.each([
    ["eight identical characters", "aaaaaaaa"],
    ["eight spaces", "        "],
    ["a repeated pair", "abababab"],
    ["a sequence", "mnopqrst"],
    ["a repeated group of digits", "76547654"],
    ["a keyboard row", "zxcvbnm,"],
    ["an unusual case of a repeat", "aaaaaaaA"],
  ])("refuses %s as too easy to guess", async (_, password) => {
    expect(await checkPasswordStrength(password)).toMatchObject({
      ok: false,
      reason: "too_guessable",
      message: expect.stringMatching(/easy to guess/),
    });
  });

  it.each([
    ["eight NULs", "\u0000".repeat(8)],
    ["eight escapes", "\u001b".repeat(8)],
    ["a tab inside a good passphrase", "correct horse\tbattery staple"],
    ["a newline at the end", "correct horse battery staple\n"],
    ["a C1 control", "correct horse\u0085battery staple"],
    ["DEL", "correct horse battery staple\u007f"],
  ])("refuses control characters: %s", async (_, password) => {
    expect(await checkPasswordStrength(password)).toMatchObject({
      ok: false,
      reason: "control_characters",
    });
  });

  it("accepts the demo password and the passwords the test suites use", async () => {
    for (const password of [
      "demo-password-2026",
      "correct horse battery staple",
      "a long and unusual passphrase",
      "another long passphrase",
      "a long family passphrase",
      "a real password",
    ]) {
      expect(await checkPasswordStrength(password), password).toEqual({ ok: true });
    }
  });

  it("refuses common passwords whatever their case", async () => {
    expect(await checkPasswordStrength("password1")).toMatchObject({
      ok: false,
      reason: "too_common",
    });
    expect(await checkPasswordStrength("PassWord123")).toMatchObject({ reason: "too_common" });
    expect(await checkPasswordStrength("Teamaround1")).toMatchObject({ reason: "too_common" });
    expect(commonPasswords.size).toBeGreaterThanOrEqual(100);
  });

  it("refuses the user's email address", async () => {
    const email = "jo.bloggs@example.test";
    expect(await checkPasswordStrength("Jo.Bloggs@Example.test", { email })).toMatchObject({
      reason: "same_as_email",
    });
    expect(await checkPasswordStrength("jo.bloggs", { email })).toMatchObject({
      reason: "same_as_email",
    });
    expect(await checkPasswordStrength("jo.bloggs rides bikes", { email })).toEqual({ ok: true });
    // The estimator knows the address too, so a small change to it is no better.
    expect(await checkPasswordStrength("jo.bloggs1", { email })).toMatchObject({
      reason: "too_guessable",
    });
  });

  it("gives a message a person can act on", async () => {
    const result = await checkPasswordStrength("short");
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

  // Judged by the hash it verifies against, not by a stopwatch: the work an
  // Argon2id verification does is fixed by the parameters in the hash.
  it("dummyPasswordVerify verifies against a well-formed hash made with the same parameters", async () => {
    const real = await hashPassword("a real password");
    const parts = (encoded: string) => {
      const [, algorithm, version, parameters, salt, digest] = encoded.split("$");
      return {
        algorithm,
        version,
        parameters,
        saltLength: salt?.length,
        digestLength: digest?.length,
      };
    };
    expect(parts(dummyPasswordHash)).toEqual(parts(real));
    expect(parts(dummyPasswordHash).parameters).toBe(
      `m=${passwordHashOptions.memoryCost},t=${passwordHashOptions.timeCost},p=${passwordHashOptions.parallelism}`,
    );
    // The library throws on a hash it cannot parse; resolving false means it ran the verification.
    await expect(verify(dummyPasswordHash, "a wrong password")).resolves.toBe(false);
    expect(await dummyPasswordVerify("a wrong password")).toBe(false);
    expect(await dummyPasswordVerify()).toBe(false);
  });
});
