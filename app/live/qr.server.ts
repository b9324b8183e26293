import QRCode from "qrcode";
import type { AppLoadContext } from "@remix-run/node";

export type JoinLink = {
  code: string;
  url: string;
  qrSvg: string;
  /** The link names this computer (localhost, 127.x, ::1): phones in the room cannot open it. */
  local: boolean;
};

/** The short link a participant types or scans; the code alone opens the session. */
export function joinUrl(origin: string, code: string): string {
  return `${origin.replace(/\/+$/, "")}/j/${encodeURIComponent(code)}`;
}

const loopbackHost = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\]|\[::ffff:127(?:\.\d{1,3}){3}\])$/i;

/**
 * The address phones reach: PUBLIC_URL when the operator set it, else the one the moderator's
 * browser used (which is useless to phones when that was localhost: the page then says so).
 */
export function publicOrigin(request: Request, context: Pick<AppLoadContext, "publicUrl">): string {
  return context.publicUrl ?? new URL(request.url).origin;
}

/**
 * The join link with its QR code as SVG, made on the server so the page needs no script to show
 * it. Level M survives a projector's glare and a phone camera at the back of the room.
 */
export async function joinLink(origin: string, code: string): Promise<JoinLink> {
  const url = joinUrl(origin, code);
  return { code, url, qrSvg: await qrSvg(url), local: isLocalOrigin(origin) };
}

/** Any link of ours as a QR code in SVG (a participant's return link, too): no script on the page. */
export function qrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
}

export function isLocalOrigin(origin: string): boolean {
  return loopbackHost.test(new URL(origin).hostname);
}
