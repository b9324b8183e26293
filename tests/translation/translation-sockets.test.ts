/**
 * Translations over real sockets (decision 042): the real server with the fake LibreTranslate
 * configured, real socket.io clients of participants, a moderator and a language mediator. A
 * posted comment's machine translations and a mediator's translation arrive on every screen live,
 * as a typed event the screens reduce (app/live/apply-event.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSession } from "../../app/auth/sessions.server";
import { addTeamMember } from "../../app/conferences/team.server";
import { libreTranslate } from "../../app/translation/libretranslate.server";
import type { TranslationView } from "../../app/translation/views";
import { fakeLibreTranslate, type FakeService } from "../support/fake-translators";
import { createStaff, recordingDeps, startedSession } from "../support/fixtures";
import { joinByLink, post, steerAtConsole } from "../support/http";
import { command, connectLiveClient, until, type LiveClient } from "../support/live-clients";
import { startTestServer, type TestServer } from "../support/server";

let server: TestServer;
let fake: FakeService;
let liveSessionId: string;
let item: string;
let mediatorCookie: string;
let moderatorCookie: string;
let clients: Record<"moderator" | "mediator" | "amal" | "ayse", LiveClient>;

beforeAll(async () => {
  fake = await fakeLibreTranslate();
  server = await startTestServer({ translator: libreTranslate({ url: fake.url, timeoutMs: 2_000 }) });
  const db = server.database.db;
  const moderator = await createStaff(db, "moderator");
  const mediator = await createStaff(db, "mediator");
  const session = await startedSession(recordingDeps(db), moderator, { measureCodes: ["540-2"], languages: ["de", "tr", "ar"] });
  await addTeamMember(db, moderator, { conferenceId: session.conferenceId, email: mediator.email });
  ({ liveSessionId } = session);
  item = session.itemIds[0]!;
  moderatorCookie = `mitplan_session=${(await createSession(db, moderator.userId)).token}`;
  mediatorCookie = `mitplan_session=${(await createSession(db, mediator.userId)).token}`;
  const connect = (name: string, cookie: string) => connectLiveClient(server.url, liveSessionId, name, cookie);
  clients = {
    moderator: await connect("moderator", moderatorCookie),
    mediator: await connect("mediator", mediatorCookie),
    amal: await connect("amal", (await joinByLink(server.url, session.joinCode, { language: "ar" })).cookie),
    ayse: await connect("ayşe", (await joinByLink(server.url, session.joinCode, { language: "tr" })).cookie),
  };
});

afterAll(async () => {
  for (const client of Object.values(clients ?? {})) client.socket.disconnect();
  await server?.close();
  await fake?.close();
});

const translationsOf = (client: LiveClient, commentId: string): TranslationView[] =>
  client.state.comments.find((c) => c.id === commentId)?.translations ?? [];
const shown = (client: LiveClient, commentId: string) =>
  translationsOf(client, commentId).map((t) => `${t.language}:${t.kind}:${t.text}`).join(" | ");

describe("translations over real sockets", () => {
  it("a posted comment gets machine translations into the session's languages, and every screen receives them", async () => {
    const posted = await command(clients.amal, "comment:post", { agendaItemId: item, body: "نحتاج إلى مزيد من دورات اللغة" });
    if (!posted.ok) throw new Error(posted.error.messageKey);
    for (const client of Object.values(clients)) {
      await until(`${client.name} has both machine translations`, () => translationsOf(client, posted.data.id).length === 2);
      expect(shown(client, posted.data.id)).toBe("de:machine:de: نحتاج إلى مزيد من دورات اللغة | tr:machine:tr: نحتاج إلى مزيد من دورات اللغة");
    }
    const asked = fake.requests.filter((r) => r.path === "/translate").map((r) => (r.body as { source: string; target: string }));
    expect(asked.map((r) => `${r.source}→${r.target}`).sort()).toEqual(["ar→de", "ar→tr"]);
  });

  it("a mediator's translation from the mediator console replaces the machine's on every screen", async () => {
    const posted = await command(clients.amal, "comment:post", { agendaItemId: item, body: "الحافلات قليلة في المساء" });
    if (!posted.ok) throw new Error(posted.error.messageKey);
    await until("ayşe has the machine's Turkish", () => translationsOf(clients.ayse, posted.data.id).some((t) => t.language === "tr"));
    const answer = await post(server.url, `/live/${liveSessionId}/translate`, {
      intent: "translate",
      formId: `translate-${posted.data.id}-tr`,
      target: "comment",
      id: posted.data.id,
      language: "tr",
      text: "Akşamları çok az otobüs var",
    }, mediatorCookie);
    expect(answer.status).toBe(200);
    for (const client of Object.values(clients)) {
      await until(`${client.name} has the person's Turkish`, () => translationsOf(client, posted.data.id).some((t) => t.kind === "person"));
    }
    expect(shown(clients.ayse, posted.data.id)).toBe("de:machine:de: الحافلات قليلة في المساء | tr:person:Akşamları çok az otobüs var");
    const events = clients.ayse.events.filter((e) => e.type === "comment.translated" && e.commentId === posted.data.id);
    expect(events.map((e) => e.type === "comment.translated" && `${e.audience}:${e.translation.language}:${e.translation.kind}`)).toEqual(
      expect.arrayContaining(["all:tr:person"]),
    );
  });

  it("the console's wall language reaches the projectors' state live", async () => {
    await steerAtConsole(server.url, liveSessionId, moderatorCookie, { intent: "wallLanguage", language: "tr" });
    for (const client of Object.values(clients)) {
      await until(`${client.name} shows Turkish as the wall's second language`, () => client.state.liveSession.wallLanguage === "tr");
    }
  });

  it("a mediator watches but cannot steer, and a mediator off the team cannot translate", async () => {
    const refused = await post(server.url, `/live/${liveSessionId}/console`, { intent: "wallLanguage", language: "ar" }, mediatorCookie);
    expect(refused.status).toBe(403);
    const stranger = await createStaff(server.database.db, "mediator");
    const strangerCookie = `mitplan_session=${(await createSession(server.database.db, stranger.userId)).token}`;
    const comment = clients.amal.state.comments[0]!;
    const answer = await post(server.url, `/live/${liveSessionId}/translate`, { intent: "translate", target: "comment", id: comment.id, language: "de", text: "x" }, strangerCookie);
    expect(answer.status).toBe(403);
  });
});
