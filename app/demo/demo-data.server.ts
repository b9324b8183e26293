import fs from "node:fs";
import { fileURLToPath } from "node:url";
import type { StaffActor } from "../auth/actor";
import { staffAccountByEmail } from "../auth/staff-names.server";
import { insertUser } from "../auth/users.server";
import { importPlan, type ImportResult } from "../catalogue/import.server";
import type { Db } from "../../db/client";
import { loadDemoConference } from "./demo-conference.server";
import { loadDemoTranslations } from "./demo-translations.server";

/** The city's documents as catalogue files, in the order the home page lists them. */
export const demoPlanFiles = [
  "ziele-und-massnahmen-2022-2023.json",
  "corona-aktionsplan-2021.json",
  "integrationskonzept.json",
  "modellvorhaben-familienfreundlichkeit.json",
] as const;

export function readDemoPlan(file: (typeof demoPlanFiles)[number]): unknown {
  const url = new URL(`../../db/demo/${file}`, import.meta.url);
  return JSON.parse(fs.readFileSync(fileURLToPath(url), "utf8"));
}

/** One account per role to try Mitplan with; README lists them. Never created without the demo data. */
export const demoAccounts = [
  { email: "admin@mitplan.example", displayName: "Ada Admin", role: "admin", password: "mitplan-demo-admin" },
  { email: "planner@mitplan.example", displayName: "Paula Planung", role: "planner", password: "mitplan-demo-planner" },
  { email: "moderator@mitplan.example", displayName: "Moritz Moderation", role: "moderator", password: "mitplan-demo-moderator" },
  { email: "mediator@mitplan.example", displayName: "Meryem Sprachmittlung", role: "mediator", password: "mitplan-demo-mediator" },
] as const;

type DemoRole = (typeof demoAccounts)[number]["role"];

async function loadDemoAccounts(db: Db): Promise<Record<DemoRole, StaffActor>> {
  const actors = {} as Record<DemoRole, StaffActor>;
  for (const { email, displayName, role, password } of demoAccounts) {
    const existing = await staffAccountByEmail(db, email);
    const userId = existing?.id ?? (await insertUser(db, { email, displayName, role, password })).user.id;
    actors[role] = { kind: "staff", userId, role, email, displayName };
  }
  return actors;
}

/**
 * Loads the demo catalogue and the demo accounts, and with `conference` the demo conference
 * that `npm start` shows (tests that need a quiet catalogue leave it out); what exists already
 * is left untouched.
 */
export async function loadDemoData(db: Db, { conference = false } = {}): Promise<ImportResult[]> {
  const results: ImportResult[] = [];
  for (const file of demoPlanFiles) {
    results.push(
      await importPlan(db, readDemoPlan(file), {
        reason: "Übernahme aus dem veröffentlichten Dokument (Demo-Daten)",
      }),
    );
  }
  await loadDemoTranslations(db);
  const staff = await loadDemoAccounts(db);
  // Nobody is connected while the server starts, so the demo's live events have no audience.
  if (conference) await loadDemoConference({ db, publish: () => {} }, staff);
  return results;
}
