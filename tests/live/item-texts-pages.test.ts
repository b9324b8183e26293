/**
 * Each screen picks the reader's language from a conference's and an item's texts (issue 11,
 * docs/decisions/046): the join page and the phone, the console, the projector, the conference
 * list and page. A translation carries its `lang` and `dir`; a German fallback is marked. Pages as
 * the server renders them, so also without JavaScript.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSession } from "../../app/auth/sessions.server";
import { updateConferenceTexts } from "../../app/conferences/conferences.server";
import type { StaffActor } from "../../app/auth/actor";
import type { LiveDeps } from "../../app/live/events";
import { defaultActivities } from "../../app/live/agenda-entries.server";
import { addAgendaItems, createLiveSession, updateActivities } from "../../app/live/setup.server";
import { ratingFieldPrefix } from "../../app/live/ui/participant-commands";
import { setCurrentItem, setPhase } from "../../app/live/steer.server";
import { castVote } from "../../app/live/votes.server";
import { createStaff, joinAs, recordingDeps, startedSession } from "../support/fixtures";
import { get, joinByLink } from "../support/http";
import { messagesIn } from "../support/messages";
import { startTestServer, type TestServer } from "../support/server";

let server: TestServer;
let deps: LiveDeps;
let moderator: StaffActor;
let session: Awaited<ReturnType<typeof startedSession>>;
let staffCookie: string;
let noteItem: string;
let ratingItem: string;

const title = { de: "Zukunftskonferenz Sieker", tr: "Sieker Gelecek Konferansı" };
const description = { de: "Wir sprechen über Beratung im Stadtteil.", tr: "Mahalledeki danışmanlık hizmetlerini konuşuyoruz." };
const note = { de: "Bitte an die Kosten denken.", tr: "Lütfen maliyetleri düşünün." };
const criterion = { de: "Barrierefreiheit", ar: "إمكانية الوصول" };
/** The mark as rendered, not the message the page data carries for the client. */
const inGerman = (language: "tr" | "ar" | "de") => `<p class="muted">${messagesIn(language)("common:content.inGerman")}</p>`;
const span = (language: string, text: string) => `<span lang="${language}" dir="${language === "ar" ? "rtl" : "ltr"}">${text}</span>`;

beforeAll(async () => {
  server = await startTestServer();
  const db = server.database.db;
  deps = recordingDeps(db);
  moderator = await createStaff(db, "moderator");
  session = await startedSession(deps, moderator, { measureCodes: ["540-2"], languages: ["de", "tr", "ar"] });
  staffCookie = `mitplan_session=${(await createSession(db, moderator.userId)).token}`;
  await updateConferenceTexts(db, moderator, {
    conferenceId: session.conferenceId,
    title: title.de,
    titleTranslations: { tr: title.tr },
    description: description.de,
    descriptionTranslations: { tr: description.tr },
  });
  ratingItem = session.itemIds[0]!;
  await updateActivities(deps, moderator, {
    agendaItemId: ratingItem,
    activities: {
      ...defaultActivities("measure"),
      rating: { criteria: ["urgency", criterion.de], min: 1, max: 5, criterionTranslations: { [criterion.de]: { ar: criterion.ar } } },
    },
  });
  await setPhase(deps, moderator, { agendaItemId: ratingItem, phase: "prioritise" });
  ({
    ids: [noteItem],
  } = (await addAgendaItems(deps, moderator, {
    liveSessionId: session.liveSessionId,
    entries: [{ kind: "question", question: "Was fehlt?", questionTranslations: { tr: "Ne eksik?" }, note: note.de, noteTranslations: { tr: note.tr } }],
  })) as { ids: [string] });
  await setCurrentItem(deps, moderator, { liveSessionId: session.liveSessionId, agendaItemId: noteItem });
});
afterAll(() => server.close());

const phonePage = async (language: "tr" | "ar") => {
  const { cookie } = await joinByLink(server.url, session.joinCode, { language });
  return { cookie, page: (await get(server.url, `/live/${session.liveSessionId}`, cookie)).html };
};

describe("the join page", () => {
  it("names the conference and says what it is about in Turkish to a Turkish reader", async () => {
    const { html } = await get(server.url, `/j/${session.joinCode}`, "", { "accept-language": "tr" });
    expect(html).toContain(`<h1 lang="tr" dir="ltr">${title.tr}</h1>`);
    expect(html).toContain(span("tr", description.tr));
    expect(html).toContain(`<title>${messagesIn("tr")("live:join.metaTitle", { title: title.tr })}`);
    expect(html).not.toContain(inGerman("tr"));
  });

  it("gives an Arabic reader the German, marked, left to right inside the right-to-left page", async () => {
    const { html } = await get(server.url, `/j/${session.joinCode}`, "", { "accept-language": "ar" });
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toContain(`<h1 lang="de" dir="ltr">${title.de}</h1>`);
    expect(html).toContain(span("de", description.de));
    expect(html).toContain(inGerman("ar"));
  });
});

