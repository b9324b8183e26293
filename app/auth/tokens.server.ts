import { sha256 } from "@oslojs/crypto/sha2";
import { constantTimeEqual } from "@oslojs/crypto/subtle";
import { decodeHex, encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from "@oslojs/encoding";

/**
 * Tokens follow the Lucia guide: `id.secret`, where the id finds the row and only a SHA-256 hash
 * of the secret is stored, so a leaked table does not let anyone sign in.
 */
export function randomToken(bytes: number): string {
  const buffer = new Uint8Array(bytes);
  crypto.getRandomValues(buffer);
  return encodeBase32LowerCaseNoPadding(buffer);
}

/** 160 bits: guessing a secret is hopeless even with the id known. */
export const newSecret = () => randomToken(20);

export function hashSecret(secret: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(secret)));
}

export function secretMatches(secret: string, storedHash: string): boolean {
  const expected = /^[0-9a-f]{64}$/.test(storedHash) ? decodeHex(storedHash) : new Uint8Array(32);
  return constantTimeEqual(sha256(new TextEncoder().encode(secret)), expected);
}

const tokenShape = /^([A-Za-z0-9-]{1,64})\.([a-z2-7]{32})$/;

/** Splits a cookie value; anything that is not `id.secret` is no token at all. */
export function splitToken(value: string | null | undefined): { id: string; secret: string } | null {
  const match = value ? tokenShape.exec(value) : null;
  return match ? { id: match[1]!, secret: match[2]! } : null;
}
