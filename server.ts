import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { networkInterfaces } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express from "express";
import { rejectCrossSiteRequests } from "./app/auth/csrf.server";
import { settleForwardedHost } from "./app/auth/origin";
import { addHttpSafeguards, addSocketSafeguards, cspNonceOf, serveBuildFiles } from "./app/http.server";
import type { AppContext } from "./app/context";
import { openDatabase, type Database } from "./db/client";
import { prepareDatabase } from "./app/demo/prepare.server";
import { startRetentionJob } from "./app/live/retention.server";
import { startDecisionMailJob } from "./app/decisions/decision-mail.server";
import { mailerFromEnvironment, type Mailer } from "./app/mail.server";
import { translatorFromEnv } from "./app/translation/config.server";
import type { Translator } from "./app/translation/translator";
import { createRealtime } from "./realtime/server";
import { healthHandler } from "./app/health.server";
import { createDrain } from "./shutdown";

const root = path.dirname(fileURLToPath(import.meta.url));

export type ServerOptions = {
  port: number;
  database: Database;
  /** Load the city's catalogue as demo data (idempotent). */
  demoData: boolean;
  /** With the demo data, also the demo conference with a closed and a running live session. */
  demoConference?: boolean;
  /** TRUST_PROXY as written: which proxies may tell the client's address, scheme and host. */
  trustProxy?: string;
  /** PUBLIC_URL as written: the address phones use, for join links and QR codes. */
  publicUrl?: string;
  /** The SMTP server for decision mails (SMTP_URL or SMTP_HOST…, MAIL_FROM); without one, no address is asked for. */
  mailer?: Mailer;
  /** The machine translator (TRANSLATOR…, translatorFromEnv); none by default (decision 042). */
  translator?: Translator | null;
};

/** PUBLIC_URL's origin; a value that is not an http(s) address stops the start with an error. */
export function publicUrlSetting(value = ""): string | undefined {
  if (value.trim() === "") return undefined;
  const url = URL.canParse(value.trim()) ? new URL(value.trim()) : null;
  if (!url || !/^https?:$/.test(url.protocol)) throw new Error(`PUBLIC_URL=${value}: not an http(s) address`);
  return url.origin;
}

/**
 * TRUST_PROXY in the forms Express's `trust proxy` takes: unset, `off` or `false` trusts no proxy;
 * `true` any; a number, that many hops in front of the app; else addresses, subnets or the names
 * `loopback`, `linklocal`, `uniquelocal`, comma-separated.
 */
export function trustProxySetting(value = ""): boolean | number | string {
  const setting = value.trim();
  if (setting === "" || setting === "off" || setting === "false") return false;
  if (setting === "true") return true;
  return /^\d+$/.test(setting) ? Number(setting) : setting;
}

export type RunningServer = { url: string; close(): Promise<void> };

/** One HTTP server, one port: Remix pages and socket.io side by side. */
export async function startServer({
  port,
  database,
  demoData,
  demoConference = false,
  trustProxy,
  publicUrl: publicUrlValue,
  mailer,
  translator = null,
}: ServerOptions): Promise<RunningServer> {
  const app = express();
  try {
    app.set("trust proxy", trustProxySetting(trustProxy));
  } catch (error) {
    throw new Error(`TRUST_PROXY=${trustProxy}: ${error instanceof Error ? error.message : String(error)}`);
  }
  // Express asks this of the nearest hop for X-Forwarded-Proto and -Host, so the handshake does too.
  const publicUrl = publicUrlSetting(publicUrlValue);
  const trusts = app.get("trust proxy fn") as (address: string, hop: number) => boolean;
  const fromTrustedProxy = (req: IncomingMessage) => trusts(req.socket.remoteAddress ?? "", 0);

  await prepareDatabase(database, { demoData, demoConference });

  const build = (await import(pathToFileURL(path.join(root, "build/index.js")).href)) as ServerBuild;
  app.disable("x-powered-by");
  const drain = createDrain();
  app.use(drain.requests);
  app.use("/build", serveBuildFiles(path.join(root, "public/build")));
  addHttpSafeguards(app);
  app.use((req, _res, next) => {
    settleForwardedHost(req.headers, fromTrustedProxy(req));
    next();
  });
  app.use(express.static(path.join(root, "public"), { maxAge: "1h" }));
  // Browsers still ask for /favicon.ico where a page names no icon (a download, say).
  app.get("/favicon.ico", (_req, res) => res.redirect(301, "/favicon.svg"));

  app.use(rejectCrossSiteRequests);

  const httpServer = createServer(app);
  const realtime = await createRealtime(httpServer, { db: database.db, postgresUrl: database.url, fromTrustedProxy, track: drain.track, translator });
  addSocketSafeguards(realtime.io);
  app.get("/healthz", healthHandler({ db: database.db, adapterListening: realtime.adapterListening, draining: drain.draining }));
  // Mails queued by decisions (and any left over from before a restart) go out after their commit.
  const mail = mailer && startDecisionMailJob(database.db, mailer);
  const getLoadContext = (req: express.Request, res: express.Response): AppContext => ({
    db: database.db,
    realtime,
    clientIp: req.ip ?? req.socket.remoteAddress ?? "unknown",
    publicUrl,
    cspNonce: cspNonceOf(res),
    mail: mail && { kick: mail.kick },
  });
  app.all("*", createRequestHandler({ build, getLoadContext }));

  await new Promise<void>((resolve) => httpServer.listen(port, resolve));
  const { port: actualPort } = httpServer.address() as AddressInfo;
  return {
    url: `http://localhost:${actualPort}`,
    close: async () => {
      mail?.stop();
      await drain.shutDown(httpServer, () => realtime.close());
      mailer?.close();
    },
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
  let server: RunningServer;
  try {
    const mailer = mailerFromEnvironment();
    server = await startServer({
      mailer,
      translator: translatorFromEnv(),
      port: Number(process.env.PORT ?? 3000),
      database,
      demoData: process.env.DEMO_DATA !== "off",
      demoConference: process.env.DEMO_DATA !== "off",
      trustProxy: process.env.TRUST_PROXY,
      publicUrl: process.env.PUBLIC_URL,
    });
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    await database.close();
    process.exit(1);
  }
  const where = url ? "PostgreSQL (DATABASE_URL)" : `embedded PGlite in ${path.resolve(dataDir)}`;
  console.log(`Mitplan is running on ${server.url} — database: ${where}`);
  if (!process.env.PUBLIC_URL) {
    // Join links are built from the address the moderator's browser uses; localhost is useless to phones.
    const port = new URL(server.url).port;
    const lan = Object.values(networkInterfaces())
      .flat()
      .filter((a) => a && a.family === "IPv4" && !a.internal)
      .map((a) => `http://${a!.address}:${port}`);
    if (lan.length > 0) console.log(`Open it as ${lan.join(" or ")} so that the join link and QR code work on phones (or set PUBLIC_URL).`);
  }
  // Participants' profiles are made anonymous once the retention period after their conference ends.
  const retention = startRetentionJob(database.db);

  const stop = async () => {
    retention.stop();
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
