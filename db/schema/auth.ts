import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** `mediator`: a language mediator, who translates participants' input (docs/decisions/042). */
export const staffRole = pgEnum("staff_role", ["admin", "planner", "moderator", "mediator"]);

export const users = pgTable("user", {
  id: uuid("id").primaryKey().defaultRandom(),
  email: text("email").notNull().unique(),
  displayName: text("display_name").notNull(),
  role: staffRole("role").notNull(),
  passwordHash: text("password_hash").notNull(),
  active: boolean("active").notNull().default(true),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  passwordChangedAt: timestamp("password_changed_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Lucia-style session: the cookie holds `id.secret`, only a SHA-256 hash of the secret is stored. */
export const authSessions = pgTable(
  "auth_session",
  {
    id: text("id").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    secretHash: text("secret_hash").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("auth_session_user").on(t.userId)],
);

/**
 * Counters of rate-limiter-flexible's Drizzle store (login and join attempts). In the database
 * rather than in memory, so every app process behind a load balancer counts the same attempts.
 */
export const rateLimits = pgTable("rate_limit", {
  key: text("key").primaryKey(),
  points: integer("points").notNull(),
  expire: timestamp("expire", { withTimezone: true }),
});

/**
 * How long participants' profiles are kept: N months after their conference ended they are made
 * anonymous (app/auth/participant-data.server.ts). One row, set by an admin.
 */
export const retentionSettings = pgTable(
  "retention_setting",
  {
    id: boolean("id").primaryKey().default(true),
    participantMonths: integer("participant_months").notNull(),
    updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("retention_setting_single_row", sql`${t.id}`), check("retention_setting_months", sql`${t.participantMonths} BETWEEN 1 AND 120`)],
);
