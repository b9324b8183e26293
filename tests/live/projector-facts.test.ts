/**
 * The projector shows what the catalogue says of the item under discussion (issue 12): a measure's
 * Reifegrad, a focus theme's Reifegrad and budget as planners set them (decision 050), nothing
 * where the plan says nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSession } from "../../app/auth/sessions.server";
import { reviseCluster } from "../../app/catalogue/clusters.server";
import { setMaturity } from "../../app/catalogue/revisions.server";
import { setCurrentItem } from "../../app/live/steer.server";
import { createStaff, recordingDeps, startedSession } from "../support/fixtures";
import { get } from "../support/http";
import { startTestServer, type TestServer } from "../support/server";

const planSlug = "ziele-und-massnahmen-2022-2023";
let server: TestServer;
let session: Awaited<ReturnType<typeof startedSession>>;
let cookie: string;
let moderator: Awaited<ReturnType<typeof createStaff>>;

beforeAll(async () => {
  server = await startTestServer();
  const db = server.database.db;
  const planner = await createStaff(db, "planner");
  moderator = await createStaff(db, "moderator");
  await setMaturity(db, planner, { planSlug, code: "540-2", maturity: "B", reason: "Stand der Umsetzung" });
  await reviseCluster(db, planner, { planSlug, key: "soziales-miteinander-im-quartier", maturity: "", budget: "120.000", reason: "Haushalt 2023" });
  session = await startedSession(recordingDeps(db), moderator, { measureCodes: ["540-2", "510-2"], clusterKeys: ["soziales-miteinander-im-quartier"] });
  cookie = `mitplan_session=${(await createSession(db, moderator.userId)).token}`;
});
afterAll(() => server.close());

const projector = async () => (await get(server.url, `/live/${session.liveSessionId}/present`, cookie)).text;
const current = (index: number) =>
  setCurrentItem(recordingDeps(server.database.db), moderator, { liveSessionId: session.liveSessionId, agendaItemId: session.itemIds[index]! });

describe("the projector's catalogue facts", () => {
  it("show a measure's Reifegrad", async () => {
    await current(0);
    expect(await projector()).toMatch(/<p class="projector__facts"><span class="badge badge--B">/);
  });

  it("show a focus theme's budget, and no Reifegrad where the plan gives none", async () => {
    await current(2);
    const page = await projector();
    expect(page).toMatch(/<p class="projector__facts"><span>Budget: 120\.000,00\s€<\/span><\/p>/);
  });

  it("say nothing where the catalogue says nothing", async () => {
    await current(1);
    expect(await projector()).not.toContain("projector__facts");
  });
});
