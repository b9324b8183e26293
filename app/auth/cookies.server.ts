/** Staff sign-in: `id.secret` of an `auth_session` row. */
export const sessionCookieName = "mitplan_session";
/** Anonymous participant identity: `participantId.secret` of a `participant` row. */
export const participantCookieName = "mitplan_participant";

export function readCookie(header: string | null | undefined, name: string): string | null {
  for (const part of (header ?? "").split(";")) {
    const index = part.indexOf("=");
    if (index > 0 && part.slice(0, index).trim() === name) return part.slice(index + 1).trim();
  }
  return null;
}

/**
 * Secure is dropped only for plain http on localhost, where browsers would otherwise refuse the
 * cookie during development; everything else (including a TLS proxy in front) keeps it.
 */
function isPlainHttpLocalhost(requestUrl: string): boolean {
  const url = new URL(requestUrl);
  return url.protocol === "http:" && ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
}

export function cookieHeader(request: Request, name: string, value: string, maxAgeSeconds: number): string {
  const parts = [`${name}=${value}`, "Path=/", "HttpOnly", "SameSite=Lax", `Max-Age=${Math.max(0, Math.floor(maxAgeSeconds))}`];
  if (!isPlainHttpLocalhost(request.url)) parts.push("Secure");
  return parts.join("; ");
}

export function clearCookieHeader(request: Request, name: string): string {
  return cookieHeader(request, name, "", 0);
}

export function sessionCookieHeader(request: Request, token: string, expiresAt: Date): string {
  return cookieHeader(request, sessionCookieName, token, (expiresAt.getTime() - Date.now()) / 1000);
}
