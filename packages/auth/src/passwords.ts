import { type Algorithm, hash, type Options, verify } from "@node-rs/argon2";
import { commonPasswords } from "./common-passwords";

// `Algorithm` is an ambient const enum, which isolatedModules cannot read; 2 is Argon2id.
const argon2id = 2 as Algorithm;

/** OWASP's minimum for Argon2id: 19 MiB, 2 passes, 1 lane. */
export const passwordHashOptions: Options = {
  algorithm: argon2id,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
};

export const minPasswordLength = 8;
export const maxPasswordLength = 128;

export type PasswordWeakness = "too_short" | "too_long" | "too_common" | "same_as_email";

export type PasswordStrength =
  | { ok: true }
  | { ok: false; reason: PasswordWeakness; message: string };

/**
 * NFKC, as NIST SP 800-63B advises, so a password typed on another keyboard
 * or OS (composed versus decomposed accents) still matches.
 */
function normalize(password: string): string {
  return password.normalize("NFKC");
}

export function hashPassword(password: string): Promise<string> {
  return hash(normalize(password), passwordHashOptions);
}

/** False for a wrong password and for a hash that cannot be parsed; never throws. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, normalize(password));
  } catch {
    return false;
  }
}

/** A hash of a random, discarded password, made with the same parameters. */
const dummyHash =
  "$argon2id$v=19$m=19456,t=2,p=1$YQyjvC/PnZVqRmMHMosOBw$ScN6oGD3ga8wAhevPybZMh0tCdXDp4XgySIsrT6U1dw";

/**
 * Spends the time a real verification would, for an email with no account or
 * no password, so response times do not reveal which emails exist.
 */
export async function dummyPasswordVerify(password = "not the password"): Promise<false> {
  await verifyPassword(dummyHash, password);
  return false;
}

function refuse(reason: PasswordWeakness, message: string): PasswordStrength {
  return { ok: false, reason, message };
}

export function checkPasswordStrength(
  password: string,
  context: { email?: string | null } = {},
): PasswordStrength {
  const normalized = normalize(password);
  const length = [...normalized].length;
  if (length < minPasswordLength) {
    return refuse("too_short", `Use at least ${minPasswordLength} characters.`);
  }
  if (length > maxPasswordLength) {
    return refuse("too_long", `Use at most ${maxPasswordLength} characters.`);
  }
  const lowered = normalized.toLowerCase();
  if (commonPasswords.has(lowered)) {
    return refuse("too_common", "This password is too common. Choose one that is harder to guess.");
  }
  const email = context.email?.trim().toLowerCase();
  if (email && (lowered.trim() === email || lowered.trim() === email.split("@")[0])) {
    return refuse("same_as_email", "Do not use your email address as your password.");
  }
  return { ok: true };
}
