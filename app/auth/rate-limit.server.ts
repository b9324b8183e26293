import { RateLimiterDrizzle, RateLimiterRes } from "rate-limiter-flexible";
import type { Db } from "../../db/client";
import { rateLimits } from "../../db/schema";
import { DomainError } from "../errors";

const minute = 60;
const day = 24 * 60 * minute;

/**
 * The limits (docs/decisions/005-rate-limits-in-the-database.md). A workshop room of several
 * hundred phones may share one public IP address, so the join limit per IP is generous; it stops
 * scripts that create participants by the thousand, not a full room.
 */
const limits = {
  loginPerIpAndAccount: { keyPrefix: "login_ip_account", points: 10, duration: 15 * minute },
  loginPerIp: { keyPrefix: "login_ip", points: 100, duration: 60 * minute },
  joinPerIp: { keyPrefix: "join_ip", points: 600, duration: 10 * minute },
  /*
   * Every answer to a join-code look-up tells whether that code is live, so look-ups are counted
   * too. A phone looks a code up two or three times on its way in (the code form, the short link,
   * the page again after a refused form): three per join the join limit allows keeps a full room
   * behind one school or venue address able to get in. The daily cap still allows several such
   * rooms a day, yet at 20,000 guesses a day one address needs over ten years to hit one of
   * ten running sessions among the 31^6 (887 million) codes.
   */
  joinCodePerIp: { keyPrefix: "join_code_ip", points: 1800, duration: 10 * minute },
  joinCodePerIpAndDay: { keyPrefix: "join_code_ip_day", points: 20_000, duration: day },
  // A person reports a barrier or two; a script filling the admins' list is stopped.
  accessibilityReportPerIp: { keyPrefix: "accessibility_report_ip", points: 5, duration: 60 * minute },
} as const;

/*
 * Comments and proposals (issue 9.12): every one reaches every phone and the projector. Thirty in
 * ten minutes is more than anyone types in a workshop, yet stops a script at the 31st. The
 * session's cap keeps a room of thousands readable on the projector (about three a second).
 */
const contributionLimits = {
  perParticipant: { keyPrefix: "contribution_participant", points: 30, duration: 10 * minute },
  perSession: { keyPrefix: "contribution_session", points: 2000, duration: 10 * minute },
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
      joinCodePerIp: make(limits.joinCodePerIp),
      joinCodePerIpAndDay: make(limits.joinCodePerIpAndDay),
      accessibilityReportPerIp: make(limits.accessibilityReportPerIp),
    };
    limitersByDb.set(db, limiters);
  }
  return limiters;
}

/** The writer's transaction: what the command stores and what it counts commit or roll back together. */
type Writer = Pick<Db, "insert" | "select" | "delete">;

async function consume(limiter: RateLimiterDrizzle, key: string, messageKey = "auth:error.rateLimited"): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    const minutes = Math.max(1, Math.ceil(rejection.msBeforeNext / 60_000));
    const seconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
    throw new DomainError("rate_limited", messageKey, {}, { count: minutes }, seconds);
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

/** For looking up a join code: call once per look-up; throws a `rate_limited` DomainError beyond the limit. */
export async function limitJoinCodeLookUp(db: Db, ip: string): Promise<void> {
  const limiters = limitersFor(db);
  await consume(limiters.joinCodePerIp, ip, "live:error.tooManyCodes");
  await consume(limiters.joinCodePerIpAndDay, ip, "live:error.tooManyCodes");
}

/**
 * Counts one stored comment or proposal inside the command's transaction (docs/decisions/005):
 * a refusal rolls back the text with its point, and a re-sent one that was stored before never
 * reaches this. Throws `rate_limited` beyond the participant's or the session's limit.
 */
export async function limitContribution(tx: Writer, participantId: string, liveSessionId: string): Promise<void> {
  // A limiter per transaction: cheap, and expired rows are cleared by the database-wide limiters above.
  const make = (options: (typeof contributionLimits)[keyof typeof contributionLimits]) =>
    new RateLimiterDrizzle({ storeClient: tx, schema: rateLimits, clearExpiredByTimeout: false, ...options });
  await consume(make(contributionLimits.perParticipant), participantId, "live:error.tooManyContributions");
  await consume(make(contributionLimits.perSession), liveSessionId, "live:error.sessionBusy");
}

/** For the accessibility statement's form: call once per report; throws a `rate_limited` DomainError beyond the limit. */
export async function limitAccessibilityReport(db: Db, ip: string): Promise<void> {
  await consume(limitersFor(db).accessibilityReportPerIp, ip, "accessibility:feedback.rateLimited");
}
