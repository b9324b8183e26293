import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StaffActor } from "../../app/auth/actor";
import { createSession } from "../../app/auth/sessions.server";
import { moderateComment, postComment } from "../../app/live/comments.server";
import type { LiveDeps } from "../../app/live/events";
import { setPhase } from "../../app/live/steer.server";
import { castVote } from "../../app/live/votes.server";
import { createStaff, joinAs, recordingDeps, startedSession } from "../support/fixtures";
import { expectAccessible, launchBrowser } from "../support/browser";
import { get, joinByLink, post } from "../support/http";
import { startTestServer, type TestServer } from "../support/server";
import { t } from "../support/messages";

let server: TestServer;
let deps: LiveDeps;
let moderator: StaffActor;
let session: Awaited<ReturnType<typeof startedSession>>;
let staffCookie: string;
let path: string;

beforeAll(async () => {
  server = await startTestServer();
  deps = recordingDeps(server.database.db);
  moderator = await createStaff(server.database.db, "moderator");
  session = await startedSession(deps, moderator, { measureCodes: ["540-2"] });
  staffCookie = `mitplan_session=${(await createSession(server.database.db, moderator.userId)).token}`;
  path = `/live/${session.liveSessionId}/present`;
});
afterAll(() => server.close());

describe("the projector page", () => {
  it("is for staff: a participant gets 403, a signed-out visitor the sign-in page", async () => {
    const { cookie } = await joinByLink(server.url, session.joinCode, { language: "de" });
    expect((await get(server.url, path, cookie)).status).toBe(403);
    const stranger = await get(server.url, path);
    expect(stranger.status).toBe(302);
    expect(stranger.location).toMatch(/^\/login\?redirectTo=/);
  });

  it("shows how to join: the code, the short link and the QR code", async () => {
    const { status, text } = await get(server.url, path, staffCookie);
    expect(status).toBe(200);
    expect(text).toContain(`<strong dir="ltr">${session.joinCode}</strong>`);
    expect(text).toContain(`${new URL(server.url).host}/j/${session.joinCode}`);
    expect(text).toMatch(/<div class="projector__qr" role="img" aria-label="[^"]+"><svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  });

  it("warns that phones cannot reach a join link made from localhost", async () => {
    const { text } = await get(server.url, path, staffCookie);
    expect(text).toContain(t("conferences:join.localTitle"));
    const console = await get(server.url, `/live/${session.liveSessionId}/console`, staffCookie);
    expect(console.text).toContain(t("conferences:join.localTitle"));
  });

  it("builds the join link and QR code from PUBLIC_URL when it is set, without the warning", async () => {
    const public_ = await startTestServer({ publicUrl: "https://mitplan.bielefeld.example/ignored/path" });
    try {
      const otherDeps = recordingDeps(public_.database.db);
      const otherModerator = await createStaff(public_.database.db, "moderator");
      const other = await startedSession(otherDeps, otherModerator, { measureCodes: ["540-2"] });
      const cookie = `mitplan_session=${(await createSession(public_.database.db, otherModerator.userId)).token}`;
      const { text } = await get(public_.url, `/live/${other.liveSessionId}/present`, cookie);
      expect(text).toContain(`mitplan.bielefeld.example/j/${other.joinCode}`);
      expect(text).not.toContain(t("conferences:join.localTitle"));
    } finally {
      await public_.close();
    }
  });

  it("puts visible comments on the wall, newest first, and leaves hidden ones off", async () => {
    const item = session.itemIds[0]!;
    const amal = await joinAs(deps, session.joinCode, "ar");
    const first = await postComment(deps, amal, { agendaItemId: item, body: "Mehr Bänke" });
    await postComment(deps, amal, { agendaItemId: item, body: "<b>Kauft Uhren!</b>" }).then((spam) =>
      moderateComment(deps, moderator, { action: "hide", commentId: spam.id, reason: "Werbung" }),
    );
    await postComment(deps, amal, { agendaItemId: item, body: "Und Licht im Park" });
    await moderateComment(deps, moderator, { action: "pin", commentId: first.id });
    const { text } = await get(server.url, path, staffCookie);
    expect(text).toContain('<p class="wall__text" lang="ar" dir="rtl">Und Licht im Park</p>');
    expect(text.indexOf("Und Licht im Park")).toBeLessThan(text.indexOf("Mehr Bänke"));
    expect(text).toContain(`wall__comment--pinned"><span class="wall__pin">${t("live:comment.pinned")}</span><p class="wall__text" lang="ar" dir="rtl">Mehr Bänke`);
    expect(text).not.toContain("Kauft Uhren");
    expect(text).toContain(t("live:present.participants", { count: 2 }));
  });

  it("shows how many have voted while voting runs, and the chart once results are revealed", async () => {
    const item = session.itemIds[0]!;
    await setPhase(deps, moderator, { agendaItemId: item, phase: "prioritise" });
    const voter = await joinAs(deps, session.joinCode);
    await castVote(deps, voter, { kind: "dots", clientId: "projector-dot-1", agendaItemId: item, value: 2 });
    const during = await get(server.url, path, staffCookie);
    expect(during.text.replace(/<!-- -->/g, "")).toContain(`${t("live:present.voting")} · ${t("live:results.voters", { count: 1 })}`);
    expect(during.text).not.toContain('class="bar-chart');

    await setPhase(deps, moderator, { agendaItemId: item, phase: "results" });
    const after = await get(server.url, path, staffCookie);
    expect(after.text).toContain(t("live:results.dotsTotal", { count: 2, paper: 0 }));
    expect(after.text).toContain('class="bar-chart bar-chart--large"');
  });
});

describe("the projector in a browser", { timeout: 60_000 }, () => {
  it("passes axe at projector size, and shows a new comment without a reload", async () => {
    const browser = await launchBrowser();
    try {
      const context = await browser.newContext({ locale: "de-DE", viewport: { width: 1920, height: 1080 } });
      await context.addCookies([{ name: "mitplan_session", value: staffCookie.split("=")[1]!, url: server.url }]);
      const projector = await context.newPage();
      await projector.goto(server.url + path);
      await expectAccessible(projector, "projector");
      expect(await projector.locator(".site-header").isVisible()).toBe(false);
      // Online only once the page watches the session's room, so the comment cannot slip past it.
      await projector.locator("[data-connection=online]").waitFor();

      const { cookie } = await joinByLink(server.url, session.joinCode, { language: "en" });
      const item = session.itemIds[0]!;
      const sent = await post(
        server.url,
        `/live/${session.liveSessionId}`,
        { intent: "comment", formId: `comment-${item}`, agendaItemId: item, body: "Late but live" },
        cookie,
      );
      expect(sent.status).toBe(302);
      await expect.poll(() => projector.locator(".wall").textContent()).toContain("Late but live");
    } finally {
      await browser.close();
    }
  });
});
