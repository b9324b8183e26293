import { io as connect } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoAccounts } from "../../app/demo/demo-data.server";
import { startTestServer, type TestServer } from "../support/server";
import { tamper } from "./helpers";

let server: TestServer;
const [admin, planner, moderator] = demoAccounts;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

type Options = { method?: string; cookie?: string; body?: Record<string, string>; headers?: Record<string, string> };

async function send(path: string, { method = "GET", cookie, body, headers = {} }: Options = {}) {
  const response = await fetch(server.url + path, {
    method,
    redirect: "manual",
    headers: {
      ...(method === "GET" ? {} : { Origin: server.url, "Content-Type": "application/x-www-form-urlencoded" }),
      ...(cookie ? { Cookie: cookie } : {}),
      ...headers,
    },
    body: body ? new URLSearchParams(body).toString() : undefined,
  });
  return {
    status: response.status,
    location: response.headers.get("location"),
    retryAfter: response.headers.get("retry-after"),
    setCookie: response.headers.getSetCookie(),
    html: await response.text(),
  };
}

async function signIn(email: string, password: string, extra: Record<string, string> = {}) {
  return send("/login", { method: "POST", body: { email, password, ...extra } });
}

/** The session cookie as the browser would send it back. */
async function signedIn(account: { email: string; password: string }): Promise<string> {
  const { setCookie } = await signIn(account.email, account.password);
  return setCookie.find((c) => c.startsWith("mitplan_session="))!.split(";")[0]!;
}

describe("CSRF", () => {
  it("refuses a POST without Origin or Referer, in the reader's language", async () => {
    const german = await send("/login", { method: "POST", headers: { Origin: "" }, body: { email: "x@y.de", password: "z" } });
    expect(german.status).toBe(403);
    expect(german.html).toContain("nicht von einer Seite von Mitplan");
    const english = await fetch(`${server.url}/logout`, { method: "POST", headers: { "Accept-Language": "en" } });
    expect(english.status).toBe(403);
    expect(await english.text()).toContain("did not come from a Mitplan page");
  });

  it("refuses a POST from another site, and one whose Origin is null", async () => {
    for (const origin of ["https://evil.example", "null", server.url.replace("localhost", "127.0.0.1")]) {
      const { status } = await send("/logout", { method: "POST", headers: { Origin: origin } });
      expect(status, origin).toBe(403);
    }
  });

  it("accepts our own Origin, or our own Referer when Origin is missing", async () => {
    expect((await send("/logout", { method: "POST" })).status).toBe(302);
    const referer = await fetch(`${server.url}/logout`, {
      method: "POST",
      redirect: "manual",
      headers: { Referer: `${server.url}/account` },
    });
    expect(referer.status).toBe(302);
  });
});

describe("cross-site sockets", () => {
  async function handshake(origin?: string): Promise<"connected" | "refused"> {
    const socket = connect(server.url, {
      transports: ["websocket"],
      extraHeaders: origin ? { origin } : {},
      forceNew: true,
      reconnection: false,
    });
    try {
      return await new Promise((resolve) => {
        socket.once("connect", () => resolve("connected"));
        socket.once("connect_error", () => resolve("refused"));
      });
    } finally {
      socket.disconnect();
    }
  }

  it("refuses a socket opened by a page of another site", async () => {
    expect(await handshake("https://evil.example")).toBe("refused");
    expect(await handshake(server.url)).toBe("connected");
    expect(await handshake()).toBe("connected");
  });
});

describe("signing in over HTTP", () => {
  it("sets an httpOnly, SameSite=Lax session cookie and follows redirectTo", async () => {
    const { status, location, setCookie } = await signIn(planner.email, planner.password, { redirectTo: "/account" });
    expect(status).toBe(302);
    expect(location).toBe("/account");
    expect(setCookie).toEqual([
      expect.stringMatching(/^mitplan_session=[a-z2-7]{24}\.[a-z2-7]{32}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=\d+$/),
    ]);
  });

  it("never redirects to another site", async () => {
    // Browsers drop tabs and newlines from a Location and read `\\` as `/`: each of these would leave the site.
    const foreign = [
      "//evil.example/",
      "https://evil.example/",
      "/\\evil.example",
      "/\t/evil.example",
      "/\n/evil.example",
      "\\/evil.example",
      "/\\\t\\evil.example",
      "/.//evil.example",
      "%2F%09%2Fevil.example",
      "javascript:alert(1)",
    ];
    for (const redirectTo of foreign) {
      const { status, location } = await signIn(planner.email, planner.password, { redirectTo });
      expect(`${status} ${location}`, JSON.stringify(redirectTo)).toBe("302 /");
    }
  });

  it("keeps a path of this site with its query", async () => {
    const redirectTo = "/plans/ziele-und-massnahmen-2022-2023?q=Sprache#treffer";
    expect((await signIn(planner.email, planner.password, { redirectTo })).location).toBe(redirectTo);
  });

  it("answers a wrong password like an unknown e-mail, in the reader's language", async () => {
    const wrong = await signIn(moderator.email, "falsches Passwort");
    const unknown = await signIn("niemand@mitplan.example", "falsches Passwort");
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.html).toContain("E-Mail-Adresse oder Passwort stimmen nicht.");
    expect(unknown.html).toContain("E-Mail-Adresse oder Passwort stimmen nicht.");
    expect(wrong.setCookie).toEqual([]);
    const english = await send("/login?lng=en", { method: "POST", body: { email: moderator.email, password: "wrong" } });
    expect(english.html).toContain("The e-mail address or the password is not correct.");
    expect(english.html).toMatch(/<p id="login-error" class="form-error" role="alert">/);
    expect(english.html).toMatch(/<input id="login-password" aria-describedby="login-error"/);
  });

  it("answers too many attempts with 429 and says how long to wait", async () => {
    const target = "rate-limit@mitplan.example";
    for (let i = 0; i < 10; i++) expect((await signIn(target, `wrong ${i}`)).status).toBe(401);
    const limited = await signIn(target, "wrong again");
    expect(limited.status).toBe(429);
    expect(Number(limited.retryAfter)).toBeGreaterThan(800);
    expect(limited.html).toMatch(/Zu viele Versuche\. Bitte warten Sie 1[45] Minuten/);
    const arabic = await send("/login?lng=ar", { method: "POST", body: { email: target, password: "x" } });
    expect(arabic.status).toBe(429);
    expect(arabic.html).toContain("محاولات كثيرة جدًا");
  });
});

