/**
 * A phone on a 2G-like link (250 kbit/s down, 50 kbit/s up, 300 ms round trip; CPU 4× slower)
 * opens the demo's join link, joins at once with the preset language and waits for the current
 * item, then for live updates (the page says `data-connection="online"` once its socket watches
 * the session). Each round is a new phone: empty cache, no cookie; the server is warmed up by one
 * phone first, as a running server would be. Once with JavaScript and once
 * without. Prints figures, asserts nothing: `npm run bench:phone` (builds first).
 * BENCH_ROUNDS (default 3) rounds; the median is printed.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { chromium, type Browser } from "playwright-core";
import { openDatabase } from "../../db/client";
import { liveSessions } from "../../db/schema/participation";
import { startServer } from "../../server";
import { findBrowser } from "../support/find-browser";

const link = { latency: 300, downloadThroughput: (250 * 1000) / 8, uploadThroughput: (50 * 1000) / 8 };
const cpuSlowdown = 4;
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);

type Figures = { joinForm: number; currentItem: number; live: number | null; bytes: number; requests: number };

async function phone(browser: Browser, joinUrl: string, javaScript: boolean): Promise<Figures> {
  const context = await browser.newContext({
    javaScriptEnabled: javaScript,
    viewport: { width: 360, height: 780 },
    locale: "de-DE",
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", { offline: false, ...link });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: cpuSlowdown });
  let bytes = 0;
  let requests = 0;
  cdp.on("Network.loadingFinished", ({ encodedDataLength }) => {
    bytes += encodedDataLength;
    requests += 1;
  });
  cdp.on("Network.webSocketFrameReceived", ({ response }) => (bytes += response.payloadData.length));

  const start = performance.now();
  await page.goto(joinUrl, { waitUntil: "commit" });
  const submit = page.locator(".join-form__submit");
  await submit.waitFor({ state: "visible" });
  const joinForm = performance.now() - start;
  await submit.click();
  await page.locator("#item-title").waitFor({ state: "visible", timeout: 120_000 });
  const currentItem = performance.now() - start;
  let live: number | null = null;
  if (javaScript) {
    await page.locator("[data-connection=online]").waitFor({ timeout: 120_000 });
    live = performance.now() - start;
  }
  await context.close();
  return { joinForm, currentItem, live, bytes, requests };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const seconds = (ms: number | null) => (ms === null ? "—" : `${(ms / 1000).toFixed(1)} s`);

const dataDir = mkdtempSync(path.join(tmpdir(), "mitplan-bench-phone-"));
const database = await openDatabase({ dataDir });
const server = await startServer({ port: 0, database, demoData: true, demoConference: true });
const browser = await chromium.launch({
  executablePath: findBrowser(),
  args: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking"],
});
try {
  const [running] = await database.db
    .select({ joinCode: liveSessions.joinCode })
    .from(liveSessions)
    .where(eq(liveSessions.status, "live"));
  if (!running?.joinCode) throw new Error("the demo conference has no running session");
  const joinUrl = `${server.url}/j/${running.joinCode}`;
  console.log(`Mitplan phone, ${new Date().toISOString()}: 250/50 kbit/s, 300 ms RTT, CPU ÷${cpuSlowdown}, median of ${rounds}`);
  console.log("phone            join form  current item  live updates  bytes received  requests");
  await phone(browser, joinUrl, true);
  for (const javaScript of [true, false]) {
    const runs: Figures[] = [];
    for (let round = 0; round < rounds; round++) runs.push(await phone(browser, joinUrl, javaScript));
    const pick = (key: keyof Figures) => median(runs.map((r) => r[key] ?? 0));
    console.log(
      `${(javaScript ? "with JavaScript" : "without").padEnd(16)} ${seconds(pick("joinForm")).padStart(9)}  ` +
        `${seconds(pick("currentItem")).padStart(12)}  ${seconds(javaScript ? pick("live") : null).padStart(12)}  ` +
        `${`${(pick("bytes") / 1024).toFixed(1)} KiB`.padStart(14)}  ${String(pick("requests")).padStart(8)}`,
    );
  }
} finally {
  await browser.close();
  await server.close();
  await database.close();
  rmSync(dataDir, { recursive: true, force: true });
}
