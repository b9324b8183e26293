import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client";
import { siteSettings } from "../../db/schema";
import type { Actor } from "../auth/actor";
import { authorize } from "../auth/permissions";
import { parseInput } from "../errors";

export type SiteSettings = {
  signVideoUrl: string | null;
  contactName: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
};

const nothingSet: SiteSettings = { signVideoUrl: null, contactName: null, contactEmail: null, contactPhone: null };

/** Public: the start page shows the video, the statement the contact. */
export async function readSiteSettings(db: Db): Promise<SiteSettings> {
  const [row] = await db
    .select({
      signVideoUrl: siteSettings.signVideoUrl,
      contactName: siteSettings.contactName,
      contactEmail: siteSettings.contactEmail,
      contactPhone: siteSettings.contactPhone,
    })
    .from(siteSettings)
    .where(eq(siteSettings.id, 1));
  return row ?? nothingSet;
}

const emptyAsNull = (value: string) => (value === "" ? null : value);
const text = (max: number) => z.string().trim().max(max).transform(emptyAsNull);

const siteSettingsSchema = z.object({
  // Only https: the link sits on a public body's start page and must not downgrade a visitor.
  signVideoUrl: z
    .string()
    .trim()
    .max(500)
    .refine((v) => v === "" || /^https:\/\/[^\s/]+\.[^\s]+$/.test(v), { params: { messageKey: "accessibility:admin.invalidUrl" } })
    .transform(emptyAsNull),
  contactName: text(200),
  contactEmail: z
    .string()
    .trim()
    .max(200)
    .refine((v) => v === "" || z.string().email().safeParse(v).success, { params: { messageKey: "accessibility:admin.invalidEmail" } })
    .transform(emptyAsNull),
  contactPhone: text(50),
});

/** An admin sets the sign-language video and the contact: one row, replaced as a whole. */
export async function updateSiteSettings(db: Db, actor: Actor, input: unknown): Promise<SiteSettings> {
  authorize(actor, "site.manage");
  const settings = parseInput(siteSettingsSchema, input);
  const updatedBy = actor.kind === "staff" ? actor.userId : null;
  await db.transaction(async (tx) => {
    await tx
      .insert(siteSettings)
      .values({ id: 1, ...settings, updatedBy })
      .onConflictDoUpdate({ target: siteSettings.id, set: { ...settings, updatedBy, updatedAt: new Date() } });
  });
  return settings;
}
