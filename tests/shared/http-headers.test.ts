import { createServer, request } from "node:http";
import type { AddressInfo } from "node:net";
import { createGunzip, gunzipSync } from "node:zlib";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addHttpSafeguards } from "../../app/http.server";
import { startTestServer, type TestServer } from "../support/server";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

type Raw = { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer };
/** A request as a browser sends it, with the body as it came over the wire (not decoded). */
function raw(path: string, headers: Record<string, string> = {}, body?: string): Promise<Raw> {
  return new Promise((resolve, reject) => {
    request(`${server.url}${path}`, { headers, method: body === undefined ? "GET" : "POST" }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on("error", reject)
      .end(body);
  });
}
const csp = (r: Raw) => String(r.headers["content-security-policy"]);
const html = (r: Raw) => (r.headers["content-encoding"] === "gzip" ? gunzipSync(r.body) : r.body).toString("utf8");

describe("security headers", () => {
  it("send a policy that allows only this origin, with a fresh nonce on every inline script", async () => {
    const [first, second] = [await raw("/"), await raw("/")];
    const policy = csp(first);
    const nonce = /script-src 'self' 'nonce-([A-Za-z0-9+/=]+)'/.exec(policy)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp(second)).not.toContain(nonce);
    for (const directive of ["default-src 'self'", "frame-ancestors 'none'", "connect-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'self'", "script-src-attr 'none'"]) {
      expect(policy).toContain(directive);
    }
    // Scripts never run inline without the nonce; only style attributes (a bar's width) may be inline.
    const unsafe = policy.split(";").filter((directive) => /unsafe-(inline|eval)/.test(directive));
    expect(unsafe).toEqual(["style-src-attr 'unsafe-inline'"]);
    const scripts = [...html(first).matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);
  });

  it("forbid framing, sniffing, referrers and unused features on pages, files and downloads", async () => {
    const login = "/login";
    for (const path of [login, "/", "/favicon.svg", "/plans/ziele-und-massnahmen-2022-2023/export.csv", "/does-not-exist"]) {
      const { headers } = await raw(path);
      expect(headers["x-content-type-options"], path).toBe("nosniff");
      expect(headers["x-frame-options"], path).toBe("DENY");
      expect(headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
      expect(headers["referrer-policy"], path).toBe("same-origin");
      expect(headers["permissions-policy"], path).toContain("camera=()");
      expect(headers["x-powered-by"], path).toBeUndefined();
    }
  });

  it("send nosniff on socket.io's long-polling answers too", async () => {
    const handshake = await raw("/socket.io/?EIO=4&transport=polling", { "accept-encoding": "gzip" });
    expect(handshake.status).toBe(200);
    expect(handshake.headers["x-content-type-options"]).toBe("nosniff");
  });
});

describe("compression", () => {
  it("compresses pages, scripts and styles with gzip or brotli, and says so to caches", async () => {
    const page = await raw("/", { "accept-encoding": "gzip" });
    expect(page.headers["content-encoding"]).toBe("gzip");
    expect(page.headers.vary).toMatch(/Accept-Encoding/i);
    expect(html(page)).toContain("<html");
    const bundle = /"(\/build\/root-[^"]+\.js)"/.exec(html(page))![1]!;
    const brotli = await raw(bundle, { "accept-encoding": "br" });
    expect(brotli.headers["content-encoding"]).toBe("br");
    // Fingerprinted files are cached for a year and never asked for again.
    expect(brotli.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    const plain = await raw(bundle);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    const css = /href="(\/build\/_assets\/[^"]+\.css)"/.exec(html(page))![1]!;
    expect((await raw(css, { "accept-encoding": "gzip, br" })).headers["content-encoding"]).toBe("br");
  });

  it("sends build files with the headers a script can use, and resumes a cut-off download", async () => {
    const bundle = /"(\/build\/root-[^"]+\.js)"/.exec(html(await raw("/")))![1]!;
    const whole = await raw(bundle, { "accept-encoding": "br" });
    expect(whole.headers["x-content-type-options"]).toBe("nosniff");
    expect(whole.headers["cross-origin-resource-policy"]).toBe("same-origin");
    // A policy, frame or permission header says nothing about a script; a 2G phone paid for it ~25 times a page.
    for (const header of ["content-security-policy", "permissions-policy", "x-frame-options"]) expect(whole.headers[header], header).toBeUndefined();
    // Strong, and different per encoding: a browser may resume a cut-off download only with a strong validator.
    const etag = String(whole.headers.etag);
    expect(etag).toMatch(/^"root-[^"]+\.js\.br"$/);
    expect((await raw(bundle, { "accept-encoding": "gzip" })).headers.etag).not.toBe(etag);
    const rest = await raw(bundle, { "accept-encoding": "br", range: "bytes=100-", "if-range": etag });
    expect(rest.status).toBe(206);
    expect(Buffer.concat([whole.body.subarray(0, 100), rest.body]).equals(whole.body)).toBe(true);
  });

  it("leaves socket.io's long polling working", async () => {
    const handshake = await raw("/socket.io/?EIO=4&transport=polling", { "accept-encoding": "gzip" });
    const sid = /"sid":"([^"]+)"/.exec(html(handshake))![1]!;
    const polling = `/socket.io/?EIO=4&transport=polling&sid=${sid}`;
    // Connect to the main namespace; the next poll answers at once with the server's reply.
    expect((await raw(polling, { "content-type": "text/plain;charset=UTF-8" }, "40")).status).toBe(200);
    const poll = await raw(polling, { "accept-encoding": "gzip" });
    expect(poll.status).toBe(200);
    expect(html(poll)).toMatch(/^40\{"sid":/);
  });
});

describe("compression of a streamed response", () => {
  it("delivers each chunk as it is written, not when the response ends", { timeout: 10_000 }, async () => {
    let clientGotFirst: () => void = () => {};
    const firstArrived = new Promise<void>((resolve) => (clientGotFirst = resolve));
    const app = express();
    addHttpSafeguards(app);
    app.get("/stream", (_req, res) => {
      res.type("html");
      res.write(`<p>${"Erster Teil ".repeat(200)}</p>`);
      // The end waits for the client to have read the first part: buffering would hang here.
      void firstArrived.then(() => res.end("<p>Zweiter Teil</p>"));
    });
    const httpServer = createServer(app).listen(0);
    await new Promise((resolve) => httpServer.once("listening", resolve));
    try {
      const { port } = httpServer.address() as AddressInfo;
      const text = await new Promise<string>((resolve, reject) => {
        request(`http://127.0.0.1:${port}/stream`, { headers: { "accept-encoding": "gzip" } }, (res) => {
          expect(res.headers["content-encoding"]).toBe("gzip");
          let body = "";
          const gunzip = res.pipe(createGunzip());
          gunzip.on("data", (chunk: Buffer) => {
            body += chunk.toString("utf8");
            if (body.includes("</p>")) clientGotFirst();
          });
          gunzip.on("end", () => resolve(body));
          gunzip.on("error", reject);
        })
          .on("error", reject)
          .end();
      });
      expect(text).toContain("Zweiter Teil");
    } finally {
      httpServer.close();
    }
  });
});
