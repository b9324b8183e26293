/**
 * The planner's pages over HTTP, as a browser without JavaScript uses them: the inbox, the
 * decide form (refusals with their translated message, then decisions), the plan's results
 * with suppressed cells, and a measure's history with its diff after a maturity update.
 */
import resultsDe from "../../locales/de/results.json";
import { count } from "drizzle-orm";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { LanguageLabel } from "../../app/i18n/language-name";
import type { Language } from "../../app/i18n/config";
import { resources } from "../../app/i18n/resources.server";
import { TranslationProvider } from "../../app/i18n/translate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StaffActor } from "../../app/auth/actor";
import { closeLiveSession } from "../../app/results/close.server";
import { decisionReasons, decisions, planRevisions } from "../../db/schema";
import { createStaff, recordingDeps } from "../support/fixtures";
import { cookiesFrom, get, post } from "../support/http";
import { acceptedChange, handMadeConference, importTestPlan, testPlanSlug } from "../support/results-fixtures";
import { startTestServer, type TestServer } from "../support/server";

let server: TestServer;
let conference: Awaited<ReturnType<typeof handMadeConference>>;
let planner: string;
let moderator: string;

/** Signs in through the real form, as the demo accounts would. */
async function signIn(email: string, password: string): Promise<string> {
  const response = await post(server.url, "/login", { email, password, redirectTo: "/" });
  if (response.status !== 302) throw new Error(`sign-in as ${email}: ${response.status}`);
  return cookiesFrom(response.response);
}

beforeAll(async () => {
  server = await startTestServer();
  const deps = recordingDeps(server.database.db);
  await importTestPlan(deps);
  const staff: StaffActor = await createStaff(server.database.db, "moderator");
  conference = await handMadeConference(deps, staff);
  await closeLiveSession(deps, staff, { liveSessionId: conference.liveSessionId });
  planner = await signIn("planner@mitplan.example", "mitplan-demo-planner");
  moderator = await signIn("moderator@mitplan.example", "mitplan-demo-moderator");
});
afterAll(() => server.close());

const counts = async () => {
  const db = server.database.db;
  return {
    decisions: (await db.select({ n: count() }).from(decisions))[0]!.n,
    reasons: (await db.select({ n: count() }).from(decisionReasons))[0]!.n,
    revisions: (await db.select({ n: count() }).from(planRevisions))[0]!.n,
  };
};

/** The element with this id, from its opening tag on (enough to read its attributes). */
const tagWithId = (html: string, id: string) => {
  const at = html.indexOf(`id="${id}"`);
  return at === -1 ? "" : html.slice(html.lastIndexOf("<", at), html.indexOf(">", at) + 1);
};
/** The table row whose header cell holds this text. */
const rowOf = (html: string, label: string) => {
  const at = html.indexOf(`${label}</th>`);
  return at === -1 ? "" : html.slice(html.lastIndexOf("<tr", at), html.indexOf("</tr>", at));
};
const measurePath = `/plans/${testPlanSlug}/measures`;
/** The label of the option a select shows as chosen. */
const selected = (html: string, id: string) => {
  const select = html.slice(html.indexOf(`id="${id}"`), html.indexOf("</select>", html.indexOf(`id="${id}"`)));
  return /<option [^>]*selected=""[^>]*>([^<]*)<\/option>/.exec(select)?.[1] ?? null;
};

/** The inbox entry of one proposal, from its link to the end of its list item. */
const proposalLine = (html: string, id: string) => {
  const at = html.indexOf(`href="/inbox/proposal/${id}"`);
  return at === -1 ? "" : html.slice(at, html.indexOf("</li>", at));
};

