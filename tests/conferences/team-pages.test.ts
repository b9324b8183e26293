/**
 * The team on the conference's page, as plain form posts without JavaScript, and the conference
 * list as members and strangers to the team see it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createConference } from "../../app/conferences/conferences.server";
import { startTestServer, type TestServer } from "../support/server";
import { client, signedInStaff, staffActorOf } from "../support/page-client";

let server: TestServer;
let creator: Awaited<ReturnType<typeof signedInStaff>>;
let planner: Awaited<ReturnType<typeof signedInStaff>>;
let stranger: Awaited<ReturnType<typeof signedInStaff>>;
let conferenceId: string;
const page = () => `/conferences/${conferenceId}`;

beforeAll(async () => {
  server = await startTestServer();
  [creator, planner, stranger] = [await signedInStaff(server), await signedInStaff(server, "planner"), await signedInStaff(server)];
  ({ id: conferenceId } = await createConference(server.database.db, staffActorOf(creator), {
    planSlug: "ziele-und-massnahmen-2022-2023",
    kind: "district_talk",
    title: "Stadtteilgespräch Dornberg",
    startsAt: "2026-12-07T17:00:00Z",
    languages: ["de", "ar"],
  }));
});
afterAll(() => server.close());

describe("the team on the conference's page", () => {
  it("lists the creator and adds a planner by e-mail, telling why an address is refused", async () => {
    const browser = client(server, creator.cookie);
    const before = await browser.get(page());
    expect(before.status).toBe(200);
    expect(before.html).toContain('<h2 id="team-title">Team</h2>');
    expect(before.html).toContain(creator.displayName);

    const unknown = await browser.post(page(), { intent: "addMember", formId: "add-member", email: "niemand@mitplan.test" });
    expect(unknown.status).toBe(400);
    expect(unknown.html).toContain("Zu dieser E-Mail-Adresse gibt es kein Konto.");
    expect(unknown.html).toContain('value="niemand@mitplan.test"');

    const added = await browser.post(page(), { intent: "addMember", formId: "add-member", email: planner.email });
    expect(added.status).toBe(200);
    expect(added.html).toContain(`Aufgenommen von ${creator.displayName}`);
    expect(added.html).toContain(planner.email);
  });

  it("links the conference for its team only; others see that it exists, and its public feedback", async () => {
    const member = await client(server, planner.cookie).get("/conferences");
    expect(member.html).toMatch(new RegExp(`href="/conferences/${conferenceId}"[^>]*>Stadtteilgespräch Dornberg</a>`));
    const outside = client(server, stranger.cookie);
    const list = await outside.get("/conferences");
    expect(list.html).toContain("Konferenzen anderer Teams");
    expect(list.html).toContain("Stadtteilgespräch Dornberg");
    expect(list.html).not.toContain(`href="/conferences/${conferenceId}"`);
    expect(list.html).toContain(`href="/conferences/${conferenceId}/feedback"`);
    expect((await outside.get(page())).status).toBe(403);
  });

  it("keeps the last active member, and sends who left to the list", async () => {
    const browser = client(server, creator.cookie);
    const left = await browser.post(page(), { intent: "removeMember", formId: `remove-member-${creator.userId}`, userId: creator.userId });
    expect(left.status).toBe(302);
    expect(left.location).toBe("/conferences");
    expect((await browser.get(page())).status).toBe(403);

    const last = await client(server, planner.cookie).post(page(), {
      intent: "removeMember",
      formId: `remove-member-${planner.userId}`,
      userId: planner.userId,
    });
    expect(last.status).toBe(409);
    expect(last.html).toContain("Das letzte aktive Mitglied bleibt im Team");
  });
});
