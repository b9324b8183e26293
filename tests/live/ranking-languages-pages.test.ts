/**
 * A ranking's measures in the reader's language on the live screens (decision 049), over HTTP as
 * a phone without JavaScript gets them: the options, the card that lists them, one's own ballot and
 * the revealed result each name a measure by its translation where the demo catalogue has one,
 * with the catalogue's note under the list; a phone's page data carries its reader's translations
 * only. The console names them in its reader's language, the projector in the room's.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StaffActor } from "../../app/auth/actor";
import { createSession } from "../../app/auth/sessions.server";
import { addAgendaItems } from "../../app/live/setup.server";
import { setCurrentItem, setPhase } from "../../app/live/steer.server";
import { castRanking } from "../../app/live/votes.server";
import arDemo from "../../db/demo/translations/ziele-und-massnahmen-2022-2023/ar.json";
import trDemo from "../../db/demo/translations/ziele-und-massnahmen-2022-2023/tr.json";
import { createStaff, joinAs, recordingDeps, startedSession } from "../support/fixtures";
import { get as getRaw, joinByLink, post } from "../support/http";
import { messagesIn } from "../support/messages";
import { startTestServer, type TestServer } from "../support/server";

const codes = ["Jobcenter-1", "540-2", "510-2"] as const;
const titles = (demo: typeof trDemo | typeof arDemo) => codes.map((code) => demo.measures[code].title);

let server: TestServer;
let page: string;
let liveSessionId: string;
let rankingItem: string;
let moderatorCookie: string;
let deps: ReturnType<typeof recordingDeps>;
let moderator: StaffActor;
const phones = {} as Record<"tr" | "ar" | "de", string>;

beforeAll(async () => {
  server = await startTestServer();
  deps = recordingDeps(server.database.db);
  moderator = await createStaff(server.database.db, "moderator");
  const session = await startedSession(deps, moderator, { measureCodes: ["540-2"], languages: ["de", "tr", "ar"] });
  liveSessionId = session.liveSessionId;
  page = `/live/${liveSessionId}`;
  const { ids } = await addAgendaItems(deps, moderator, {
    liveSessionId,
    entries: [{ kind: "ranking", question: "Was soll zuerst umgesetzt werden?", measureCodes: [...codes] }],
  });
  rankingItem = ids[0]!;
  await setCurrentItem(deps, moderator, { liveSessionId, agendaItemId: rankingItem });
  await setPhase(deps, moderator, { agendaItemId: rankingItem, phase: "prioritise" });
  for (const language of ["tr", "ar", "de"] as const) phones[language] = (await joinByLink(server.url, session.joinCode, { language })).cookie;
  // Two ballots from elsewhere in the room: 540-2 first twice.
  for (const ballot of [["540-2", "Jobcenter-1", "510-2"], ["540-2", "510-2", "Jobcenter-1"]]) {
    await castRanking(deps, await joinAs(deps, session.joinCode), { clientId: crypto.randomUUID(), agendaItemId: rankingItem, order: ballot });
  }
  moderatorCookie = `mitplan_session=${(await createSession(server.database.db, moderator.userId)).token}`;
});
afterAll(() => server.close());

/** Without the NUL bytes React's streaming renderer may leave at a chunk boundary (see feedback-pages.test.ts). */
async function get(...args: Parameters<typeof getRaw>) {
  const read = await getRaw(...args);
  return { ...read, html: read.html.replace(/\0/g, "").replace(/<!-- -->/g, ""), text: read.text.replace(/\0/g, "").replace(/<!-- -->/g, "") };
}

const draftNote = (language: "tr" | "ar") => `<span dir="ltr">${codes.join(", ")}</span> · <span class="">${messagesIn(language)("common:content.draft")}</span>`;
const dir = (language: string) => (language === "ar" ? "rtl" : "ltr");
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