describe("the planner's inbox", () => {
  it("lists each proposal with its conference, author group and language, the prioritised measures and the flagged comment", async () => {
    const page = await get(server.url, "/inbox", planner);
    expect(page.status).toBe(200);
    expect(page.text).toContain(`href="/inbox/proposal/${conference.proposals.newIdea}"`);
    expect(page.text).toContain("Sprachcafé im Quartier");
    expect(page.text).toContain("Zukunftskonferenz Mitte");
    // p10, who proposed it, joined as a migrant organisation and in Arabic.
    expect(page.text).toContain("Migrantenorganisation");
    // Its language named in the reader's language; the native name is for choosing a language.
    expect(proposalLine(page.html, conference.proposals.newIdea)).toContain("Arabisch");
    expect(proposalLine(page.html, conference.proposals.newIdea)).not.toContain("العربية");
    expect(page.text).toContain(`href="/inbox/result/${conference.items.w1}"`);
    // Percentages keep their sign on the line: a no-break space, as Intl writes them.
    expect(page.text).toContain("24 Punkte (80\u00a0% aller Punkte der Sitzung)");
    expect(page.text).toContain("Die Bildungskarte muss digital sein.");
    expect(page.text).toContain(`href="/inbox">Eingang</a>`);
  });

  it("names the languages in English for an English reader, Leichte Sprache and Kurmanji included", async () => {
    const page = await get(server.url, "/inbox?lng=en", planner);
    expect(proposalLine(page.html, conference.proposals.newIdea)).toContain("Arabic");
    expect(proposalLine(page.html, conference.proposals.newIdea)).not.toContain("العربية");
    const render = (language: string, code: string) => renderToString(
      createElement(TranslationProvider, { language, messages: resources[language as Language], children: createElement(LanguageLabel, { code }) }),
    );
    expect(render("de", "de-x-ls")).toBe("Leichte Sprache");
    expect(render("en", "kmr")).toBe("Kurdish (Kurmanji)");
    expect(render("tr", "ar")).toBe("Arapça");
    // A language outside the ten is named by Intl in the reader's language, a malformed code by itself.
    expect(render("de", "it")).toBe("Italienisch");
    expect(render("de", "not a code")).toBe("not a code");
  });

  it("is the planners' page: a moderator gets 403, a visitor is sent to sign in", async () => {
    expect((await get(server.url, "/inbox", moderator)).status).toBe(403);
    expect((await get(server.url, `/inbox/proposal/${conference.proposals.change}`, moderator)).status).toBe(403);
    const refused = await post(
      server.url,
      `/inbox/proposal/${conference.proposals.change}`,
      { outcome: "declined", "reason.de": "Nein" },
      moderator
    );
    expect(refused.status).toBe(403);
    expect((await get(server.url, "/inbox")).location).toBe("/login?redirectTo=%2Finbox");
    expect((await get(server.url, "/", moderator)).text).not.toContain('href="/inbox"');
    expect((await get(server.url, "/inbox/proposal/not-a-uuid", planner)).status).toBe(404);
  });
});

