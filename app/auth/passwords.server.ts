import { hash, verify } from "@node-rs/argon2";
import commonPasswords from "./common-passwords.json";
import { randomToken } from "./tokens.server";

// The library's default algorithm is argon2id; the parameters are OWASP's minimum for it.
const argon2Options = { memoryCost: 19456, timeCost: 2, outputLen: 32, parallelism: 1 };

const passwordMinLength = 10;
export const passwordMaxLength = 200;

export function hashPassword(password: string): Promise<string> {
  return hash(password, argon2Options);
}

let dummyHash: Promise<string> | undefined;

/**
 * Without a stored hash (unknown e-mail) a dummy hash is verified anyway, so the answer takes as
 * long as for a wrong password and does not reveal which addresses have accounts.
 */
export async function verifyPassword(storedHash: string | null, password: string): Promise<boolean> {
  dummyHash ??= hashPassword(randomToken(20));
  const valid = await verify(storedHash ?? (await dummyHash), password);
  return storedHash !== null && valid;
}

// The top 1,000 of SecLists' "10-million-password-list" plus its German common-password list
// (github.com/danielmiessler/SecLists, MIT), lower-cased.
const common = new Set<string>(commonPasswords);

/**
 * A password is too common when it, or what is left of it without trailing digits and symbols
 * ("Sommer2024!" → "sommer"), is on the list.
 */
function isCommon(password: string): boolean {
  const lower = password.toLowerCase();
  const stem = lower.replace(/[\d\W_]+$/u, "");
  return common.has(lower) || (stem.length > 0 && common.has(stem));
}

/** The locale key of what is wrong with a new password, or null when it will do. */
export function passwordProblem(password: string): string | null {
  if ([...password].length < passwordMinLength) return "auth:password.tooShort";
  if ([...password].length > passwordMaxLength) return "auth:password.tooLong";
  if (isCommon(password)) return "auth:password.common";
  return null;
}

/** 100 random bits in four groups, easy to read out once and type. */
export function generatePassword(): string {
  return randomToken(13).slice(0, 20).match(/.{5}/g)!.join("-");
}
