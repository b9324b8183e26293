/**
 * A cluster's Reifegrad and budget, changed by planners with a reason, each change a plan
 * revision whose figures the cluster's history keeps (issue 12). The demo's Corona-Aktionsplan is
 * a plan of clusters alone; its source names no amounts ("alle acht Cluster sind mit einem Budget
 * hinterlegt"), so they start empty.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { eq, sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StaffActor } from "../../app/auth/actor";
import { clusterHistory, reviseCluster } from "../../app/catalogue/clusters.server";
import type { DomainError } from "../../app/errors";
import { clusters, clusterVersions, planRevisions, plans } from "../../db/schema";
import { openTestDatabase, type TestDatabase } from "../support/database";
import { createStaff, refusal } from "../support/fixtures";

const planSlug = "corona-aktionsplan-2021";
const key = "sprachfoerderung";
let database: TestDatabase;
let planner: StaffActor;

beforeAll(async () => {
  database = await openTestDatabase({ demo: true });
  planner = await createStaff(database.db, "planner");
});
afterAll(() => database.close());

const revisionCount = async () => (await database.db.select({ id: planRevisions.id }).from(planRevisions).innerJoin(plans, eq(plans.id, planRevisions.planId)).where(eq(plans.slug, planSlug))).length;
/** The fields a refused command names. */
const fieldsOf = (promise: Promise<unknown>) => promise.then(() => null, (error: DomainError) => error.fields);
const figures = async () =>
  (await database.db.select({ budgetCents: clusters.budgetCents, maturity: clusters.maturity }).from(clusters).where(eq(clusters.key, key)))[0];

describe("a cluster's Reifegrad and budget", () => {
  it("start with the source's figures in the plan's first revision", async () => {
    const history = await clusterHistory(database.db, { kind: "anonymous" }, planSlug);
    expect(history.size).toBe(8);
    expect(history.get(key)).toEqual([expect.objectContaining({ revision: 1, budgetCents: null, maturity: null, createdBy: null })]);
  });

  it("are changed by a planner in a new revision, with the reason, and the history keeps each step", async () => {
    const first = await reviseCluster(database.db, planner, { planSlug, key, maturity: "B", budget: "250.000", reason: "Haushaltsbeschluss 2022" });
    const second = await reviseCluster(database.db, planner, { planSlug, key, maturity: "B", budget: "1.250,5", reason: "Nachtrag" });
    expect(second.revision.number).toBe(first.revision.number + 1);
    expect(await figures()).toEqual({ budgetCents: 125_050, maturity: "B" });
    const forStaff = (await clusterHistory(database.db, planner, planSlug)).get(key)!;
    expect(forStaff.map((v) => [v.revision, v.budgetCents, v.maturity, v.reason, v.createdBy])).toEqual([
      [1, null, null, expect.any(String), null],
      [first.revision.number, 25_000_000, "B", "Haushaltsbeschluss 2022", planner.displayName],
      [second.revision.number, 125_050, "B", "Nachtrag", planner.displayName],
    ]);
    // The public reads when and why, not who.
    expect((await clusterHistory(database.db, { kind: "anonymous" }, planSlug)).get(key)!.map((v) => v.createdBy)).toEqual([null, null, null]);
    // An empty field means no budget.
    await reviseCluster(database.db, planner, { planSlug, key, maturity: "B", budget: " ", reason: "Budget aufgelöst" });
    expect(await figures()).toEqual({ budgetCents: null, maturity: "B" });
  });

  it("refuses strangers, unreadable amounts, changes that change nothing and unknown clusters, and writes nothing", async () => {
    const before = { revisions: await revisionCount(), versions: (await database.db.select().from(clusterVersions)).length, figures: await figures() };
    const moderator = await createStaff(database.db, "moderator");
    const change = { planSlug, key, maturity: "A", budget: "1000", reason: "Test" };
    expect(await refusal(reviseCluster(database.db, moderator, change), "code")).toBe("forbidden");
    expect(await refusal(reviseCluster(database.db, { kind: "anonymous" }, change), "code")).toBe("unauthenticated");
    for (const budget of ["12,345", "1.00", "-5", "zehn", "1.000.00"]) {
      expect(await fieldsOf(reviseCluster(database.db, planner, { ...change, budget }))).toEqual({ budget: expect.any(String) });
    }
    expect(await fieldsOf(reviseCluster(database.db, planner, { ...change, reason: "" }))).toEqual({ reason: expect.any(String) });
    expect(await refusal(reviseCluster(database.db, planner, { ...change, maturity: "B", budget: "" }))).toBe("invalid catalogue:cluster.unchanged");
    expect(await refusal(reviseCluster(database.db, planner, { ...change, key: "gibt-es-nicht" }), "code")).toBe("not_found");
    expect({ revisions: await revisionCount(), versions: (await database.db.select().from(clusterVersions)).length, figures: await figures() }).toEqual(before);
  });
});

describe("the migration that keeps the history", () => {
  it("gives every existing cluster its figures as the version of its plan's first revision", async () => {
    const folder = path.resolve(import.meta.dirname, "../../db/migrations");
    const before = fs.mkdtempSync(path.join(os.tmpdir(), "mitplan-migrations-"));
    fs.mkdirSync(path.join(before, "meta"));
    const journal = JSON.parse(fs.readFileSync(path.join(folder, "meta/_journal.json"), "utf8")) as { entries: { tag: string }[] };
    const old = journal.entries.filter((e) => e.tag < "0021");
    fs.writeFileSync(path.join(before, "meta/_journal.json"), JSON.stringify({ ...journal, entries: old }));
    for (const { tag } of old) fs.copyFileSync(path.join(folder, `${tag}.sql`), path.join(before, `${tag}.sql`));
    const client = new PGlite();
    const db = drizzle(client);
    try {
      await migrate(db, { migrationsFolder: before });
      const [plan] = (await db.execute<{ id: string }>(sql`insert into plan (slug, title) values ('p', 'P') returning id`)).rows;
      await db.execute(sql`insert into plan_revision (plan_id, number, reason) values (${plan!.id}, 1, 'Import'), (${plan!.id}, 2, 'Später')`);
      await db.execute(sql`insert into cluster (plan_id, key, title, budget_cents, maturity, position) values (${plan!.id}, 'k', 'K', 5000, 'A', 0)`);
      await migrate(db, { migrationsFolder: folder });
      const rows = await db
        .select({ budgetCents: clusterVersions.budgetCents, maturity: clusterVersions.maturity, revision: planRevisions.number })
        .from(clusterVersions)
        .innerJoin(planRevisions, eq(planRevisions.id, clusterVersions.revisionId));
      expect(rows).toEqual([{ budgetCents: 5000, maturity: "A", revision: 1 }]);
    } finally {
      await client.close();
      fs.rmSync(before, { recursive: true, force: true });
    }
  });
});
