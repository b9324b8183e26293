import { randomBytes } from "node:crypto";
import { constants } from "node:zlib";
import compression from "compression";
import path from "node:path";
import type { Express, Handler, NextFunction, Request, Response } from "express";
import expressStaticGzip from "express-static-gzip";
import helmet from "helmet";
import type { Server as SocketServer } from "socket.io";
import { i18nServer } from "./i18n/i18n.server";
import { fallbackLanguage, languages } from "./i18n/config";

/**
 * The HTTP layer every response passes through (docs/decisions/014-security-headers-and-compression.md):
 * refuse addresses with NUL, security headers with a per-request script nonce, compression.
 */

/**
 * A URL holding a NUL byte, raw or percent-encoded, in its path or query. No page takes one and
 * PostgreSQL cannot store one, so it is refused before any loader passes it into a query.
 */
function hasNulByte(url: string): boolean {
  return url.includes("%00") || url.includes("\u0000");
}

async function refuseNulBytes(req: Request, res: Response, next: NextFunction) {
  if (!hasNulByte(req.originalUrl)) return next();
  const t = await i18nServer.getFixedT(req.acceptsLanguages(...languages) || fallbackLanguage, "common");
  res
    .status(400)
    .type("text/plain; charset=utf-8")
    .send(`${t("error.badRequestTitle")}\n\n${t("error.badRequestText")}\n`);
}

/** The nonce of this response's inline scripts (Remix's context, hydration and scroll scripts). */
export function cspNonceOf(res: Response): string {
  return res.locals.cspNonce as string;
}

// Features no page uses; a page that starts to need one names it here.
const permissionsPolicy = ["camera", "microphone", "geolocation", "payment", "usb", "serial", "bluetooth", "midi", "display-capture", "browsing-topics"]
  .map((feature) => `${feature}=()`)
  .join(", ");

const securityHeaders = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      // Remix's inline scripts carry the nonce; the bundles come from /build.
      scriptSrc: ["'self'", (_req, res) => `'nonce-${cspNonceOf(res as Response)}'`],
      scriptSrcAttr: ["'none'"],
      styleSrc: ["'self'"],
      // Style attributes only (a chart bar's width, a timer's progress): they cannot run code, and
      // React sets them after hydration, where no nonce applies. <style> elements stay forbidden.
      styleSrcAttr: ["'unsafe-inline'"],
      imgSrc: ["'self'"],
      fontSrc: ["'self'"],
      // socket.io: polling and WebSocket to this origin; CSP Level 3 lets 'self' match ws: and wss:.
      connectSrc: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      baseUri: ["'none'"],
      objectSrc: ["'none'"],
      manifestSrc: ["'self'"],
    },
  },
  frameguard: { action: "deny" },
  referrerPolicy: { policy: "same-origin" },
  // A city's other hosts under the same domain are not ours to pin to HTTPS.
  strictTransportSecurity: { maxAge: 365 * 24 * 60 * 60, includeSubDomains: false },
});

/**
 * gzip or brotli for pages, scripts, styles and JSON. Each write is flushed so that Remix's
 * streamed HTML reaches the phone as it is rendered; socket.io answers its own requests before
 * Express sees them, so long polling is never buffered here.
 */
const compressResponses = compression({
  flush: constants.Z_SYNC_FLUSH,
  brotli: { flush: constants.BROTLI_OPERATION_FLUSH },
});

/**
 * The fingerprinted build files (scripts and styles, precompressed at build time by
 * precompress.ts; brotli first). They get only the headers a script or a style sheet can use:
 * a policy, frame or permission header applies to documents, and on a 2G link the page's ~25
 * files paid ~0.7 KB each for them (issue 14). The ETag is strong (the name is the content's
 * hash, the suffix the encoding), so a download cut off by a navigation (a phone joining before
 * the scripts arrived) resumes with a range request instead of starting again.
 */
export function serveBuildFiles(directory: string): Handler {
  const files = expressStaticGzip(directory, {
    enableBrotli: true,
    orderPreference: ["br", "gzip"],
    index: false,
    serveStatic: {
      immutable: true,
      maxAge: "1y",
      setHeaders: (res, file) => res.setHeader("ETag", `"${path.basename(file)}"`),
    },
  });
  return (req, res, next) => {
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Cross-Origin-Resource-Policy", "same-origin");
    files(req, res, next);
  };
}

/** What every other response passes through before the static files and pages. */
export function addHttpSafeguards(app: Express): void {
  app.use((_req, res, next) => {
    res.locals.cspNonce = randomBytes(16).toString("base64");
    res.setHeader("Permissions-Policy", permissionsPolicy);
    next();
  });
  app.use(securityHeaders);
  app.use((req, res, next) => void refuseNulBytes(req, res, next).catch(next));
  app.use(compressResponses);
}

/** socket.io's own HTTP answers (long polling) get nosniff too; they never pass through Express. */
export function addSocketSafeguards(io: SocketServer): void {
  io.engine.on("headers", (headers: Record<string, string>) => {
    headers["X-Content-Type-Options"] = "nosniff";
  });
}
