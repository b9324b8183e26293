/**
 * Setting up, as plain form posts without JavaScript: create a conference and a live session,
 * build the agenda from the catalogue, choose the activities, start. The console's part is in
 * tests/live/moderator-console.test.ts.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { joinCodeAlphabet } from "../../app/live/setup.server";
import { getLiveState } from "../../app/live/state.server";
import { agendaItems, conferences, liveSessions } from "../../db/schema";
import { startTestServer, type TestServer } from "../support/server";
import { client, signedInStaff, staffActorOf } from "../support/page-client";

let server: TestServer;
let moderator: Awaited<ReturnType<typeof signedInStaff>>;
let browser: ReturnType<typeof client>;
const ids = { conference: "", session: "", items: [] as string[], code: "" };

beforeAll(async () => {
  server = await startTestServer();
  moderator = await signedInStaff(server);
  browser = client(server, moderator.cookie);
});
afterAll(() => server.close());

const agenda = () => `/live/${ids.session}/agenda`;
const state = () => getLiveState(server.database.db, staffActorOf(moderator), ids.session);

describe("a moderator without JavaScript", () => {
  it("creates a conference, in the city's time zone, and lands on its page", async () => {
    const list = await browser.get("/conferences");
    expect(list.status).toBe(200);
    expect(list.html).toContain("Neue Konferenz anlegen");
    expect(list.html).toContain("Ziele und Maßnahmen für ein Soziales Bielefeld 2022/2023");

    const created = await browser.post("/conferences?index", {
      planSlug: "ziele-und-massnahmen-2022-2023",
      kind: "future_conference",
      title: "Zukunftskonferenz Sieker",
      startsAt: "2026-12-01T18:00",
      place: "Stadtteilzentrum Sieker",
      district: "Stieghorst",
      languages: ["de", "ar"],
    });
    expect(created.status).toBe(302);
    expect(created.location).toMatch(/^\/conferences\/[0-9a-f-]{36}$/);
    ids.conference = created.location.split("/").pop()!;
    const [row] = await server.database.db.select().from(conferences).where(eq(conferences.id, ids.conference));
    // 18:00 in Bielefeld in December is 17:00 UTC.
    expect(row!.startsAt.toISOString()).toBe("2026-12-01T17:00:00.000Z");
    expect(row!.languages).toEqual(["de", "ar"]);

    const page = await browser.get(created.location);
    expect(page.status).toBe(200);
    expect(page.html).toContain("Zukunftskonferenz Sieker");
    expect(page.html).toContain("18:00");
    expect((await browser.get("/conferences")).html).toContain(`href="/conferences/${ids.conference}"`);
  });

  it("is told what is missing when the conference form is incomplete, and keeps what was typed", async () => {
    const refused = await browser.post("/conferences?index", {
      planSlug: "ziele-und-massnahmen-2022-2023",
      kind: "workshop",
      title: "Workshop ohne Sprache",
      startsAt: "2026-12-02T10:00",
    });
    expect(refused.status).toBe(400);
    expect(refused.html).toContain("Bitte wählen Sie mindestens eine Sprache.");
    expect(refused.html).toContain('value="Workshop ohne Sprache"');
    expect(refused.html).toMatch(/aria-describedby="[^"]*create-conference-languages-error/);
  });

  it("creates a live session and lands on its agenda", async () => {
    const created = await browser.post(`/conferences/${ids.conference}`, {
      title: "Priorisierung am Abend",
      dotsPerParticipant: "5",
    });
    expect(created.status).toBe(302);
    expect(created.location).toMatch(/^\/live\/[0-9a-f-]{36}\/agenda$/);
    ids.session = created.location.split("/")[2]!;
    const conferencePage = await browser.get(`/conferences/${ids.conference}`);
    expect(conferencePage.html).toContain("Priorisierung am Abend");
    expect(conferencePage.html).toContain("In Vorbereitung");
    // From here the moderator also reaches the plan's results across all its conferences.
    expect(conferencePage.html).toContain('href="/plans/ziele-und-massnahmen-2022-2023/results"');
  });

  it("finds measures in the catalogue and adds 540-2, 510-2 and an open question", async () => {
    const search = await browser.get(`${agenda()}?q=540-2`);
    expect(search.status).toBe(200);
    expect(search.html).toContain('value="540-2"');
    expect(search.html).not.toContain('value="510-2"');

    const none = await browser.post(agenda(), { intent: "addMeasures", formId: "add-measures" });
    expect(none.status).toBe(400);
    expect(none.html).toContain("Bitte wählen Sie mindestens eine Maßnahme.");

    expect(
      (await browser.post(agenda(), { intent: "addMeasures", formId: "add-measures", measureCode: ["540-2", "510-2"] }))
        .status,
    ).toBe(200);
    expect(
      (await browser.post(agenda(), { intent: "addQuestion", formId: "add-question", question: "Was fehlt?" })).status,
    ).toBe(200);
    const items = (await state()).items;
    expect(items.map((i) => i.measure?.code ?? i.question)).toEqual(["540-2", "510-2", "Was fehlt?"]);
    ids.items = items.map((i) => i.id);
    const page = await browser.get(agenda());
    expect(page.html).toContain("(schon auf der Tagesordnung)");
  });

  it("orders the agenda and removes an item", async () => {
    await browser.post(agenda(), { intent: "move", agendaItemId: ids.items[1]!, direction: "up" });
    expect((await state()).items.map((i) => i.measure?.code ?? i.question)).toEqual(["510-2", "540-2", "Was fehlt?"]);
    await browser.post(agenda(), { intent: "move", agendaItemId: ids.items[1]!, direction: "down" });
    await browser.post(agenda(), { intent: "addQuestion", question: "Wer fehlt?" });
    const extra = (await state()).items.at(-1)!;
    expect((await browser.post(agenda(), { intent: "remove", agendaItemId: extra.id })).status).toBe(200);
    expect((await state()).items.map((i) => i.measure?.code ?? i.question)).toEqual(["540-2", "510-2", "Was fehlt?"]);
  });

  it("sets an item's activities; default criteria are stored as keys, own ones as written", async () => {
    const page = await browser.get(agenda());
    for (const label of ["Dringlichkeit", "Beeinflussbarkeit", "Wirkung", "Zielerreichung"]) {
      expect(page.html).toContain(label);
    }
    const saved = await browser.post(agenda(), {
      intent: "activities",
      formId: `activities-${ids.items[0]}`,
      agendaItemId: ids.items[0]!,
      comments: "on",
      dots: "on",
      dotsMax: "2",
      rating: "on",
      criteria: "Dringlichkeit\r\nWirkung\r\nBarrierefreiheit",
      ratingMax: "5",
      scale: "on",
      scaleLabel: "Zufriedenheit",
    });
    expect(saved.status).toBe(200);
    const [item] = await server.database.db.select().from(agendaItems).where(eq(agendaItems.id, ids.items[0]!));
    expect(item!.activities).toEqual({
      comments: true,
      dots: { maxPerItem: 2 },
      rating: { criteria: ["urgency", "impact", "Barrierefreiheit"], min: 1, max: 5 },
      scale: { min: 1, max: 10, label: "Zufriedenheit" },
      ranking: false,
    });

    const refused = await browser.post(agenda(), {
      intent: "activities",
      formId: `activities-${ids.items[0]}`,
      agendaItemId: ids.items[0]!,
      dots: "on",
      dotsMax: "",
    });
    expect(refused.status).toBe(400);
    expect(refused.html).toContain("Bitte prüfen Sie Ihre Eingaben.");
    expect(refused.html).toMatch(/aria-invalid="true"[^>]*aria-describedby="[^"]*activities-dots-maxPerItem-error/);
  });

  it("starts the session: a six-character code, the short link and a labelled QR code", async () => {
    const started = await browser.post(agenda(), { intent: "start", formId: "start" });
    expect(started.status).toBe(200);
    const [session] = await server.database.db.select().from(liveSessions).where(eq(liveSessions.id, ids.session));
    ids.code = session!.joinCode!;
    expect(ids.code).toMatch(new RegExp(`^[${joinCodeAlphabet}]{6}$`));
    expect(session!.status).toBe("live");
    const page = await browser.get(agenda());
    expect(page.html).toContain(`>${ids.code}</p>`);
    expect(page.html).toContain(`${server.url}/j/${ids.code}`);
    expect(page.html).toMatch(
      new RegExp(`role="img" aria-label="QR-Code zum Teilnehmen, führt zu ${server.url}/j/${ids.code}"`),
    );
    expect(page.html).toMatch(/<svg[^>]*viewBox/);
    const console = await browser.get(`/live/${ids.session}/console`);
    expect(console.status).toBe(200);
    expect(console.html).toMatch(/<p class="current-item"><span class="item-code" dir="ltr">540-2<\/span>/);
  });

  it("speaks English and Arabic, and marks the German catalogue text as German", async () => {
    const english = await browser.get("/conferences?lng=en");
    expect(english.html).toContain("Create a conference");
    expect(english.html).toContain('href="/conferences">Conferences</a>');
    const arabic = await browser.get(`${agenda()}?lng=ar`);
    expect(arabic.html).toContain('<html lang="ar" dir="rtl">');
    expect(arabic.html).toContain("جدول الأعمال");
    expect(arabic.html).toMatch(/<span class="item-code">540-2<\/span> <span lang="de" dir="ltr">/);
    expect(arabic.html).toContain("الإلحاح");
  });
});