describe("signed in", () => {
  it("shows the account in the header and ends the session on sign-out", async () => {
    const cookie = await signedIn(moderator);
    const home = await send("/", { cookie });
    expect(home.html).toContain("Angemeldet als Moritz Moderation");
    expect(home.html).toContain('href="/account"');
    expect(home.html).not.toContain('href="/admin/users"');
    expect((await send("/account", { cookie })).status).toBe(200);

    const out = await send("/logout", { method: "POST", cookie });
    expect(out.status).toBe(302);
    expect(out.setCookie).toEqual([expect.stringMatching(/^mitplan_session=; .*Max-Age=0/)]);
    const after = await send("/account", { cookie });
    expect(after.status).toBe(302);
    expect(after.location).toBe("/login?redirectTo=%2Faccount");
  });

  it("leads staff to the conferences, and a language mediator to their sessions instead", async () => {
    const home = await send("/", { cookie: await signedIn(moderator) });
    expect(home.html).toContain('href="/conferences"');
    expect(home.html).not.toContain('href="/mediation"');
    const cookie = await signedIn(demoAccounts.find((a) => a.role === "mediator")!);
    const mediators = await send("/", { cookie });
    expect(mediators.html).toContain('href="/mediation"');
    expect(mediators.html).not.toContain('href="/conferences"');
    const list = await send("/mediation", { cookie });
    expect(list.status).toBe(200);
    expect(list.html).toContain("Ihre Sitzungen");
  });

  it("treats a forged cookie as signed out and clears it", async () => {
    const cookie = tamper(await signedIn(moderator));
    const home = await send("/", { cookie });
    expect(home.status).toBe(200);
    expect(home.html).toContain('href="/login?redirectTo=%2F"');
    expect(home.setCookie).toEqual([expect.stringMatching(/^mitplan_session=; .*Max-Age=0/)]);
  });

  it("shows a 403 page in the reader's language for a page the role may not use", async () => {
    const cookie = await signedIn(planner);
    const forbidden = await send("/admin/users?lng=en", { cookie });
    expect(forbidden.status).toBe(403);
    expect(forbidden.html).toContain("Error 403");
    expect(forbidden.html).not.toMatch(/at .*\.(ts|js):\d+/);
  });

  it("lets an admin create an account and shows its password once", async () => {
    const cookie = await signedIn(admin);
    const created = await send("/admin/users", {
      method: "POST",
      cookie,
      body: { intent: "create", displayName: "Nora Neu", email: "nora@mitplan.example", role: "planner" },
    });
    expect(created.status).toBe(200);
    const password = /<code class="once-password" dir="ltr">([^<]+)<\/code>/.exec(created.html)?.[1];
    expect(password).toMatch(/^[a-z2-7]{5}(-[a-z2-7]{5}){3}$/);
    const page = await send("/admin/users", { cookie });
    expect(page.html).toContain("nora@mitplan.example");
    expect(page.html).not.toContain(password!);
    expect((await signIn("nora@mitplan.example", password!)).status).toBe(302);

    const taken = await send("/admin/users", {
      method: "POST",
      cookie,
      body: { intent: "create", displayName: "Nora", email: "nora@mitplan.example", role: "planner" },
    });
    expect(taken.status).toBe(409);
    expect(taken.html).toContain("Für diese E-Mail-Adresse gibt es schon ein Konto.");
    expect(taken.html).toMatch(/<input id="new-user-email" aria-invalid="true" aria-describedby="new-user-email-error"/);

    // Deactivated, the account is offered for reactivation, and can sign in again after it.
    const userId = new RegExp(`nora@mitplan.example[\\s\\S]*?name="userId" value="([0-9a-f-]{36})"`).exec(page.html)![1]!;
    expect((await send("/admin/users", { method: "POST", cookie, body: { intent: "deactivate", userId } })).status).toBe(200);
    expect((await signIn("nora@mitplan.example", password!)).status).not.toBe(302);
    const reactivated = await send("/admin/users", { method: "POST", cookie, body: { intent: "reactivate", userId } });
    expect(reactivated.html).toContain("Das Konto nora@mitplan.example ist wieder aktiv");
    expect((await signIn("nora@mitplan.example", password!)).status).toBe(302);
  });

  it("changes the own password from /account and rejects a common one", async () => {
    const cookie = await signedIn(admin);
    const common = await send("/account", {
      method: "POST",
      cookie,
      body: { intent: "changePassword", currentPassword: admin.password, newPassword: "Sonnenschein1" },
    });
    expect(common.status).toBe(400);
    expect(common.html).toContain("Dieses Passwort ist sehr verbreitet");
  });
});
