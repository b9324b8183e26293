/**
 * Bytes a phone downloads, as sent uncompressed, with gzip and with brotli: the participant
 * page's scripts (every script the page names) and the join page's HTML. A script that prints
 * figures, not a test: `npm run bench:compression` (after `npm run build`).
 */
import { request } from "node:http";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openDatabase } from "../../db/client";
import { startServer } from "../../server";
import { createStaff, recordingDeps, startedSession } from "../support/fixtures";
import { joinByLink } from "../support/http";

/** The size of a response's body as it came over the wire. */
function bytesOf(url: string, headers: Record<string, string>): Promise<{ bytes: number; encoding: string }> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      let bytes = 0;
      res.on("data", (chunk: Buffer) => (bytes += chunk.length));
      res.on("end", () => resolve({ bytes, encoding: String(res.headers["content-encoding"] ?? "identity") }));
    })
      .on("error", reject)
      .end();
  });
}

const encodings = { raw: "identity", gzip: "gzip", brotli: "br" } as const;
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

async function measure(label: string, urls: string[], cookie: string) {
  const totals: Record<string, number> = {};
  for (const [name, encoding] of Object.entries(encodings)) {
    const sizes = await Promise.all(urls.map((url) => bytesOf(url, { cookie, "accept-encoding": encoding })));
    totals[name] = sizes.reduce((sum, s) => sum + s.bytes, 0);
  }
  const ratio = (name: string) => `${((1 - totals[name]! / totals.raw!) * 100).toFixed(0)} % smaller`;
  console.log(
    `${label.padEnd(40)} ${String(urls.length).padStart(3)} file(s)  raw ${kib(totals.raw!).padStart(10)}  ` +
      `gzip ${kib(totals.gzip!).padStart(10)} (${ratio("gzip")})  brotli ${kib(totals.brotli!).padStart(10)} (${ratio("brotli")})`,
  );
}

const dataDir = mkdtempSync(path.join(tmpdir(), "mitplan-bench-compression-"));
const database = await openDatabase({ dataDir });
const server = await startServer({ port: 0, database, demoData: true });
try {
  const moderator = await createStaff(database.db, "moderator");
  const session = await startedSession(recordingDeps(database.db), moderator, { measureCodes: ["540-2"], dots: 5 });
  const { cookie, location } = await joinByLink(server.url, session.joinCode, { language: "de" });
  const page = await (await fetch(`${server.url}${location}`, { headers: { cookie } })).text();
  const scripts = [...new Set([...page.matchAll(/(?:src|href)="(\/build\/[^"]+\.js)"/g)].map((m) => `${server.url}${m[1]}`))];
  // Scripts the page imports once it runs (socket.io's client): named in the scripts, not the HTML.
  const later = new Set<string>();
  for (const script of scripts) {
    const code = await (await fetch(script)).text();
    for (const m of code.matchAll(/import\("(\/build\/[^"]+\.js)"\)/g)) later.add(`${server.url}${m[1]}`);
  }
  const styles = [...new Set([...page.matchAll(/href="(\/build\/[^"]+\.css)"/g)].map((m) => `${server.url}${m[1]}`))];
  console.log(`Mitplan compression, ${new Date().toISOString()}`);
  await measure("participant page: scripts", scripts, cookie);
  if (later.size > 0) await measure("participant page: scripts loaded later", [...later], cookie);
  await measure("participant page: styles", styles, cookie);
  await measure("participant page: HTML", [`${server.url}${location}`], cookie);
  await measure("join page (/j/:code): HTML", [`${server.url}/j/${session.joinCode}`], "");
} finally {
  await server.close();
  await database.close();
  rmSync(dataDir, { recursive: true, force: true });
}