describe("deciding an input", () => {
  it("refuses a decline without a reason with the translated message at the field, and stores nothing", async () => {
    const before = await counts();
    const path = `/inbox/proposal/${conference.proposals.change}`;
    const german = await post(server.url, path, { outcome: "declined", "reason.de": " ", "reason.en": "" }, planner);
    expect(german.status).toBe(400);
    expect(german.text).toContain("Bitte begründen Sie die Entscheidung, in mindestens einer Sprache.");
    expect(tagWithId(german.html, "decide-reason-de")).toMatch(/aria-invalid="true"/);
    expect(tagWithId(german.html, "decide-reason-de")).toMatch(/aria-describedby="[^"]*decide-reason-de-error/);
    expect(german.text).toContain('id="decide-reason-de-error"');
    const english = await post(server.url, `${path}?lng=en`, { outcome: "declined" }, planner);
    expect(english.status).toBe(400);
    expect(english.text).toContain("Please give a reason for the decision, in at least one language.");
    expect(await counts()).toEqual(before);
  });

  it("names the field a catalogue refusal is about", async () => {
    const before = await counts();
    const path = `/inbox/comment/${conference.comments.relevant}`;
    const taken = await post(
      server.url,
      path,
      { outcome: "acceptNew", "new.code": "W-1", "new.title": "Doppelt", "reason.de": "Test" },
      planner
    );
    expect(taken.status).toBe(409);
    expect(taken.text).toContain("Diese Kennung ist im Plan schon vergeben.");
    expect(tagWithId(taken.html, "decide-new-code")).toMatch(/aria-describedby="[^"]*decide-new-code-error/);
    // What was typed is still there.
    expect(tagWithId(taken.html, "decide-new-title")).toContain('value="Doppelt"');
    const empty = await post(server.url, path, { outcome: "acceptChange", "change.code": "B-1", "reason.de": "Test" }, planner);
    expect(empty.status).toBe(400);
    expect(empty.text).toContain("Bitte füllen Sie mindestens ein Feld aus, das sich ändern soll.");
    // A field the schema refuses is named by the schema's path, and lands at the same input.
    const untitled = await post(
      server.url,
      path,
      { outcome: "acceptNew", "new.code": "B-2", "new.title": "", "reason.de": "Test" },
      planner
    );
    expect(untitled.status).toBe(400);
    expect(tagWithId(untitled.html, "decide-new-title")).toMatch(/aria-invalid="true"/);
    expect(untitled.text).toContain('id="decide-new-title-error" class="field-error">Bitte füllen Sie dieses Feld aus.');
    const unchosen = await post(server.url, path, { "reason.de": "Test" }, planner);
    expect(unchosen.status).toBe(400);
    expect(unchosen.text).toContain('id="decide-outcome-error"');
    expect(await counts()).toEqual(before);
  });

  it("declines with a reason, shows the decision after the redirect, and takes the proposal out of the inbox", async () => {
    const path = `/inbox/proposal/${conference.proposals.change}`;
    const sent = await post(
      server.url,
      path,
      { outcome: "declined", "reason.de": "Dafür fehlen im Quartier die Flächen.", "reason.ar": "" },
      planner
    );
    expect(sent.status).toBe(302);
    expect(sent.location).toBe(`${path}?done`);
    const page = await get(server.url, sent.location!, planner);
    expect(page.text).toContain("Die Entscheidung ist gespeichert.");
    expect(page.text).toContain("Abgelehnt");
    expect(page.text).toContain("Dafür fehlen im Quartier die Flächen.");
    // A final decision: no form to decide again.
    expect(page.text).not.toContain('name="outcome"');
    expect((await get(server.url, "/inbox", planner)).text).not.toContain("Mehr Wohnungen für Familien");
  });

  it("accepts a proposal as a new measure: the plan lists it and its history shows version 1 from plan revision 2 with the reason", async () => {
    const path = `/inbox/proposal/${conference.proposals.newIdea}`;
    const form = await get(server.url, path, planner);
    // A proposal for a new measure suggests accepting it under its own title, with its own words.
    expect(tagWithId(form.html, "decide-new-title")).toContain('value="Sprachcafé im Quartier"');
    expect(form.html).toMatch(/id="decide-new-actions"[^>]*>Ein wöchentliches Sprachcafé für Nachbarn.</);
    // The reasons are labelled in the page's language only.
    expect(form.text).toContain("Begründung auf Arabisch");
    expect(form.text).not.toContain("Begründung auf العربية");
    const sent = await post(
      server.url,
      path,
      {
        outcome: "acceptNew",
        "new.code": "W-4",
        "new.title": "Sprachcafé im Quartier",
        "new.clusterKey": "wohnen",
        "new.maturity": "",
        "new.objective": "Begegnung und Sprache",
        "reason.de": "Das Sprachcafé startet im Herbst.",
        "reason.ar": "يبدأ المقهى اللغوي في الخريف.",
      },
      planner
    );
    expect(sent.status).toBe(302);
    const page = await get(server.url, sent.location!, planner);
    expect(page.text).toContain("In den Katalog übernommen");
    expect(page.text).toContain(`href="${measurePath}/W-4/history"`);
    expect(page.text).toContain("Planfassung 2: Geschichte der Maßnahme");
    expect(page.text).toContain("يبدأ المقهى اللغوي في الخريف.");

    const plan = await get(server.url, `/plans/${testPlanSlug}`);
    expect(plan.text).toContain(`href="${measurePath}/W-4"`);
    const history = await get(server.url, `${measurePath}/W-4/history`);
    expect(history.status).toBe(200);
    expect(history.text).toContain("Version 1 (Planfassung 2)");
    expect(history.text).toContain("Das Sprachcafé startet im Herbst.");
    expect((await get(server.url, `${measurePath}/W-4`)).text).toContain("Stand: Version 1 dieser Maßnahme, aus Planfassung 2 vom");
    expect(history.text).toContain("Sprachcafé im Quartier</q>");
    // The public reads when and why; who decided is for staff.
    expect(history.text).not.toContain("Paula Planung");
    expect((await get(server.url, `${measurePath}/W-4/history`, planner)).text).toContain("von Paula Planung");
    expect((await get(server.url, `${measurePath}/W-4`)).text).toContain(`href="${measurePath}/W-4/history"`);
  });
});

