import { TranslatorError, type Engine } from "./translator";

export type Answer = { status: number; body: unknown; retryAfterSeconds?: number };

/** How long a service may take before a translation counts as failed; the poster never waits for it. */
export const defaultTimeoutMs = 10_000;

/**
 * One request to a translation service, body included, within `timeoutMs`. A service that is
 * unreachable or answers too late becomes a TranslatorError; any HTTP status is the adapter's to read.
 */
export async function requestJson(engine: Engine, url: URL, init: RequestInit, timeoutMs: number): Promise<Answer> {
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    const text = await response.text();
    return {
      status: response.status,
      body: parseJson(text),
      retryAfterSeconds: retryAfter(response.headers.get("retry-after")),
    };
  } catch (error) {
    if (error instanceof DOMException && (error.name === "TimeoutError" || error.name === "AbortError")) {
      throw new TranslatorError("timeout", engine, `no answer within ${timeoutMs} ms`, { cause: error });
    }
    throw new TranslatorError("unavailable", engine, `cannot reach ${url.origin}`, { cause: error });
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Retry-After in seconds, whether the service sent seconds or an HTTP date. */
function retryAfter(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

/**
 * The service's own reason, shortened: enough for the log, never the texts we sent (neither
 * service repeats them in an error).
 */
export function reasonOf(body: unknown, field: "error" | "message"): string {
  const reason =
    typeof body === "object" && body !== null && typeof (body as Record<string, unknown>)[field] === "string"
      ? ((body as Record<string, unknown>)[field] as string)
      : typeof body === "string"
        ? body
        : "";
  return reason.replace(/\s+/g, " ").trim().slice(0, 200) || "no reason given";
}
