import { and, asc, eq, inArray, isNull, lt, or, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { decisionMails, decisions } from "../../db/schema";
import { mailRecipient, withNotifyEmail } from "../auth/notify-email.server";
import type { Tx } from "../catalogue/revisions.server";
import { getConference } from "../conferences/conferences.server";
import { authorsOf } from "../live/input-authors.server";
import { isLanguage, fallbackLanguage } from "../i18n/config";
import { i18nServer } from "../i18n/i18n.server";
import { logError } from "../log.server";
import type { Mailer } from "../mail.server";

/** A mail is tried this often; a server still refusing after that gets the log's attention instead. */
export const maxMailAttempts = 5;
const batchSize = 20;

/**
 * In the decide transaction: one mail for each participant with an address whose input these
 * decisions answer (the proposal they made or one merged into it, the comment they wrote, or the
 * measure they voted on or commented on). A participant named by several of the decisions gets
 * one mail. Sent after the commit by deliverDecisionMails (docs/decisions/031).
 */
export async function enqueueDecisionMails(tx: Tx, decisionIds: string[], origin: string): Promise<number> {
  if (decisionIds.length === 0) return 0;
  const decided = await tx
    .select({ id: decisions.id, proposalId: decisions.proposalId, agendaItemId: decisions.agendaItemId, commentId: decisions.commentId })
    .from(decisions)
    .where(inArray(decisions.id, decisionIds));
  const recipients = new Map<string, string>();
  const add = (decisionId: string, ids: string[]) => ids.forEach((id) => !recipients.has(id) && recipients.set(id, decisionId));
  for (const d of decided) {
    const input = d.proposalId ? { proposalId: d.proposalId } : d.commentId ? { commentId: d.commentId } : { agendaItemId: d.agendaItemId! };
    add(d.id, await authorsOf(tx, input));
  }
  const withAddress = await withNotifyEmail(tx, [...recipients.keys()]);
  if (withAddress.length === 0) return 0;
  const rows = await tx
    .insert(decisionMails)
    .values(withAddress.map((id) => ({ participantId: id, decisionId: recipients.get(id)!, origin })))
    .onConflictDoNothing()
    .returning({ id: decisionMails.id });
  return rows.length;
}

/** The mail's text in the participant's language: their conference and the way to their input, nothing of anyone else's. */
function compose(language: string, conferenceTitle: string, origin: string) {
  const t = i18nServer.getFixedT(isLanguage(language) ? language : fallbackLanguage, "feedback");
  const link = `${origin.replace(/\/+$/, "")}/my-input`;
  return {
    subject: t("notify.mail.subject", { title: conferenceTitle }),
    text: [t("notify.mail.greeting"), "", t("notify.mail.body", { title: conferenceTitle }), "", link, "", t("notify.mail.why"), t("notify.mail.stop")].join("\n"),
  };
}

export type DeliveryReport = { sent: number; skipped: number; failed: number };

/**
 * Sends the mails that are due. Each is claimed first (FOR UPDATE SKIP LOCKED, a claim that runs
 * out), so several processes never send the same mail at once, and no transaction stays open
 * while the SMTP server answers. A failure is logged and tried again later, with a growing pause.
 */
export async function deliverDecisionMails(db: Db, mailer: Mailer): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, skipped: 0, failed: 0 };
  for (;;) {
    const due = db
      .select({ id: decisionMails.id })
      .from(decisionMails)
      .where(
        and(
          isNull(decisionMails.doneAt),
          lt(decisionMails.attempts, maxMailAttempts),
          or(isNull(decisionMails.claimedUntil), lt(decisionMails.claimedUntil, sql`now()`)),
        ),
      )
      .orderBy(asc(decisionMails.createdAt))
      .limit(batchSize)
      .for("update", { skipLocked: true });
    const claimed = await db
      .update(decisionMails)
      .set({ attempts: sql`${decisionMails.attempts} + 1`, claimedUntil: sql`now() + interval '2 minutes'` })
      .where(inArray(decisionMails.id, due))
      .returning({ id: decisionMails.id, participantId: decisionMails.participantId, origin: decisionMails.origin, attempts: decisionMails.attempts });
    if (claimed.length === 0) return report;
    for (const mail of claimed) await deliverOne(db, mailer, mail, report);
  }
}

async function deliverOne(db: Db, mailer: Mailer, mail: { id: string; participantId: string; origin: string; attempts: number }, report: DeliveryReport) {
  // Read now, not when queued: an address taken back or erased meanwhile gets nothing.
  const to = await mailRecipient(db, mail.participantId);
  if (!to) {
    await db.update(decisionMails).set({ doneAt: sql`now()`, sent: false }).where(eq(decisionMails.id, mail.id));
    report.skipped++;
    return;
  }
  const title = (await getConference(db, to.conferenceId))?.title ?? "";
  try {
    await mailer.send({ to: to.email, language: to.language, ...compose(to.language, title, mail.origin) });
  } catch (error) {
    report.failed++;
    // The error's code only: SMTP answers may quote the address.
    const code = (error as { code?: unknown; responseCode?: unknown }) ?? {};
    const reason = [code.code, code.responseCode].filter((v) => v !== undefined).join(" ") || "unknown";
    logError(`decision mail ${mail.id} (attempt ${mail.attempts} of ${maxMailAttempts})`, new Error(`SMTP delivery failed: ${reason}`));
    await db
      .update(decisionMails)
      .set({ lastError: reason, claimedUntil: sql`now() + ${mail.attempts * 5} * interval '1 minute'` })
      .where(eq(decisionMails.id, mail.id));
    return;
  }
  await db.update(decisionMails).set({ doneAt: sql`now()`, sent: true, lastError: null }).where(eq(decisionMails.id, mail.id));
  report.sent++;
}

/** Every minute, and on a kick after each decision; unref'd, so it never keeps the process alive. */
export function startDecisionMailJob(db: Db, mailer: Mailer, intervalMs = 60_000): { kick(): void; stop(): void } {
  let running: Promise<void> | null = null;
  let again = false;
  const run = () => {
    if (running) {
      again = true;
      return;
    }
    running = deliverDecisionMails(db, mailer)
      .then(() => undefined)
      .catch((error: unknown) => logError("decision mail job failed", error))
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          run();
        }
      });
  };
  const timer = setInterval(run, intervalMs);
  timer.unref();
  run();
  return { kick: run, stop: () => clearInterval(timer) };
}
