import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express from "express";
import { rejectCrossSiteRequests } from "./app/auth/csrf.server";
import type { AppContext } from "./app/context";
import { openDatabase, type Database } from "./db/client";
import { loadDemoData } from "./db/seed";
import { createRealtime } from "./realtime/server";

const root = path.dirname(fileURLToPath(import.meta.url));

export type ServerOptions = {
  port: number;
  database: Database;
  /** Load the city's catalogue as demo data (idempotent). */
  demoData: boolean;
};

export type RunningServer = { url: string; close(): Promise<void> };

/** One HTTP server, one port: Remix pages and socket.io side by side. */
export async function startServer({ port, database, demoData }: ServerOptions): Promise<RunningServer> {
  await database.migrate();
  if (demoData) await loadDemoData(database.db);

  const build = (await import(pathToFileURL(path.join(root, "build/index.js")).href)) as ServerBuild;
  const app = express();
  app.disable("x-powered-by");
  app.use("/build", express.static(path.join(root, "public/build"), { immutable: true, maxAge: "1y" }));
  app.use(express.static(path.join(root, "public"), { maxAge: "1h" }));

  app.use(rejectCrossSiteRequests);

  const httpServer = createServer(app);
  const realtime = await createRealtime(httpServer, { db: database.db, postgresUrl: database.url });
  const getLoadContext = (req: express.Request): AppContext => ({
    db: database.db,
    realtime,
    clientIp: req.ip ?? req.socket.remoteAddress ?? "unknown",
  });
  app.all("*", createRequestHandler({ build, getLoadContext }));

  await new Promise<void>((resolve) => httpServer.listen(port, resolve));
  const { port: actualPort } = httpServer.address() as AddressInfo;
  return {
    url: `http://localhost:${actualPort}`,
    close: () => realtime.close(),
  };
}

async function main() {
  const url = process.env.DATABASE_URL;
  const dataDir = process.env.DATA_DIR ?? "./data";
  let database: Database;
  try {
    database = await openDatabase({ url, dataDir });
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
  const server = await startServer({
    port: Number(process.env.PORT ?? 3000),
    database,
    demoData: process.env.DEMO_DATA !== "off",
  });
  const where = url ? "PostgreSQL (DATABASE_URL)" : `embedded PGlite in ${path.resolve(dataDir)}`;
  console.log(`Mitplan is running on ${server.url} — database: ${where}`);

  const stop = async () => {
    await server.close();
    await database.close();
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await main();
}
