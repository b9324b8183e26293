import type { IncomingHttpHeaders } from "node:http";

/**
 * The host a request says it comes from: Origin, or Referer when a browser left Origin out;
 * "" when unreadable (such as `Origin: null`), null when neither header is there.
 */
function claimedHost(headers: IncomingHttpHeaders): string | null {
  const source = headers.origin ?? headers.referer;
  if (source === undefined) return null;
  try {
    return new URL(source).host;
  } catch {
    return "";
  }
}

/** A page of another site may not post to Mitplan: its Origin (or Referer) must be our own host. */
export function isSameOrigin(headers: IncomingHttpHeaders): boolean {
  const host = claimedHost(headers);
  return Boolean(host) && host === headers.host;
}

/**
 * For the socket.io handshake: browsers always send Origin there, so only a foreign one is
 * refused; clients outside a browser send none.
 */
export function hasForeignOrigin(headers: IncomingHttpHeaders): boolean {
  const host = claimedHost(headers);
  return host !== null && host !== headers.host;
}

/**
 * Makes `Host` the host the browser asked for, so that every reader agrees on it: Express's
 * `req.hostname`, Remix's `request.url` (which takes the port of X-Forwarded-Host even from a
 * client no one trusts) and the same-origin checks above. A trusted proxy's first X-Forwarded-Host
 * replaces Host, since proxies often rewrite Host to their upstream address; anyone else's is dropped.
 */
export function settleForwardedHost(headers: IncomingHttpHeaders, fromTrustedProxy: boolean): void {
  const forwarded = headers["x-forwarded-host"];
  if (forwarded === undefined) return;
  delete headers["x-forwarded-host"];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim();
  if (fromTrustedProxy && first) headers.host = first;
}

const sameSite = "http://mitplan.invalid";

/**
 * Where a sign-in may send the browser: a path on this site, else `/`. The value is read the way
 * a browser reads a Location header (tabs and newlines dropped, `\` as `/`), so a path such as
 * `/\t/evil.example` that the browser would turn into `//evil.example` is caught here.
 */
export function safeRedirectPath(value: unknown): string {
  if (typeof value !== "string" || !value.startsWith("/")) return "/";
  let target: URL;
  try {
    target = new URL(value, sameSite);
  } catch {
    return "/";
  }
  const path = target.pathname + target.search + target.hash;
  // A normalised path that starts with two slashes would itself be read as another host.
  if (target.origin !== sameSite || /^[/\\]{2}/.test(path)) return "/";
  return path;
}
