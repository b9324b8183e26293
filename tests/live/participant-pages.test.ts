import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StaffActor } from "../../app/auth/actor";
import type { LiveDeps } from "../../app/live/events";
import { defaultActivities } from "../../app/live/agenda-entries.server";
import { updateActivities } from "../../app/live/setup.server";
import { setCurrentItem, setPhase } from "../../app/live/steer.server";
import { proposals, votes } from "../../db/schema";
import arDemo from "../../db/demo/translations/ziele-und-massnahmen-2022-2023/ar.json";
import trDemo from "../../db/demo/translations/ziele-und-massnahmen-2022-2023/tr.json";
import deLive from "../../locales/de/live.json";
import { createStaff, recordingDeps, startedSession } from "../support/fixtures";
import { cookiesFrom, get, hiddenFields, joinByLink, post } from "../support/http";
import { startTestServer, type TestServer } from "../support/server";

let server: TestServer;
let deps: LiveDeps;
let moderator: StaffActor;
let session: Awaited<ReturnType<typeof startedSession>>;
let measureItem: string;
let clusterItem: string;
let page: string;

beforeAll(async () => {
  server = await startTestServer();
  deps = recordingDeps(server.database.db);
  moderator = await createStaff(server.database.db, "moderator");
  session = await startedSession(deps, moderator, { measureCodes: ["540-2"], clusterKeys: ["alter-pflege"], dots: 2 });
  [measureItem, clusterItem] = session.itemIds as [string, string];
  await updateActivities(deps, moderator, {
    agendaItemId: measureItem,
    activities: { ...defaultActivities("measure"), scale: { min: 1, max: 10, label: null } },
  });
  page = `/live/${session.liveSessionId}`;
});
afterAll(() => server.close());

/** The participant's stored votes; their id is the first part of the cookie's token. */
const votesOf = (cookie: string) => {
  const participantId = /mitplan_participant=([0-9a-f-]{36})\./.exec(cookie)![1]!;
  return server.database.db
    .select()
    .from(votes)
    .where(and(eq(votes.liveSessionId, session.liveSessionId), eq(votes.participantId, participantId)));
};

