import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";

/** Where a chromium usually is: Debian's package, other distributions' names, Chrome. */
const systemBrowsers = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"];

function playwrightsOwn(): string | null {
  try {
    const own = chromium.executablePath();
    return fs.existsSync(own) ? own : null;
  } catch {
    return null;
  }
}

function firstBrowser(): string | null {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return systemBrowsers.find((candidate) => fs.existsSync(candidate)) ?? playwrightsOwn();
}

function tryInstall(command: string, args: string[]): boolean {
  console.log(`No chromium found for the browser tests; installing it: ${command} ${args.join(" ")}`);
  try {
    execFileSync(command, args, { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" }, timeout: 10 * 60_000 });
    return true;
  } catch {
    return false;
  }
}

/**
 * The chromium the browser tests drive: CHROMIUM_PATH, else the system's, else Playwright's own.
 * When there is none, installs one before the first test (Debian's package where we may, else
 * Playwright's installer); when that fails too, stops at once with the one command to run,
 * rather than failing every browser test one by one.
 */
export function findBrowser(): string {
  const found = firstBrowser();
  if (found) {
    if (!fs.existsSync(found)) throw new Error(`CHROMIUM_PATH=${found} does not exist.`);
    return found;
  }
  const root = os.userInfo().uid === 0;
  if (root && fs.existsSync("/usr/bin/apt-get") && tryInstall("apt-get", ["install", "-y", "-qq", "--no-install-recommends", "chromium"])) {
    if (fs.existsSync("/usr/bin/chromium")) return "/usr/bin/chromium";
  }
  const cli = path.resolve("node_modules/playwright-core/cli.js");
  if (fs.existsSync(cli) && tryInstall(process.execPath, [cli, "install", "chromium"])) {
    const own = playwrightsOwn();
    if (own) return own;
  }
  throw new Error(
    "The browser tests need chromium and none could be installed. Run:\n" +
      (root ? "  apt-get install -y --no-install-recommends chromium\n" : "  sudo apt-get install -y --no-install-recommends chromium\n") +
      "or set CHROMIUM_PATH to a chromium or Chrome binary.",
  );
}
