/**
 * What became of the input, over HTTP against the real server: the public feedback page, a
 * participant's own page, the exports, the catalogue import and the printable report.
 */
import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addAgendaItems, createLiveSession, startLiveSession } from "../../app/live/setup.server";
import { plans } from "../../db/schema";
import { makeUser, sessionCookie } from "../auth/helpers";
import { createStaff, recordingDeps } from "../support/fixtures";
import { openFeedbackWorld, type feedbackConference } from "../support/feedback-fixtures";
import { getPage as get, post } from "../support/http";
import { testPlanSlug } from "../support/results-fixtures";
import type { TestServer } from "../support/server";

let server: TestServer;
let conference: Awaited<ReturnType<typeof feedbackConference>>;
let planner: string;
let feedbackPath: string;

beforeAll(async () => {
  ({ server, conference, planner, feedbackPath } = await openFeedbackWorld());
});
afterAll(() => server.close());


const planCount = async () => (await server.database.db.select({ n: count() }).from(plans))[0]!.n;

describe("the public feedback page", () => {
  it("shows the results with charts, tables and suppressed small groups, and every proposal's decision (German)", async () => {
    const { status, text } = await get(server.url, feedbackPath);
    expect(status).toBe(200);
    expect(text).toContain('<h1 lang="de" dir="ltr">Zukunftskonferenz Mitte</h1>');
    expect(text).toContain("Wohnungslosigkeit vermeiden");
    expect(text).toMatch(/<svg role="img"/);
    expect(text).toContain("<caption>Punkte nach Gruppe, Stadtteil und Sprache</caption>");
    expect(text).toContain("Nicht angezeigt");
    expect(text).toContain("Gruppen mit weniger als 5 Personen");
    expect(text).toContain("Sprachcafé im Quartier");
    expect(text).toContain("Übernommen");
    expect(text).toContain("Das Sprachcafé startet im Herbst.");
    expect(text).toContain("Noch nicht entschieden.");
    // Hidden proposals and comments never reach the public.
    expect(text).not.toContain("Werbung");
    expect(text).not.toContain("Beleidigung");
  });

  it("gives a reason in the reader's language where one exists, else the German one marked as such", async () => {
    const { text } = await get(server.url, `${feedbackPath}?lng=en`);
    expect(text).toContain('<p lang="en" dir="ltr">High priority: implementation starts.</p>');
    expect(text).toContain('<p lang="de" dir="ltr">Dafür fehlen die Flächen.</p>');
    expect(text).toContain("Reason (only available in German):");
    expect(text).toContain("Not decided yet.");
    expect(text).toContain("Not shown");
  });

  it("is linked from the home page and, once the session is closed, from the participant's page", async () => {
    const home = await get(server.url, "/");
    expect(home.text).toContain(`href="${feedbackPath}">Zukunftskonferenz Mitte</a>`);
    const phone = await get(server.url, `/live/${conference.liveSessionId}`, conference.participantCookie);
    expect(phone.text).toContain(`<a href="${feedbackPath}">`);
    expect(phone.text).toContain('<a href="/my-input">');
  });

  it("is a 404 for a conference that does not exist", async () => {
    expect((await get(server.url, "/conferences/00000000-0000-4000-8000-000000000000/feedback")).status).toBe(404);
    expect((await get(server.url, "/conferences/kein-uuid/feedback")).status).toBe(404);
  });
});

describe("a participant's own input", () => {
  it("lists their proposals with what became of them, in their language, and nothing of anyone else", async () => {
    const { status, html, text } = await get(server.url, "/my-input?lng=en", conference.participantCookie);
    expect(status).toBe(200);
    expect(text).toContain("Benches, &quot;seats&quot; in the park");
    expect(text).toContain("Deferred");
    expect(text).toContain("We will look at this again in spring.");
    expect(text).toContain("Evening library");
    expect(text).toContain("Not decided yet.");
    expect(text).toContain("The map should work offline.");
    expect(text).toContain("You gave 2 points.");
    // Not on the page, and not in the data the page carries for its scripts either.
    for (const foreign of ["Sprachcafé", "Mehr Wohnungen für Familien", "Mehr Beratung vor Ort.", "Beleidigung", "Werbung"]) {
      expect(html).not.toContain(foreign);
    }
  });

  it("explains to a visitor without a participant cookie how to take part", async () => {
    const { status, text } = await get(server.url, "/my-input", "", { "accept-language": "en" });
    expect(status).toBe(200);
    expect(text).toContain("<h1>Your input</h1>");
    expect(text).toContain("You need no account and no e-mail address.");
    expect(text).toMatch(/<a [^>]*href="\/join">Join a session with its code<\/a>/);
  });
});

