import QRCode from "qrcode";

/** The short link a participant types or scans; the code alone opens the session. */
export function joinUrl(origin: string, code: string): string {
  return `${origin.replace(/\/+$/, "")}/j/${encodeURIComponent(code)}`;
}

/**
 * The join link as an SVG QR code, made on the server so the page needs no script to show it.
 * Level M survives a projector's glare and a phone camera at the back of the room.
 */
export function joinQrSvg(origin: string, code: string): Promise<string> {
  return QRCode.toString(joinUrl(origin, code), { type: "svg", errorCorrectionLevel: "M", margin: 2 });
}
