import { TranslatorError, type Engine } from "./translator";

export type Answer = { status: number; body: unknown; retryAfterSeconds?: number };

/** How long a service may take before a translation counts as failed; the poster never waits for it. */
export const defaultTimeoutMs = 10_000;

/**
 * One request to a translation service, body included, within `timeoutMs`. A service that is
 * unreachable or answers too late becomes a TranslatorError; any HTTP status is the adapter's to read.
 *
 * The time-out races the request rather than relying on `AbortSignal.timeout` alone: Node's
 * timeout signal and fetch's copy of it are held weakly, and after a garbage collection the abort
 * may never arrive (nodejs/node#55428, nodejs/undici#4068), leaving a hung service hanging us too.
 */
export async function requestJson(engine: Engine, url: URL, init: RequestInit, timeoutMs: number): Promise<Answer> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new TranslatorError("timeout", engine, `no answer within ${timeoutMs} ms`);
      controller.abort(error);
      reject(error);
    }, timeoutMs);
  });
  const exchange = async (): Promise<Answer> => {
    try {
      const response = await fetch(url, { ...init, signal: controller.signal });
      const text = await response.text();
      return {
        status: response.status,
        body: parseJson(text),
        retryAfterSeconds: retryAfter(response.headers.get("retry-after")),
      };
    } catch (error) {
      if (error instanceof TranslatorError) throw error;
      throw new TranslatorError("unavailable", engine, `cannot reach ${url.origin}`, { cause: error });
    }
  };
  try {
    return await Promise.race([exchange(), late]);
  } finally {
    clearTimeout(timer);
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
  const own = typeof body === "object" && body !== null ? (body as Record<string, unknown>)[field] : body;
  const reason = typeof own === "string" ? own : "";
  return reason.replace(/\s+/g, " ").trim().slice(0, 200) || "no reason given";
}