describe("conference exports", () => {
  const exportPath = (format: string, dataset: string) => `/conferences/${conference.conferenceId}/export.${format}?dataset=${dataset}`;

  it("writes CSV with a header row and RFC 4180 quoting in the reader's language, as a download", async () => {
    const { status, response, html: body } = await get(server.url, `${exportPath("csv", "proposals")}&lng=en`);
    expect(status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="proposals-zukunftskonferenz-mitte\.csv"/);
    const lines = body.replace(/^\uFEFF/, "").split("\r\n");
    expect(lines[0]).toBe('ID,Kind of proposal,Measure,Title,Proposal,Language,Received (Bielefeld local time),"Hidden, reason",Merged into (ID),Decision');
    expect(body).toContain(',A new measure,,"Benches, ""seats"" in the park",More places to sit near the playground.,English,');
    expect(body.endsWith("\r\n")).toBe(true);
    // A German reader's Excel splits at semicolons.
    const german = (await get(server.url, exportPath("csv", "proposals"))).html.replace(/^\uFEFF/, "");
    expect(german.split("\r\n")[0]).toBe("ID;Art des Vorschlags;Maßnahme;Titel;Vorschlag;Sprache;Eingegangen (Ortszeit Bielefeld);Ausgeblendet, Grund;Zusammengeführt mit (ID);Entscheidung");
    expect(german).toContain(';Eine neue Maßnahme;;"Benches, ""seats"" in the park";More places to sit near the playground.;Englisch;');
  });

  it("writes JSON that parses; the results by default", async () => {
    const { status, response, html: body } = await get(server.url, `/conferences/${conference.conferenceId}/export.json`);
    expect(status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("content-disposition")).toContain('filename="results-zukunftskonferenz-mitte.json"');
    const sessions = JSON.parse(body) as { items: { item: { measure: { code: string } | null } }[] }[];
    expect(sessions[0]!.items.map((i) => i.item.measure?.code ?? null)).toEqual(["W-1", "B-1", null, null]);
  });

  it("gives hidden comments to staff only", async () => {
    const anonymous = JSON.parse((await get(server.url, exportPath("json", "comments"))).html) as { body: string }[];
    const staff = JSON.parse((await get(server.url, exportPath("json", "comments"), planner)).html) as {
      body: string;
      hidden: { reason: string } | null;
    }[];
    expect(anonymous.map((c) => c.body)).not.toContain("Beleidigung");
    expect(staff.find((c) => c.body === "Beleidigung")?.hidden?.reason).toBe("Beleidigend");
  });

  it("refuses an unknown dataset with a reason", async () => {
    const refused = await get(server.url, exportPath("csv", "votes"));
    expect(refused.status).toBe(400);
    expect(refused.response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
  });
});

/** The import form as a browser sends it: multipart, the file as a file part. */
async function upload(file: string, cookie: string) {
  const form = new FormData();
  form.append("file", new Blob([file], { type: "application/json" }), "katalog.json");
  form.append("text", "");
  const response = await fetch(`${server.url}/plans/import`, {
    method: "POST",
    body: form,
    headers: { cookie, origin: server.url },
    redirect: "manual",
  });
  return { status: response.status, location: response.headers.get("location"), text: await response.text() };
}

const measureRows = (html: string) =>
  [...html.matchAll(/measure-row__code">([^<]+)<\/span><a [^>]*>([^<]+)<\/a>/g)].map((m) => `${m[1]} ${m[2]}`);

describe("catalogue export and import", () => {
  it("exports the catalogue, imports it under a new slug on the import page, and the new plan lists the same measures", async () => {
    const csv = await get(server.url, `/plans/${testPlanSlug}/export.csv`);
    expect(csv.response.headers.get("content-disposition")).toContain(`filename="${testPlanSlug}.csv"`);
    expect(csv.html.replace(/^\uFEFF/, "").split("\r\n")[0]).toMatch(/^Code;Titel;Zielgruppe;Schwerpunktthema;Ziel;Verantwortliche Stelle;Reifegrad;/);
    const english = await get(server.url, `/plans/${testPlanSlug}/export.csv?lng=en`);
    expect(english.html.replace(/^\uFEFF/, "").split("\r\n")[0]).toMatch(/^Code,Title,Target group,Focus theme,Goal,Responsible unit,Maturity,/);

    const exported = await get(server.url, `/plans/${testPlanSlug}/export.json`);
    expect(exported.response.headers.get("content-disposition")).toContain(`filename="${testPlanSlug}.json"`);
    const file = JSON.parse(exported.html) as { slug: string; title: string };
    const imported = await upload(JSON.stringify({ ...file, slug: "ergebnisse-kopie", title: "Kopie" }), planner);
    expect(imported.status).toBe(302);
    expect(imported.location).toBe("/plans/ergebnisse-kopie");

    const original = measureRows((await get(server.url, `/plans/${testPlanSlug}`)).text);
    const copy = measureRows((await get(server.url, "/plans/ergebnisse-kopie")).text);
    expect(original).toContain("W-4 Sprachcafé im Quartier");
    expect(copy).toEqual(original);
  });

  it("refuses an invalid file with a translated reason and changes nothing", async () => {
    const before = await planCount();
    const broken = JSON.parse((await get(server.url, `/plans/${testPlanSlug}/export.json`)).html) as {
      slug: string;
      measures: { clusterKey: string | null }[];
    };
    broken.slug = "kaputt";
    broken.measures[0]!.clusterKey = "gibt-es-nicht";
    const invalid = await upload(JSON.stringify(broken), planner);
    expect(invalid.status).toBe(400);
    expect(invalid.text).toContain("Die Datei ist kein Katalog im Mitplan-Format. Der erste Fehler steht bei „measures.0.clusterKey“.");

    const pasted = await post(server.url, "/plans/import?lng=en", { text: "{ no json" }, planner);
    expect(pasted.status).toBe(400);
    expect(pasted.text).toContain("This is not a JSON file.");

    const tooLarge = await upload(`{"slug":"riesig","padding":"${"x".repeat(5_000_000)}"}`, planner);
    expect(tooLarge.status).toBe(400);
    expect(tooLarge.text).toContain("Die Datei ist zu groß: höchstens 5 MB.");

    const again = await upload((await get(server.url, `/plans/${testPlanSlug}/export.json`)).html, planner);
    expect(again.status).toBe(409);
    expect(again.text).toContain(`Einen Plan mit dem slug „${testPlanSlug}“ gibt es schon.`);
    expect(await planCount()).toBe(before);
  });

  it("is for planners only", async () => {
    expect((await get(server.url, "/plans/import")).location).toBe("/login?redirectTo=%2Fplans%2Fimport");
    expect((await upload("{}", "")).status).toBe(302);
  });
});

describe("the printable report", () => {
  it("shows participation by group, charts with their data tables, decisions, and has a print stylesheet", async () => {
    const { status, html, text } = await get(server.url, `/conferences/${conference.conferenceId}/report`, planner);
    expect(status).toBe(200);
    expect(text).toContain("<caption>Teilnehmende nach Gruppe</caption>");
    expect(text).toContain("13 Personen haben teilgenommen.");
    const charts = text.match(/<figure class="bar-chart[^"]*">[\s\S]*?<\/figure>/g) ?? [];
    expect(charts.length).toBeGreaterThan(3);
    for (const chart of charts) {
      expect(chart).toMatch(/<svg role="img"/);
      expect(chart).toMatch(/<table aria-labelledby="[^"]+"><thead>/);
    }
    expect(text).toContain("Das Sprachcafé startet im Herbst.");
    const stylesheet = /<link rel="stylesheet" href="(\/build\/_assets\/feedback-[^"]+\.css)"/.exec(html)![1]!;
    const css = await (await fetch(server.url + stylesheet)).text();
    expect(css).toMatch(/@media print\s*\{[\s\S]*break-before:\s*page/);
  });

  it("is for staff only", async () => {
    const path = `/conferences/${conference.conferenceId}/report`;
    expect((await get(server.url, path)).status).toBe(302);
    expect((await get(server.url, path, conference.participantCookie)).status).toBe(403);
  });
});

describe("who sees which session's results", () => {
  it("gives a running session's results to the conference's team only; the public and other teams get the closed ones", async () => {
    const db = server.database.db;
    const deps = recordingDeps(db);
    const admin = await createStaff(db, "admin");
    const running = await createLiveSession(db, admin, { conferenceId: conference.conferenceId, title: "Runde 2", dotsPerParticipant: 3 });
    await addAgendaItems(deps, admin, { liveSessionId: running.id, entries: [{ kind: "measure", measureCode: "W-2" }] });
    await startLiveSession(deps, admin, { liveSessionId: running.id });
    const stranger = await makeUser(db, "planner");
    const sessionsIn = async (cookie: string) => {
      const { status, html } = await get(server.url, `/conferences/${conference.conferenceId}/export.json?dataset=results`, cookie);
      expect(status).toBe(200);
      return (JSON.parse(html) as { liveSession: { id: string } }[]).map((s) => s.liveSession.id);
    };
    expect(await sessionsIn(planner)).toEqual([conference.liveSessionId, running.id]);
    for (const cookie of ["", conference.participantCookie, await sessionCookie(db, stranger.id)]) {
      expect(await sessionsIn(cookie)).toEqual([conference.liveSessionId]);
    }
    // The feedback page is the public's view for everyone, the team included.
    const page = await get(server.url, feedbackPath, planner);
    expect(page.text).not.toContain("Runde 2");
  });
});
