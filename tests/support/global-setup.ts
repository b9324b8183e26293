import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import postgres from "postgres";
import { openDatabase, type Database } from "../../db/client";
import { loadDemoData } from "../../app/demo/demo-data.server";
import { findBrowser } from "./find-browser";
import { postgresTestUrl, withDatabaseName } from "./urls";

/**
 * Where each test file's database starts from: a migrated empty one, or one with the demo data
 * too. Template database names on PostgreSQL, dump files on PGlite.
 */
export type DatabaseTemplates = { empty: string; demo: string };

declare module "vitest" {
  export interface ProvidedContext {
    databaseTemplates: DatabaseTemplates;
    chromiumPath: string;
  }
}

/**
 * Migrations and the demo data run once here, not in every test file (docs/decisions/048):
 * on PostgreSQL into two template databases each file copies with CREATE DATABASE … TEMPLATE;
 * on PGlite into two dumps each file unpacks, which skips PGlite's initdb as well. Files
 * still never see each other's rows.
 */
export default async function setup(project: TestProject) {
  project.provide("chromiumPath", findBrowser());
  const base = postgresTestUrl();
  return base ? postgresTemplates(project, base) : pgliteTemplates(project);
}

async function pgliteTemplates(project: TestProject) {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "mitplan-templates-"));
  const database = await openDatabase({ dataDir: "memory://" });
  const write = async (name: string, db: Database) => {
    const file = path.join(folder, `${name}.tar`);
    fs.writeFileSync(file, Buffer.from(await (await db.dump!()).arrayBuffer()));
    return file;
  };
  await database.migrate();
  const empty = await write("empty", database);
  await loadDemoData(database.db);
  const demo = await write("demo", database);
  await database.close();
  project.provide("databaseTemplates", { empty, demo });
  return () => fs.rmSync(folder, { recursive: true, force: true });
}

async function postgresTemplates(project: TestProject, base: string) {
  const empty = `mitplan_template_${process.pid}`;
  const demo = `mitplan_template_demo_${process.pid}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  for (const name of [demo, empty]) await admin.unsafe(`DROP DATABASE IF EXISTS "${name}"`);
  await admin.unsafe(`CREATE DATABASE "${empty}"`);
  const migrated = await openDatabase({ url: withDatabaseName(base, empty), maxConnections: 1 });
  await migrated.migrate();
  await migrated.close();
  await admin.unsafe(`CREATE DATABASE "${demo}" TEMPLATE "${empty}"`);
  const seeded = await openDatabase({ url: withDatabaseName(base, demo), maxConnections: 1 });
  await loadDemoData(seeded.db);
  await seeded.close();
  project.provide("databaseTemplates", { empty, demo });

  return async () => {
    for (const name of [demo, empty]) await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  };
}
