import { type Algorithm, hash, type Options, verify } from "@node-rs/argon2";
import type { ZxcvbnFactory } from "@zxcvbn-ts/core";
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

/**
 * zxcvbn's 0–4 score; 3 means at least 10^8 guesses, which with Argon2id and
 * the sign-in throttle puts online guessing out of reach.
 */
export const minPasswordScore = 3;

export type PasswordWeakness =
  | "too_short"
  | "too_long"
  | "control_characters"
  | "too_common"
  | "same_as_email"
  | "too_guessable";

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
export const dummyPasswordHash =
  "$argon2id$v=19$m=19456,t=2,p=1$YQyjvC/PnZVqRmMHMosOBw$ScN6oGD3ga8wAhevPybZMh0tCdXDp4XgySIsrT6U1dw";

/**
 * Spends the time a real verification would, for an email with no account or
 * no password, so response times do not reveal which emails exist.
 */
export async function dummyPasswordVerify(password = "not the password"): Promise<false> {
  await verifyPassword(dummyPasswordHash, password);
  return false;
}

function refuse(reason: PasswordWeakness, message: string): PasswordStrength {
  return { ok: false, reason, message };
}

let estimator: Promise<ZxcvbnFactory> | undefined;

/**
 * Loaded on the first check and kept: the dictionaries take some 20 MB, which
 * a process that never sets a password (the realtime server) should not carry.
 */
function guessabilityEstimator(): Promise<ZxcvbnFactory> {
  estimator ??= Promise.all([import("@zxcvbn-ts/core"), import("@zxcvbn-ts/language-common")]).then(
    ([{ ZxcvbnFactory }, { adjacencyGraphs, dictionary }]) =>
      new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs }),
  );
  return estimator;
}

/** Any C0 or C1 control character (NUL, tab, newline, escape, DEL …). */
const controlCharacter = /\p{Cc}/u;

const guessableMessage =
  "This password would be easy to guess (a repeat, a sequence, a keyboard pattern or common words). " +
  "Try three or four unrelated words.";

export async function checkPasswordStrength(
  password: string,
  context: { email?: string | null } = {},
): Promise<PasswordStrength> {
  const normalized = normalize(password);
  const length = [...normalized].length;
  if (length < minPasswordLength) {
    return refuse("too_short", `Use at least ${minPasswordLength} characters.`);
  }
  if (length > maxPasswordLength) {
    return refuse("too_long", `Use at most ${maxPasswordLength} characters.`);
  }
  if (controlCharacter.test(normalized)) {
    return refuse("control_characters", "Use letters, numbers, spaces and symbols only.");
  }
  const lowered = normalized.toLowerCase();
  if (commonPasswords.has(lowered)) {
    return refuse("too_common", "This password is too common. Choose one that is harder to guess.");
  }
  const email = context.email?.trim().toLowerCase();
  const localPart = email?.split("@")[0];
  if (email && (lowered.trim() === email || lowered.trim() === localPart)) {
    return refuse("same_as_email", "Do not use your email address as your password.");
  }
  const userInputs = [email, localPart, "teamaround"].filter((w): w is string => Boolean(w));
  const estimate = (await guessabilityEstimator()).check(normalized, userInputs);
  if (estimate.score < minPasswordScore) {
    return refuse("too_guessable", guessableMessage);
  }
  return { ok: true };
}
