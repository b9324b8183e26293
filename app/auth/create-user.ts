/**
 * `npm run user:create -- --role admin --email a@b.de [--name "…"] [--password …]`
 * Creates a staff account on the database the server uses (DATABASE_URL, else PGlite in
 * DATA_DIR). Without --password a strong one is generated and printed once.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { insertUser } from "./users.server";
import { DomainError } from "../errors";
import { i18nServer } from "../i18n/i18n.server";
import { openDatabase } from "../../db/client";

const usage = 'usage: npm run user:create -- --role admin|planner|moderator|mediator --email a@b.de [--name "…"] [--password …]';

async function main(): Promise<number> {
  let options: { role?: string; email?: string; name?: string; password?: string };
  try {
    options = parseArgs({
      options: {
        role: { type: "string" },
        email: { type: "string" },
        name: { type: "string" },
        password: { type: "string" },
      },
    }).values;
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : error}\n${usage}`);
    return 2;
  }
  if (!options.role || !options.email) {
    console.error(usage);
    return 2;
  }

  const database = await openDatabase({ url: process.env.DATABASE_URL, dataDir: process.env.DATA_DIR ?? "./data" });
  try {
    await database.migrate();
    const { user, password } = await insertUser(database.db, {
      email: options.email,
      displayName: options.name ?? options.email.split("@")[0],
      role: options.role,
      password: options.password,
    });
    console.log(`Created ${user.role} account ${user.email} (${user.displayName}).`);
    if (password) console.log(`Password (shown only now): ${password}`);
    return 0;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const t = await i18nServer.getFixedT("en");
    const problems = Object.entries(error.fields)
      .filter(([, key]) => key !== error.messageKey)
      .map(([field, key]) => `${field}: ${t(key)}`);
    console.error([`Not created: ${t(error.messageKey)}`, ...problems].join("\n  "));
    return 1;
  } finally {
    await database.close();
  }
}

try {
  process.exitCode = await main();
} catch (error) {
  // The PGlite lock (server running on the same DATA_DIR) lands here with its own clear message.
  console.error(error instanceof Error ? error.message : error);
  console.error(`Database: ${process.env.DATABASE_URL ? "DATABASE_URL" : path.resolve(process.env.DATA_DIR ?? "./data")}`);
  process.exitCode = 1;
}
