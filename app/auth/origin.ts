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
