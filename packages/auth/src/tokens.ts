import { sha256 } from "@oslojs/crypto/sha2";
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from "@oslojs/encoding";

/** 20 bytes = 160 bits of entropy, which encodes to exactly 32 base32 characters. */
const tokenBytes = 20;
const tokenPattern = /^[a-z2-7]{32}$/;

export function generateRandomToken(): string {
  const bytes = new Uint8Array(tokenBytes);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

/** What the database stores in place of a token: its SHA-256, hex-encoded. */
export function hashToken(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

/** Lets callers refuse garbage without spending a query on it. */
export function isWellFormedToken(token: string): boolean {
  return tokenPattern.test(token);
}