describe("joining without JavaScript", () => {
  it("leads from the code form to the short link, or says why a code does not work", async () => {
    const form = await get(server.url, "/join");
    expect(form.status).toBe(200);
    expect(form.html).toContain('name="code"');

    const onward = await get(server.url, `/join?code=${session.joinCode.toLowerCase()}`);
    expect(onward.status).toBe(302);
    expect(onward.location).toBe(`/j/${session.joinCode}`);

    const wrong = await get(server.url, "/join?code=ZZZZZZ");
    expect(wrong.status).toBe(404);
    expect(wrong.text).toContain("Zu diesem Code gibt es keine laufende Sitzung.");
    const wrongLink = await get(server.url, "/j/ZZZZZZ", "", { "accept-language": "en" });
    expect(wrongLink.status).toBe(404);
    expect(wrongLink.text).toContain("No running session has this code.");
  });

  it("shows the conference and the languages it offers, preset from the browser", async () => {
    const { status, html } = await get(server.url, `/j/${session.joinCode}`, "", { "accept-language": "ar,de;q=0.5" });
    expect(status).toBe(200);
    expect(html).toContain("Zukunftskonferenz Sieker");
    expect(html).toMatch(/<option value="ar" lang="ar" selected="">العربية<\/option>/);
    for (const group of ["citizen", "migrant_organisation", "welfare_organisation", "administration", "youth"]) {
      expect(html).toContain(`value="${group}"`);
    }
  });

  it("sets the participant cookie and the chosen language, then opens the session", async () => {
    const joined = await post(server.url, `/j/${session.joinCode}`, {
      language: "en",
      displayName: "Amal",
      group: "migrant_organisation",
      district: "Stieghorst",
    });
    expect(joined.status).toBe(302);
    expect(joined.location).toBe(page);
    const setCookies = joined.response.headers.getSetCookie();
    expect(setCookies.some((c) => c.startsWith("mitplan_participant=") && c.includes("HttpOnly"))).toBe(true);
    expect(setCookies.some((c) => c.startsWith("lng="))).toBe(true);
    const view = await get(server.url, page, cookiesFrom(joined.response));
    expect(view.status).toBe(200);
    expect(view.html).toContain('<html lang="en" dir="ltr">');
  });

  it("sends the join pages without scripts of their own, prefetching with JavaScript what the participant's page runs", async () => {
    const joined = await joinByLink(server.url, session.joinCode, { language: "de" });
    const participantPage = (await get(server.url, joined.location, joined.cookie)).html;
    const participantScripts = new Set([...participantPage.matchAll(/rel="modulepreload" href="([^"]+)"/g)].map((m) => m[1]!));
    expect(participantScripts.size).toBeGreaterThan(5);
    for (const path of [`/j/${session.joinCode}`, "/join"]) {
      const { html } = await get(server.url, path);
      // Nothing runs the page itself (decision 053): its forms post as plain forms.
      expect(html).not.toMatch(/<script[^>]*type="module"/);
      expect(html).not.toContain("__remixContext");
      expect(html).not.toContain('rel="modulepreload"');
      // The prefetch list is written by a script, which a phone without JavaScript never runs.
      expect(html).toMatch(/<script nonce="[^"]+">for \(const href of \[/);
      expect(new Set([...html.matchAll(/"(\/build\/[^"]+\.js)"/g)].map((m) => m[1]!))).toEqual(participantScripts);
    }
  });

  it("lets a returning participant change their language, keeping their cookie", async () => {
    const { cookie } = await joinByLink(server.url, session.joinCode, { language: "de" });
    const again = await get(server.url, `/j/${session.joinCode}`, cookie);
    expect(again.text).toContain(`href="${page}">Weiter zur Sitzung</a>`);
    const rejoined = await post(server.url, `/j/${session.joinCode}`, { language: "ar" }, cookie);
    expect(rejoined.status).toBe(302);
    const setCookies = rejoined.response.headers.getSetCookie();
    expect(setCookies.some((c) => c.startsWith("mitplan_participant="))).toBe(false);
    const view = await get(server.url, page, cookiesFrom(rejoined.response, cookie));
    expect(view.html).toContain('<html lang="ar" dir="rtl">');
  });

  it("offers Bielefeld's Stadtbezirke as a list, and refuses a typed district without joining", async () => {
    const { html } = await get(server.url, `/j/${session.joinCode}`);
    expect(html).toMatch(/<select id="join-district" name="district"[^>]*>\s*<option value="" selected="">Keine Angabe<\/option>/);
    for (const district of ["Mitte", "Jöllenbeck", "Sennestadt", "Senne"]) expect(html).toContain(`<option value="${district}" lang="de">`);
    const refused = await post(server.url, `/j/${session.joinCode}`, { language: "de", district: "Hauptstr. 5" });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain("Bitte wählen Sie einen Stadtbezirk aus der Liste");
    expect(refused.response.headers.getSetCookie().some((c) => c.startsWith("mitplan_participant="))).toBe(false);
  });

  it("refuses a language the conference does not offer, in the reader's language", async () => {
    const refused = await post(server.url, `/j/${session.joinCode}`, { language: "fr" });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain("Bitte prüfen Sie Ihre Eingaben.");
  });

  it("sends a stranger to /join", async () => {
    const stranger = await get(server.url, page);
    expect(stranger.status).toBe(302);
    expect(stranger.location).toBe("/join");
  });
});

describe("taking part without JavaScript", () => {
  let cookie: string;
  const html = async () => (await get(server.url, page, cookie)).html;
  const text = async () => (await get(server.url, page, cookie)).text;
  const send = (fields: Record<string, string | string[]>) => post(server.url, page, fields, cookie);

  beforeAll(async () => {
    ({ cookie } = await joinByLink(server.url, session.joinCode, { language: "de", displayName: "Jonas" }));
  });

  it("shows the current item with its key facts", async () => {
    const view = await text();
    expect(view).toContain('<html lang="de" dir="ltr">');
    expect(view).toContain("Soziales Miteinander in den Quartieren stärken");
    expect(view).toContain(">540-2<");
    expect(view).toContain("Phase: Diskussion");
    expect(view).toContain("Abgestimmt wird nach der Diskussion.");
    expect(view).not.toContain("Inhalt auf Deutsch");
    expect(view).toContain("Büro für Integrierte Sozialplanung und Prävention");
  });

  it("posts a comment as text: markup is shown, never run", async () => {
    const form = hiddenFields(await html(), `comment-${measureItem}`);
    const posted = await send({ ...form, body: '<script>alert("x")</script> Mehr Bänke im Park' });
    expect(posted.status).toBe(302);
    // The same page posted again (a retry) carries the same clientId: still one comment.
    expect((await send({ ...form, body: '<script>alert("x")</script> Mehr Bänke im Park' })).status).toBe(302);
    expect(posted.location).toBe(`${page}?saved=comment-${measureItem}#comment-${measureItem}`);
    const view = await get(server.url, posted.location!, cookie);
    expect(view.html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Mehr Bänke im Park");
    expect(view.html).not.toContain('<script>alert("x")');
    expect(view.html.match(/class="comment__body"[^>]*>[^<]*Mehr Bänke im Park</g)).toHaveLength(1);
    expect(view.text).toMatch(/<p role="status" class="live-form__status live-form__status--saved">Gespeichert<\/p>/);
  });

  it("supports a comment and answers it", async () => {
    const commentId = /id="support-([0-9a-f-]{36})"/.exec(await html())![1]!;
    expect((await send(hiddenFields(await html(), `support-${commentId}`))).status).toBe(302);
    expect(await text()).toContain("1 Unterstützung");
    const answer = await send({ ...hiddenFields(await html(), `answer-${commentId}`), body: "Ja, am Spielplatz!" });
    expect(answer.status).toBe(302);
    expect(await text()).toContain("Ja, am Spielplatz!");
  });

  it("spends dots until none are left; the next one is refused, translated, and not stored", async () => {
    await setPhase(deps, moderator, { agendaItemId: measureItem, phase: "prioritise" });
    let view = await html();
    expect(view).toContain("2 von 2 Punkten übrig");
    const first = hiddenFields(view, `dots-add-${measureItem}`);
    expect((await send(first)).status).toBe(302);
    // The same page posted again (a retry) carries the same clientId and counts once.
    expect((await send(first)).status).toBe(302);
    view = await html();
    expect(view).toContain("1 von 2 Punkten übrig");
    expect((await send(hiddenFields(view, `dots-add-${measureItem}`))).status).toBe(302);
    view = await html();
    expect(view).toContain("0 von 2 Punkten übrig");

    const refused = await send(hiddenFields(view, `dots-add-${measureItem}`));
    expect(refused.status).toBe(409);
    expect(refused.text).toContain("Sie haben alle 2 Punkte vergeben.");
    const dots = (await votesOf(cookie)).filter((v) => v.kind === "dots");
    expect(dots.reduce((sum, v) => sum + v.value, 0)).toBe(2);
  });

  it("rates on criteria and answers the scale", async () => {
    const rating = await send({ ...hiddenFields(await html(), `rating-${measureItem}`), "rating.urgency": "4", "rating.impact": "5" });
    expect(rating.status).toBe(302);
    const scale = await send({ ...hiddenFields(await html(), `scale-${measureItem}`), value: "8" });
    expect(scale.status).toBe(302);
    const view = await html();
    expect(await text()).toContain("Dringlichkeit: 4 von 5");
    expect(await text()).toContain("Wirkung: 5 von 5");
    expect(await text()).toContain("Einschätzung: 8 von 10");
    const refused = await send({ ...hiddenFields(view, `rating-${measureItem}`) });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain("Bitte wählen Sie mindestens eine Antwort.");
  });

  it("ranks the measures of a cluster with one select per rank", async () => {
    await setCurrentItem(deps, moderator, { liveSessionId: session.liveSessionId, agendaItemId: clusterItem });
    await setPhase(deps, moderator, { agendaItemId: clusterItem, phase: "prioritise" });
    const view = await html();
    expect(await text()).toContain("Rang 1");
    expect(await text()).toContain("Rang 2");
    const codes = [...view.matchAll(/<select id="rank-0"[\s\S]*?<\/select>/g)][0]![0].match(/value="([^"]+)"/g)!;
    const [a, b] = codes.map((v) => v.slice(7, -1)) as [string, string];
    const ranked = await send({ ...hiddenFields(view, `ranking-${clusterItem}`), rank: [b, a] });
    expect(ranked.status).toBe(302);
    expect(await text()).toMatch(new RegExp(`Ihre Rangfolge:<ol[^>]*><li><span dir="ltr">${b}</span>`));
  });

  it("takes a proposal, and refuses one for a measure the plan does not have", async () => {
    const form = hiddenFields(await html(), "proposal");
    const refused = await send({ ...form, kind: "change_measure", measureCode: "999-9", title: "Mehr", body: "Text" });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain("Diese Maßnahme oder dieses Thema gibt es im Plan nicht.");
    expect(refused.html).toContain('value="999-9"');
    const sent = await send({ ...form, kind: "change_measure", measureCode: "540-2", title: "Bänke", body: "Mehr Bänke im Quartier" });
    expect(sent.status).toBe(302);
    const stored = await server.database.db.select().from(proposals).where(eq(proposals.title, "Bänke"));
    expect(stored).toHaveLength(1);
    expect(stored[0]!.kind).toBe("change_measure");
  });

  it("shows results once revealed, and says that voting is closed", async () => {
    await setPhase(deps, moderator, { agendaItemId: clusterItem, phase: "results" });
    const view = await text();
    expect(view).toContain('<h2 id="result-title">Ergebnis</h2>');
    expect(view).toContain('role="img"');
    expect(view).toContain("Rangfolge aus allen Plätzen aller Stimmen");
    expect(view).not.toContain("Borda");
    const late = await send({ intent: "ranking", clientId: "late-ballot-1", agendaItemId: clusterItem, rank: ["x"] });
    expect(late.status).toBe(409);
    expect(late.text).toContain(deLive.error.votingClosed);
  });
});

describe("in Arabic", () => {
  it("renders right to left: the measure in its Arabic translation, the fields it leaves out in German, marked as German", async () => {
    await setCurrentItem(deps, moderator, { liveSessionId: session.liveSessionId, agendaItemId: measureItem });
    const { cookie } = await joinByLink(server.url, session.joinCode, { language: "ar" });
    const view = await get(server.url, page, cookie);
    expect(view.html).toContain('<html lang="ar" dir="rtl">');
    const arabic = arDemo.measures["540-2"];
    expect(view.html).toContain(`<span lang="ar" dir="rtl">${arabic.title}</span>`);
    expect(view.html).toContain(`<p class="live-item__summary" lang="ar" dir="rtl">${arabic.summary}</p>`);
    // The demo's draft translates title and summary; the objective stays the catalogue's German.
    expect(view.html).toMatch(/<dd lang="de" dir="ltr" class="live-item__objective">1\. Soziale Infrastruktur verbessern/);
    // The page's data carries the reader's translation, not the other eight languages'.
    expect(view.html).not.toContain(trDemo.measures["540-2"].title);
    expect(view.text).toContain('<h2 id="dots-title">توزيع النقاط</h2>');
    // Two is a dual in Arabic: "of two points", no digit.
    expect(view.text).toContain("تبقّى لك 2 من نقطتين");
  });
});
