import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../../db/client";
import { plans } from "../../db/schema";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../..");
let dataDir: string;
let database: Database;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "mitplan-lock-"));
  database = await openDatabase({ dataDir });
  await database.migrate();
});
afterAll(async () => {
  await database.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("the embedded database folder", () => {
  it("refuses a second process with a clear error", async () => {
    const script = `import { openDatabase } from "./db/client.ts";
      try { await openDatabase({ dataDir: ${JSON.stringify(dataDir)} }); console.log("opened"); }
      catch (e) { console.log(e.message); process.exit(3); }`;
    const outcome = await run(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
      cwd: root,
    }).then(
      () => ({ code: 0, stdout: "" }),
      (error: { code: number; stdout: string }) => error,
    );
    expect(outcome.code).toBe(3);
    expect(outcome.stdout).toContain(`is in use by process ${process.pid}`);
    expect(outcome.stdout).toContain("DATABASE_URL");
  });

  it("takes over a lock left behind by a process that died", async () => {
    const other = fs.mkdtempSync(path.join(os.tmpdir(), "mitplan-stale-"));
    fs.writeFileSync(path.join(other, "mitplan.lock"), "999999999");
    const reopened = await openDatabase({ dataDir: other });
    await reopened.migrate();
    expect(fs.readFileSync(path.join(other, "mitplan.lock"), "utf8")).toBe(String(process.pid));
    await reopened.close();
    expect(fs.existsSync(path.join(other, "mitplan.lock"))).toBe(false);
    fs.rmSync(other, { recursive: true, force: true });
  });

  it("keeps data across restarts and runs migrations again without harm", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mitplan-restart-"));
    const first = await openDatabase({ dataDir: dir });
    await first.migrate();
    await first.db.insert(plans).values({ slug: "neustart", title: "Neustart" });
    await first.close();
    const second = await openDatabase({ dataDir: dir });
    await second.migrate();
    const rows = await second.db.select({ slug: plans.slug }).from(plans);
    expect(rows).toEqual([{ slug: "neustart" }]);
    await second.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
