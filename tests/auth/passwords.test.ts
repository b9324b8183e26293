import { describe, expect, it } from "vitest";
import {
  generatePassword,
  hashPassword,
  passwordProblem,
  verifyPassword,
} from "../../app/auth/passwords.server";
import { hashSecret, newSecret, secretMatches, splitToken } from "../../app/auth/tokens.server";

describe("passwords", () => {
  it("hashes with argon2id, 19 MiB, two passes, one lane", async () => {
    const hash = await hashPassword("a long enough passphrase");
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hash, "a long enough passphrase")).toBe(true);
    expect(await verifyPassword(hash, "a long enough passphrasE")).toBe(false);
  });

  it("never accepts a login without a stored hash", async () => {
    expect(await verifyPassword(null, "anything at all")).toBe(false);
  });

  it("requires ten characters and refuses common passwords, also with digits appended", () => {
    expect(passwordProblem("kurz-9")).toBe("auth:password.tooShort");
    expect(passwordProblem("x".repeat(201))).toBe("auth:password.tooLong");
    for (const common of ["passwort123", "qwertyuiop", "1234567890", "Sommer2024!", "Sonnenschein", "Dragon123456"]) {
      expect(passwordProblem(common), common).toBe("auth:password.common");
    }
    expect(passwordProblem("Gelbe Tulpen am Kesselbrink")).toBeNull();
  });

  it("generates passwords that pass its own rules and differ every time", () => {
    const first = generatePassword();
    expect(first).toMatch(/^[a-z2-7]{5}(-[a-z2-7]{5}){3}$/);
    expect(passwordProblem(first)).toBeNull();
    expect(generatePassword()).not.toBe(first);
  });
});

describe("tokens", () => {
  it("stores only a SHA-256 of the secret and compares it", () => {
    const secret = newSecret();
    expect(secret).toMatch(/^[a-z2-7]{32}$/);
    const stored = hashSecret(secret);
    expect(stored).toMatch(/^[0-9a-f]{64}$/);
    expect(stored).not.toContain(secret);
    expect(secretMatches(secret, stored)).toBe(true);
    expect(secretMatches(newSecret(), stored)).toBe(false);
    expect(secretMatches(secret, "not a hash")).toBe(false);
  });

  it("reads only the id.secret shape", () => {
    const secret = newSecret();
    expect(splitToken(`abc.${secret}`)).toEqual({ id: "abc", secret });
    for (const bad of [null, "", "abc", `abc.${secret}x`, `a b.${secret}`, `abc.${secret.toUpperCase()}`, `.${secret}`]) {
      expect(splitToken(bad), String(bad)).toBeNull();
    }
  });
});
