import { desc } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client";
import { accessibilityReports } from "../../db/schema";
import type { Actor } from "../auth/actor";
import { authorize } from "../auth/permissions";
import { limitAccessibilityReport } from "../auth/rate-limit.server";
import { DomainError, invalidInput } from "../errors";
import { languages } from "../i18n/config";

const reportSchema = z.object({
  message: z.string().trim().min(1).max(5000),
  contact: z
    .string()
    .trim()
    .max(300)
    .transform((v) => (v === "" ? null : v)),
  language: z.enum(languages),
});

/**
 * Someone reports a barrier (§12b BGG): anyone may, signed in or not. Counted per address before
 * it is read, so a refused flood costs the database nothing but the counter.
 */
export async function reportBarrier(db: Db, actor: Actor, input: unknown, { clientIp }: { clientIp: string }): Promise<{ id: string }> {
  authorize(actor, "accessibility.report");
  await limitAccessibilityReport(db, clientIp);
  const parsed = reportSchema.safeParse(input);
  if (!parsed.success) {
    const error = invalidInput(parsed.error);
    const message = error.fields.message === "common:validation.required" ? "accessibility:feedback.messageRequired" : error.fields.message;
    throw new DomainError("invalid", error.messageKey, { ...error.fields, ...(message ? { message } : {}) });
  }
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(accessibilityReports).values(parsed.data).returning({ id: accessibilityReports.id });
    return { id: row!.id };
  });
}

export type AccessibilityReport = { id: string; message: string; contact: string | null; language: string; receivedAt: Date };

/** The admins read every report, newest first. */
export async function listReports(db: Db, actor: Actor): Promise<AccessibilityReport[]> {
  authorize(actor, "site.manage");
  return db
    .select({
      id: accessibilityReports.id,
      message: accessibilityReports.message,
      contact: accessibilityReports.contact,
      language: accessibilityReports.language,
      receivedAt: accessibilityReports.receivedAt,
    })
    .from(accessibilityReports)
    .orderBy(desc(accessibilityReports.receivedAt));
}
