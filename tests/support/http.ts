/** Plain HTTP as a browser without JavaScript does it: forms, redirects, cookies. */

export type Fields = Record<string, string | string[]>;

/**
 * `html` is the page as sent; `text` leaves out its scripts, which carry every message of the
 * language (so a message "on the page" must be looked for in `text`).
 */
async function read(response: Response) {
  const html = await response.text();
  return {
    response,
    status: response.status,
    location: response.headers.get("location"),
    html,
    text: html.replace(/<script\b[\s\S]*?<\/script>/g, ""),
  };
}

/** The cookies a response sets, as a Cookie header; `previous` ones survive unless replaced. */
export function cookiesFrom(response: Response, previous = ""): string {
  const jar = new Map(
    previous
      .split(";")
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) => [part.slice(0, part.indexOf("=")), part] as const),
  );
  for (const header of response.headers.getSetCookie()) {
    const pair = header.split(";")[0]!;
    jar.set(pair.slice(0, pair.indexOf("=")), pair);
  }
  return [...jar.values()].join("; ");
}

export async function get(origin: string, path: string, cookie = "", headers: Record<string, string> = {}) {
  return read(await fetch(origin + path, { headers: { cookie, ...headers }, redirect: "manual" }));
}

/**
 * A page as the tests read it: React 18.3's streaming renderer can put a NUL byte where a
 * multi-byte character meets a 2 KB chunk boundary (facebook/react#31134); where it lands moves
 * with the content, so it is no part of what a test looks for.
 */
export async function getPage(...args: Parameters<typeof get>) {
  const page = await get(...args);
  return { ...page, html: page.html.replace(/\0/g, ""), text: page.text.replace(/\0/g, "") };
}

/** A form post from our own page: the CSRF check wants the Origin of the site itself. */
export async function post(origin: string, path: string, fields: Fields, cookie = "") {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) {
    for (const v of Array.isArray(value) ? value : [value]) body.append(name, v);
  }
  return read(
    await fetch(origin + path, {
      method: "POST",
      headers: { cookie, origin, "content-type": "application/x-www-form-urlencoded" },
      body,
      redirect: "manual",
    }),
  );
}

const decode = (value: string) =>
  value.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

/** The hidden fields of the form with this id, as the page rendered them. */
export function hiddenFields(html: string, formId: string): Record<string, string> {
  const start = html.indexOf(`id="${formId}"`);
  if (start === -1) throw new Error(`no form with id ${formId} on the page`);
  const form = html.slice(start, html.indexOf("</form>", start));
  const fields: Record<string, string> = {};
  for (const match of form.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)) {
    fields[decode(match[1]!)] = decode(match[2]!);
  }
  return fields;
}

/** Joins by the short link as a phone without JavaScript would; returns the cookies and the page. */
export async function joinByLink(origin: string, code: string, fields: Fields) {
  const page = await get(origin, `/j/${code}`);
  if (page.status !== 200) throw new Error(`GET /j/${code}: ${page.status}`);
  const joined = await post(origin, `/j/${code}`, fields);
  if (joined.status !== 302) throw new Error(`POST /j/${code}: ${joined.status}\n${joined.html.slice(0, 500)}`);
  return { cookie: cookiesFrom(joined.response), location: joined.location! };
}

/**
 * A step at the moderator's console, posted as its form: the one path that steers a live session
 * (docs/decisions/037). The server publishes the change, so watching sockets hear it.
 */
export async function steerAtConsole(origin: string, liveSessionId: string, cookie: string, fields: Fields) {
  const page = await post(origin, `/live/${liveSessionId}/console`, fields, cookie);
  if (!steered(page)) throw new Error(`console ${String(fields.intent)}: ${page.status} ${page.location ?? ""}`);
  return page;
}

/** Whether a console post went through: its page, or a redirect back to it (never to the sign-in). */
export function steered({ status, location }: { status: number; location: string | null }): boolean {
  return status < 300 || (status < 400 && !location?.startsWith("/login"));
}
