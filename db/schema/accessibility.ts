import { check, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { users } from "./auth";

/**
 * What an admin sets for the whole site (docs/decisions/022): the German Sign Language video
 * beside the start page's Leichte Sprache text, and the contact the accessibility statement names.
 * One row; a missing row means nothing is set yet.
 */
export const siteSettings = pgTable(
  "site_settings",
  {
    id: integer("id").primaryKey().default(1),
    signVideoUrl: text("sign_video_url"),
    contactName: text("contact_name"),
    contactEmail: text("contact_email"),
    contactPhone: text("contact_phone"),
    updatedBy: uuid("updated_by").references(() => users.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("site_settings_one_row", sql`${t.id} = 1`)],
);

/** A barrier someone reported through the accessibility statement's form (§12b BGG). */
export const accessibilityReports = pgTable(
  "accessibility_report",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    message: text("message").notNull(),
    contact: text("contact"),
    language: text("language").notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("accessibility_report_received").on(t.receivedAt)],
);
