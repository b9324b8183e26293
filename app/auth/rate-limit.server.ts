import { RateLimiterDrizzle, RateLimiterRes } from "rate-limiter-flexible";
import type { Db } from "../../db/client";
import { rateLimits } from "../../db/schema";
import { DomainError } from "../errors";

const minute = 60;

/**
 * The limits (docs/decisions/005-rate-limits-in-the-database.md). A workshop room of several
 * hundred phones may share one public IP address, so the join limit per IP is generous; it stops
 * scripts that create participants by the thousand, not a full room.
 */
const limits = {
  loginPerIpAndAccount: { keyPrefix: "login_ip_account", points: 10, duration: 15 * minute },
  loginPerIp: { keyPrefix: "login_ip", points: 100, duration: 60 * minute },
  joinPerIp: { keyPrefix: "join_ip", points: 600, duration: 10 * minute },
} as const;

type Limiters = Record<keyof typeof limits, RateLimiterDrizzle>;

// One set per database, so every process on the same database counts the same attempts.
const limitersByDb = new WeakMap<Db, Limiters>();

function limitersFor(db: Db): Limiters {
  let limiters = limitersByDb.get(db);
  if (!limiters) {
    const make = (options: (typeof limits)[keyof typeof limits]) =>
      new RateLimiterDrizzle({ storeClient: db, schema: rateLimits, ...options });
    limiters = {
      loginPerIpAndAccount: make(limits.loginPerIpAndAccount),
      loginPerIp: make(limits.loginPerIp),
      joinPerIp: make(limits.joinPerIp),
    };
    limitersByDb.set(db, limiters);
  }
  return limiters;
}

async function consume(limiter: RateLimiterDrizzle, key: string): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    const minutes = Math.max(1, Math.ceil(rejection.msBeforeNext / 60_000));
    throw new DomainError("rate_limited", "auth:error.rateLimited", {}, { count: minutes });
  }
}

const accountKey = (ip: string, email: string) => `${ip}|${email.trim().toLowerCase()}`;

/** Counts a sign-in attempt (or a check of the current password); throws `rate_limited` beyond the limit. */
export async function limitLogin(db: Db, ip: string, email: string): Promise<void> {
  const limiters = limitersFor(db);
  await consume(limiters.loginPerIp, ip);
  await consume(limiters.loginPerIpAndAccount, accountKey(ip, email));
}

/** A successful sign-in forgives that account's failed attempts and does not count against the IP. */
export async function loginSucceeded(db: Db, ip: string, email: string): Promise<void> {
  const limiters = limitersFor(db);
  await limiters.loginPerIpAndAccount.delete(accountKey(ip, email));
  await limiters.loginPerIp.reward(ip, 1);
}

/** For the join flow: call once per join attempt; throws a `rate_limited` DomainError beyond the limit. */
export async function limitJoin(db: Db, ip: string): Promise<void> {
  await consume(limitersFor(db).joinPerIp, ip);
}
