import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { until } from "./live-clients";
import { freePort } from "./pg-cluster";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** The README's nginx example, as a file so that the test runs what is documented. */
export const documentedConfig = path.join(root, "docs/nginx/mitplan.conf");

/** Where an nginx usually is: Debian's package, other systems' builds, Homebrew. */
const candidates = ["/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/local/bin/nginx", "/opt/homebrew/bin/nginx", "/usr/bin/nginx"];

/**
 * The nginx the proxy test drives: NGINX_PATH, else an installed one. When there is none, it
 * installs Debian's package where it may (as root with apt-get, as CI runs), else stops with the
 * command to run: a missing nginx is a failure, never a test that silently passes.
 */
export function findNginx(): string {
  const found = process.env.NGINX_PATH ?? candidates.find((candidate) => fs.existsSync(candidate));
  if (found) {
    if (!fs.existsSync(found)) throw new Error(`NGINX_PATH=${found} does not exist.`);
    return found;
  }
  const asRoot = os.userInfo().uid === 0;
  if (asRoot && fs.existsSync("/usr/bin/apt-get")) {
    console.log("No nginx found for the reverse-proxy test; installing it: apt-get install nginx");
    try {
      execFileSync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", "nginx"], {
        stdio: "inherit",
        env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
        timeout: 5 * 60_000,
      });
      if (fs.existsSync("/usr/sbin/nginx")) return "/usr/sbin/nginx";
    } catch {
      // Falls through to the message below.
    }
  }
  throw new Error(
    "The reverse-proxy test (tests/realtime/nginx.test.ts) needs nginx and none could be installed. Run:\n" +
      `  ${asRoot ? "" : "sudo "}apt-get install -y --no-install-recommends nginx\n` +
      "or set NGINX_PATH to an nginx binary.",
  );
}

/** Replaces what `pattern` matches, which must be exactly `count` lines of the documented file. */
function replaceExactly(text: string, pattern: RegExp, count: number, replacement: string | ((...groups: string[]) => string)): string {
  const matches = text.match(pattern)?.length ?? 0;
  if (matches !== count) {
    throw new Error(`${path.relative(root, documentedConfig)} changed: ${count} line(s) matching ${pattern} expected, ${matches} found; update tests/support/nginx.ts with it.`);
  }
  return text.replace(pattern, replacement as string);
}

/**
 * The documented file with the test's own addresses, and nothing else changed: the upstream
 * servers become the test's app ports, `listen 443 ssl` becomes plain HTTP on 127.0.0.1:`port`,
 * and the two certificate lines go (the test speaks HTTP). `ipHash: false` drops `ip_hash`, for
 * the control that shows what the line is for.
 */
export function testConfig(documented: string, { appPorts, port, ipHash = true }: { appPorts: number[]; port: number; ipHash?: boolean }): string {
  let config = replaceExactly(documented, /^(\s*server )127\.0\.0\.1:300([1-3]);/gm, appPorts.length, (_all, lead, n) => `${lead}127.0.0.1:${appPorts[Number(n) - 1]};`);
  config = replaceExactly(config, /^(\s*)listen 443 ssl;/gm, 1, `$1listen 127.0.0.1:${port};`);
  config = replaceExactly(config, /^\s*ssl_certificate(_key)? .*\n/gm, 2, "");
  if (!ipHash) config = replaceExactly(config, /^\s*ip_hash;.*\n/gm, 1, "");
  return config;
}

export type LoggedRequest = { client: string; uri: string; status: number; upstream: string };

export type RunningNginx = {
  url: string;
  /** Every request nginx finished so far: the client's address, URI, status and the app process that answered. */
  requests(): LoggedRequest[];
  stop(): Promise<void>;
};

/**
 * nginx in the foreground with everything in a temporary folder: its pid file, its temporary
 * files, an access log of which app process answered each request. The documented file is
 * included in the http {} block, as Debian's nginx.conf includes sites-enabled/.
 */
export async function startNginx(binary: string, options: { appPorts: number[]; ipHash?: boolean }): Promise<RunningNginx> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mitplan-nginx-"));
  const port = await freePort();
  fs.writeFileSync(path.join(dir, "mitplan.conf"), testConfig(fs.readFileSync(documentedConfig, "utf8"), { ...options, port }));
  const temp = ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map((kind) => `    ${kind}_temp_path ${path.join(dir, kind)};`);
  fs.writeFileSync(
    path.join(dir, "nginx.conf"),
    [
      // As root, nginx's workers would otherwise run as nobody, who may not enter the folder.
      ...(os.userInfo().uid === 0 ? ["user root;"] : []),
      "worker_processes 1;",
      "events { worker_connections 512; }",
      "http {",
      "    log_format upstreams '$remote_addr $request_uri $status $upstream_addr';",
      `    access_log ${path.join(dir, "access.log")} upstreams;`,
      ...temp,
      `    include ${path.join(dir, "mitplan.conf")};`,
      "}",
      "",
    ].join("\n"),
  );
  const pidFile = path.join(dir, "nginx.pid");
  const child = spawn(binary, ["-p", dir, "-c", path.join(dir, "nginx.conf"), "-g", `daemon off; pid ${pidFile}; error_log stderr;`], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  const log: string[] = [];
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => log.push(chunk));
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    child.once("exit", () => {
      exited = true;
      resolve();
    }),
  );
  // nginx writes its pid file once its port listens.
  await until("nginx listening", () => fs.existsSync(pidFile) || exited, 10_000);
  if (exited) throw new Error(`nginx did not start: ${log.join("")}`);
  return {
    url: `http://127.0.0.1:${port}`,
    requests: () =>
      fs
        .readFileSync(path.join(dir, "access.log"), "utf8")
        .split("\n")
        .filter(Boolean)
        .map((line) => {
          const [client, uri, status, upstream] = line.split(" ");
          return { client: client!, uri: uri!, status: Number(status), upstream: upstream! };
        }),
    async stop() {
      child.kill("SIGTERM");
      await exit;
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