describe("a ranking's measures in the reader's language", () => {
  it("offers a Turkish phone the Turkish titles, marked as drafts, and carries no other language's", async () => {
    const { text, html } = await get(server.url, page, phones.tr);
    for (const [i, title] of titles(trDemo).entries()) {
      // One select per rank without JavaScript, and the card that lists the item's measures.
      expect(text).toContain(`<option value="${codes[i]}" lang="tr" dir="ltr">${codes[i]} ${title}</option>`);
      expect(text).toContain(`${codes[i]}</span> <span lang="tr" dir="ltr">${title}</span></li>`);
    }
    expect(text).toContain(draftNote("tr"));
    for (const title of titles(arDemo)) expect(html).not.toContain(title);
  });

  it("offers an Arabic phone the Arabic titles right to left, and carries no Turkish one", async () => {
    const { text, html } = await get(server.url, page, phones.ar);
    for (const [i, title] of titles(arDemo).entries()) {
      expect(text).toContain(`<option value="${codes[i]}" lang="ar" dir="rtl">${codes[i]} ${title}</option>`);
    }
    expect(text).toContain(draftNote("ar"));
    for (const title of titles(trDemo)) expect(html).not.toContain(title);
  });

  it("offers a German phone the catalogue's titles without a note", async () => {
    const { text, html } = await get(server.url, page, phones.de);
    expect(text).toContain('<option value="540-2" lang="de" dir="ltr">540-2 Soziales Miteinander in den Quartieren stärken</option>');
    expect(text).not.toContain(messagesIn("de")("common:content.draft"));
    for (const title of [...titles(trDemo), ...titles(arDemo)]) expect(html).not.toContain(title);
  });

  it("names the phone's own ballot in its language, with the note under it", async () => {
    for (const language of ["tr", "ar"] as const) {
      const fields = { intent: "ranking", clientId: crypto.randomUUID(), agendaItemId: rankingItem, rank: ["510-2", "540-2", "Jobcenter-1"] };
      expect((await post(server.url, page, fields, phones[language])).status).toBe(302);
      const { text } = await get(server.url, page, phones[language]);
      const title = (language === "tr" ? trDemo : arDemo).measures["510-2"].title;
      expect(text).toMatch(new RegExp(`<ol><li><span dir="ltr">510-2</span> <span lang="${language}" dir="${dir(language)}">${escape(title)}</span></li>`));
      expect(text).toContain(`</ol><p class="muted"><span dir="ltr">510-2, 540-2, Jobcenter-1</span> · `);
    }
  });

  it("names the revealed result's bars in the phone's language, one note line under the chart", async () => {
    await setPhase(deps, moderator, { agendaItemId: rankingItem, phase: "results" });
    for (const language of ["tr", "ar"] as const) {
      const { text } = await get(server.url, page, phones[language]);
      const demo = language === "tr" ? trDemo : arDemo;
      // The chart's data table: 540-2 first (two first places), then the others.
      expect(text).toContain(`<th scope="row" lang="${language}" dir="${dir(language)}">540-2 ${demo.measures["540-2"].title}</th>`);
      expect(text).toMatch(new RegExp(`</figure><p class="muted"><span dir="ltr">540-2, [^<]+</span> · <span class="">${escape(messagesIn(language)("common:content.draft"))}</span>`));
    }
    const german = await get(server.url, page, phones.de);
    expect(german.text).toContain('<th scope="row" lang="de" dir="ltr">540-2 Soziales Miteinander in den Quartieren stärken</th>');
    expect(german.text).not.toContain(messagesIn("de")("common:content.draft"));
  });

  it("names them in the console's language on the console, and in the room's main language on the projector", async () => {
    const console = await get(server.url, `${page}/console?lng=tr`, moderatorCookie);
    expect(console.text).toContain(`<th scope="row" lang="tr" dir="ltr">540-2 ${trDemo.measures["540-2"].title}</th>`);
    expect(console.text).toMatch(new RegExp(`</figure><p class="muted"><span dir="ltr">540-2, [^<]+</span> · <span class="">${escape(messagesIn("tr")("common:content.draft"))}</span>`));
    // German is the room's main language (the conference's first): the wall's, and the bars'.
    const projector = await get(server.url, `${page}/present?lng=tr`, moderatorCookie);
    expect(projector.text).toContain('<th scope="row" lang="de" dir="ltr">540-2 Soziales Miteinander in den Quartieren stärken</th>');
    expect(projector.text).not.toContain(messagesIn("tr")("common:content.draft"));
  });
});
