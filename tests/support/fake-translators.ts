import http, { type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * Local stand-ins for LibreTranslate and the DeepL API that speak their HTTP APIs closely enough
 * to catch a wrong request: they check the path, the key, the fields and the language codes the
 * way the real services do, and "translate" a text into `<target>: <text>`. A test can queue
 * other answers (errors, rate limits) or a request that is never answered.
 */

export type RecordedRequest = { method: string; path: string; headers: IncomingHttpHeaders; body: unknown };

/** An answer to send instead of translating, or `hang`: keep the request open, never answer. */
export type Reply = { status: number; body: unknown; headers?: Record<string, string> } | "hang";

export type FakeService = {
  url: string;
  requests: RecordedRequest[];
  /** Answers for the next requests, in order; after them the service translates again. */
  reply(...replies: Reply[]): void;
  close(): Promise<void>;
};

type Answer = Exclude<Reply, "hang">;
type Handler = (request: RecordedRequest) => Answer;

async function startFake(handle: Handler): Promise<FakeService> {
  const requests: RecordedRequest[] = [];
  const queued: Reply[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      let body: unknown = raw;
      if ((req.headers["content-type"] ?? "").startsWith("application/json")) {
        try {
          body = JSON.parse(raw);
        } catch {
          body = raw;
        }
      }
      const recorded: RecordedRequest = { method: req.method ?? "", path: req.url ?? "", headers: req.headers, body };
      requests.push(recorded);
      const reply = queued.shift() ?? handle(recorded);
      if (reply === "hang") return;
      res.writeHead(reply.status, { "content-type": "application/json", ...reply.headers });
      res.end(JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    reply: (...replies) => queued.push(...replies),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const fields = (body: unknown): Record<string, unknown> =>
  typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {};

/**
 * LibreTranslate 1.x: `POST /translate` with q (a text or a list), source, target, format and,
 * on servers run with `--api-keys`, api_key; `GET /languages`. Errors are `{ "error": … }`.
 */
export function fakeLibreTranslate(options: { apiKey?: string; languages?: string[] } = {}): Promise<FakeService> {
  const loaded = options.languages ?? ["en", "de", "tr", "ar", "uk", "ru", "pl", "fa"];
  return startFake((request) => {
    if (request.method === "GET" && request.path === "/languages") {
      return {
        status: 200,
        body: loaded.map((code) => ({ code, name: code, targets: loaded.filter((c) => c !== code) })),
      };
    }
    if (request.method !== "POST" || request.path !== "/translate") {
      return { status: 404, body: { error: "Not Found" } };
    }
    const { q, source, target, format, api_key: apiKey } = fields(request.body);
    if (options.apiKey && apiKey !== undefined && apiKey !== options.apiKey) {
      return { status: 403, body: { error: "Invalid API key" } };
    }
    if (options.apiKey && apiKey === undefined) {
      return { status: 400, body: { error: "Please contact the server operator to get an API key" } };
    }
    for (const [name, value] of Object.entries({ q, source, target })) {
      if (!value) return { status: 400, body: { error: `Invalid request: missing ${name} parameter` } };
    }
    for (const code of [source, target]) {
      if (typeof code !== "string" || !loaded.includes(code)) {
        return { status: 400, body: { error: `${String(code)} is not supported` } };
      }
    }
    if (format !== undefined && format !== "text" && format !== "html") {
      return { status: 400, body: { error: `${String(format)} format is not supported` } };
    }
    const translate = (text: unknown) => `${String(target)}: ${String(text)}`;
    return { status: 200, body: { translatedText: Array.isArray(q) ? q.map(translate) : translate(q) } };
  });
}

/** DeepL's codes as its documentation lists them (a part is enough here). */
const deeplSources = ["AR", "BG", "CS", "DE", "EN", "ES", "FR", "IT", "PL", "PT", "RU", "TR", "UK", "ZH"];
const deeplTargets = ["AR", "BG", "CS", "DE", "EN-GB", "EN-US", "ES", "FR", "IT", "PL", "PT-BR", "PT-PT", "RU", "TR", "UK"];

/**
 * The DeepL API v2: `POST /v2/translate` with `Authorization: DeepL-Auth-Key <key>`, a JSON body
 * of text (a list), target_lang and source_lang. Errors are `{ "message": … }`.
 */
export function fakeDeepL(options: { apiKey: string }): Promise<FakeService> {
  return startFake((request) => {
    if (request.method !== "POST" || request.path !== "/v2/translate") {
      return { status: 404, body: { message: "Not found" } };
    }
    if (request.headers.authorization !== `DeepL-Auth-Key ${options.apiKey}`) {
      return { status: 403, body: { message: "Wrong authentication key" } };
    }
    const { text, target_lang: target, source_lang: source } = fields(request.body);
    if (!Array.isArray(text) || text.length === 0 || text.length > 50) {
      return { status: 400, body: { message: "Parameter 'text' not specified." } };
    }
    if (typeof target !== "string" || !deeplTargets.includes(target)) {
      return { status: 400, body: { message: "Value for 'target_lang' not supported." } };
    }
    if (source !== undefined && (typeof source !== "string" || !deeplSources.includes(source))) {
      return { status: 400, body: { message: "Value for 'source_lang' not supported." } };
    }
    return {
      status: 200,
      body: {
        translations: text.map((t) => ({ detected_source_language: source ?? "DE", text: `${target}: ${String(t)}` })),
      },
    };
  });
}
