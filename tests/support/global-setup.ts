import type { TestProject } from "vitest/node";
import postgres from "postgres";
import { openDatabase } from "../../db/client";
import { findBrowser } from "./find-browser";
import { postgresTestUrl, withDatabaseName } from "./urls";

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabase: string | null;
    chromiumPath: string;
  }
}

/**
 * On PostgreSQL, migrations run once into a template database; each test file then gets its
 * own database copied from it, so files never see each other's rows.
 */
export default async function setup(project: TestProject) {
  project.provide("chromiumPath", findBrowser());
  const base = postgresTestUrl();
  if (!base) {
    project.provide("templateDatabase", null);
    return;
  }
  const template = `mitplan_template_${process.pid}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`DROP DATABASE IF EXISTS "${template}"`);
  await admin.unsafe(`CREATE DATABASE "${template}"`);
  const database = await openDatabase({ url: withDatabaseName(base, template), maxConnections: 1 });
  await database.migrate();
  await database.close();
  project.provide("templateDatabase", template);

  return async () => {
    await admin.unsafe(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
    await admin.end();
  };
}