describe("the phone", () => {
  it("shows a Turkish reader the conference's title and the item's note in Turkish, unmarked", async () => {
    const { page } = await phonePage("tr");
    expect(page).toMatch(new RegExp(`<p class="eyebrow live-page__session">${span("tr", title.tr)} · `));
    expect(page).toContain(`<p class="live-item__note">${span("tr", note.tr)}</p>`);
    expect(page).not.toContain(inGerman("tr"));
  });

  it("shows an Arabic reader the untranslated note in German, marked", async () => {
    const { page } = await phonePage("ar");
    expect(page).toContain(`<p class="live-item__note">${span("de", note.de)}</p>`);
    expect(page).toContain(inGerman("ar"));
  });
});

describe("the console and the projector", () => {
  it("show the note and the conference's title in the page's language", async () => {
    const console = (await get(server.url, `/live/${session.liveSessionId}/console?lng=tr`, staffCookie)).html;
    expect(console).toContain(`<p class="current-item__note">${span("tr", note.tr)}</p>`);
    expect(console).toMatch(new RegExp(`<a (?=[^>]*href="/conferences/${session.conferenceId}")(?=[^>]*lang="tr")[^>]*>${title.tr}</a>`));
    const projector = (await get(server.url, `/live/${session.liveSessionId}/present?lng=ar`, staffCookie)).html;
    expect(projector).toContain(`<p class="projector__item-note">${span("de", note.de)}</p>`);
    expect(projector).toContain(inGerman("ar"));
  });

  it("show the conference's title on the projector before the first item", async () => {
    // A session in preparation: the projector can be set up before the room arrives.
    const other = await createLiveSession(server.database.db, moderator, { conferenceId: session.conferenceId, title: "Nachmittag", dotsPerParticipant: 5 });
    const projector = (await get(server.url, `/live/${other.id}/present?lng=tr`, staffCookie)).html;
    expect(projector).toContain(`<p class="projector__conference">${span("tr", title.tr)}</p>`);
  });
});

describe("a moderator's own criterion", () => {
  it("is named in Arabic on an Arabic phone, right to left, and its vote names the German criterion", async () => {
    await setCurrentItem(deps, moderator, { liveSessionId: session.liveSessionId, agendaItemId: ratingItem });
    const { page } = await phonePage("ar");
    expect(page).toContain(`<legend>${span("ar", criterion.ar)}</legend>`);
    expect(page).toContain(`name="${ratingFieldPrefix}${criterion.de}"`);
    const voter = await joinAs(deps, session.joinCode, "ar");
    await castVote(deps, voter, { kind: "rating", clientId: randomUUID(), agendaItemId: ratingItem, criterion: criterion.de, value: 4 });
    // The console's result table names it in its reader's language, and in German to a Turkish one.
    const arabicConsole = (await get(server.url, `/live/${session.liveSessionId}/console?lng=ar`, staffCookie)).html;
    expect(arabicConsole).toMatch(new RegExp(`<th scope="row" lang="ar"[^>]*>${criterion.ar}</th>`));
    const turkishConsole = (await get(server.url, `/live/${session.liveSessionId}/console?lng=tr`, staffCookie)).html;
    expect(turkishConsole).toMatch(new RegExp(`<th scope="row" lang="de"[^>]*>${criterion.de}</th>`));
  });
});

describe("the conference list and page", () => {
  it("show the title and the description in the reader's language", async () => {
    const list = (await get(server.url, "/conferences?lng=tr", staffCookie)).html;
    expect(list).toContain(`<h3 lang="tr" dir="ltr"><a data-discover="true" href="/conferences/${session.conferenceId}">${title.tr}</a></h3>`);
    const page = (await get(server.url, `/conferences/${session.conferenceId}?lng=tr`, staffCookie)).html;
    expect(page).toContain(`<h1 lang="tr" dir="ltr">${title.tr}</h1>`);
    expect(page).toContain(`<p class="conference-description">${span("tr", description.tr)}</p>`);
    const german = (await get(server.url, `/conferences/${session.conferenceId}?lng=de`, staffCookie)).html;
    expect(german).toContain(`<h1 lang="de" dir="ltr">${title.de}</h1>`);
    expect(german).not.toContain(inGerman("de"));
  });
});