describe("results and the measure history", () => {
  it("shows the plan's results by measure and cluster, with small groups as 'fewer than 5' and never their size", async () => {
    const page = await get(server.url, `/plans/${testPlanSlug}/results`, moderator);
    expect(page.status).toBe(200);
    expect(page.text).toContain("Rangfolge der Maßnahmen");
    expect(page.text).toContain("Rangfolge der Schwerpunktthemen");
    expect(page.text).toContain("24 (80\u00a0%)");
    // By group: citizens (p1–p6) are shown; youth (p7–p9) and migrant organisations (p10, p11) are
    // not, and not even named: they share one unlabelled row (issue 9, point 15).
    expect(rowOf(page.html, "Jugendliche oder junger Mensch")).toBe("");
    const others = rowOf(page.html, resultsDe.plan.others);
    expect(others).toContain("weniger als 5 Personen");
    expect(others).not.toMatch(/<td>\d/);
    expect(rowOf(page.html, "Bürgerin oder Bürger")).toMatch(/<td>6<\/td>/);
    const byLanguage = await get(server.url, `/plans/${testPlanSlug}/results?by=language&lng=en`, planner);
    expect(byLanguage.text).toContain("Dots by language");
    expect(byLanguage.text).toContain("fewer than 5 people");
    expect((await get(server.url, `/plans/${testPlanSlug}/results`)).status).toBe(302);
    // Criteria in the order they were asked (urgency first), not by their keys.
    const rating = page.text.slice(page.text.indexOf("Bewertungen nach Kriterien"));
    expect(rating.indexOf("Dringlichkeit (1–5)")).toBeGreaterThan(-1);
    expect(rating.indexOf("Dringlichkeit (1–5)")).toBeLessThan(rating.indexOf("Wirkung (1–5)"));
  });

  it("lists only the focus themes with results, and says so when none has any", async () => {
    const page = await get(server.url, "/plans/corona-aktionsplan-2021/results", moderator);
    expect(page.status).toBe(200);
    expect(page.text).toContain("Zu keinem Schwerpunktthema gibt es bisher Ergebnisse.");
    expect(page.text).not.toContain("Teilhabe durch Digitalisierung");
  });

  it("updates the maturity with a reason, and the diff shows it", async () => {
    const path = `${measurePath}/W-1/history`;
    const missing = await post(server.url, path, { intent: "maturity", maturity: "B", reason: "" }, planner);
    expect(missing.status).toBe(400);
    expect(tagWithId(missing.html, "maturity-reason")).toMatch(/aria-describedby="[^"]*maturity-reason-error/);
    expect((await post(server.url, path, { intent: "maturity", maturity: "B", reason: "Nein" }, moderator)).status).toBe(403);

    const sent = await post(server.url, path, { intent: "maturity", maturity: "B", reason: "Umsetzung begonnen" }, planner);
    expect(sent.status).toBe(302);
    // Revision 1 is the import, 2 the new measure W-4; W-1 changes in 3.
    expect(sent.location).toBe(`${path}?from=1&to=3&done=maturity#diff-title`);
    const page = await get(server.url, sent.location!.replace(/#.*/, ""));
    expect(page.text).toContain("Der Reifegrad ist geändert");
    // The maturity by its name, and the choice showing the versions the table compares.
    expect(rowOf(page.html, "Reifegrad")).toMatch(/leer[\s\S]*>B – Woran wir arbeiten</);
    expect(page.text).toContain("Änderungen von Version 1 bis Version 2 dieser Maßnahme");
    expect(page.html).toMatch(/<th scope="col">Version 1 \(Planfassung 1\)<\/th><th scope="col">Version 2 \(Planfassung 3\)<\/th>/);
    expect(selected(page.html, "diff-from")).toBe("Version 1 (Planfassung 1)");
    expect(selected(page.html, "diff-to")).toBe("Version 2 (Planfassung 3)");
    expect(page.text).toContain("Umsetzung begonnen");

    const value = await post(
      server.url,
      path,
      { intent: "indicator", indicator: "1", recordedOn: "2026-06-30", value: "87", note: "Halbjahr", reason: "Halbjahresbericht" },
      planner
    );
    expect(value.status).toBe(302);
    const diff = await get(server.url, value.location!.replace(/#.*/, ""));
    expect(rowOf(diff.html, "Indikator 1: Ist-Wert am 30. Juni 2026")).toContain("87 (Halbjahr)");
  });

  it("names a changed focus theme by its title in the diff, under the field's label in the reader's language", async () => {
    const planner = await createStaff(server.database.db, "planner");
    await acceptedChange(recordingDeps(server.database.db), planner, testPlanSlug, { kind: "changeMeasure", code: "W-2", changes: { clusterKey: "bildung" } }, "Gehört zur Bildung");
    for (const [lng, field] of [["de", "Schwerpunktthema"], ["en", "Focus theme"]] as const) {
      const page = await get(server.url, `${measurePath}/W-2/history?lng=${lng}`);
      expect(page.text).not.toContain("clusterKey");
      const row = rowOf(page.html, field);
      expect(row).toMatch(/<td class="diff-before"><span lang="de"[^>]*>Wohnen<\/span><\/td>/);
      expect(row).toMatch(/<td class="diff-after"><span lang="de"[^>]*>Bildung<\/span><\/td>/);
      expect(row).not.toMatch(/>(wohnen|bildung)</);
    }
  });
});
