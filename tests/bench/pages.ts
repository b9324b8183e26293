/**
 * Requests per second the server answers for the catalogue page, a measure page and the
 * participant page, beside a static file from the same server (the ceiling of Express and the
 * HTTP layer alone), with autocannon on this machine's loopback; and the bytes of each page with
 * and without compression. (The join page is left out: looking up join codes is rate-limited per
 * address, docs/decisions/005.) Prints a table, asserts nothing: `npm run bench:pages` (builds first).
 * BENCH_SECONDS (default 10) per page, BENCH_CONNECTIONS (default 10) connections.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { eq } from "drizzle-orm";
import { openDatabase } from "../../db/client";
import { liveSessions } from "../../db/schema/participation";
import { startServer } from "../../server";
import { joinByLink } from "../support/http";

const duration = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);

/** The size of a response's body as it came over the wire (fetch would decode it). */
function bytesOf(url: string, cookie: string, encoding: string): Promise<number> {
  return new Promise((resolve, reject) => {
    request(url, { headers: { cookie, "accept-encoding": encoding } }, (res) => {
      let bytes = 0;
      res.on("data", (chunk: Buffer) => (bytes += chunk.length));
      res.on("end", () => resolve(bytes));
    })
      .on("error", reject)
      .end();
  });
}

async function load(url: string, cookie: string) {
  const result = await autocannon({
    url,
    connections,
    duration,
    headers: { cookie, "accept-encoding": "gzip, deflate, br" },
  });
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx };
}

const dataDir = mkdtempSync(path.join(tmpdir(), "mitplan-bench-pages-"));
const database = await openDatabase({ dataDir });
const server = await startServer({ port: 0, database, demoData: true, demoConference: true });
try {
  const [running] = await database.db
    .select({ joinCode: liveSessions.joinCode })
    .from(liveSessions)
    .where(eq(liveSessions.status, "live"));
  if (!running?.joinCode) throw new Error("the demo conference has no running session");
  const { cookie, location } = await joinByLink(server.url, running.joinCode, { language: "de" });
  const plan = "/plans/ziele-und-massnahmen-2022-2023";
  const pages = [
    { name: "static file (/favicon.svg)", path: "/favicon.svg", cookie: "" },
    { name: "catalogue page", path: plan, cookie: "" },
    { name: "measure page", path: `${plan}/measures/540-2`, cookie: "" },
    { name: "participant page", path: location, cookie },
  ];
  console.log(`Mitplan pages, ${new Date().toISOString()}: ${connections} connections, ${duration} s each, autocannon on loopback`);
  console.log("page                         req/s   p50 ms   p99 ms  errors        raw       gzip     brotli");
  for (const page of pages) {
    const url = `${server.url}${page.path}`;
    const sizes = await Promise.all(["identity", "gzip", "br"].map((encoding) => bytesOf(url, page.cookie, encoding)));
    const { rps, p50, p99, errors } = await load(url, page.cookie);
    const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`.padStart(10);
    console.log(
      `${page.name.padEnd(27)} ${rps.toFixed(0).padStart(6)} ${String(p50).padStart(8)} ${String(p99).padStart(8)} ${String(errors).padStart(7)} ` +
        sizes.map(kib).join(" "),
    );
  }
} finally {
  await server.close();
  await database.close();
  rmSync(dataDir, { recursive: true, force: true });
}
