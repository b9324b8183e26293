/** The small parts the moderator pages rest on: city time, criteria, the join link, session lists. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StaffActor } from "../../app/auth/actor";
import { cityTimeToDate } from "../../app/conferences/city-time";
import { activitiesFromForm, criteriaFromText } from "../../app/live/activities-form.server";
import { listLiveSessions } from "../../app/live/queries.server";
import { joinLink, joinUrl } from "../../app/live/qr.server";
import { publicUrlSetting } from "../../server";
import { openDemoWorld, type TestDatabase } from "../support/database";
import { joinAs, recordingDeps, startedSession, refusal } from "../support/fixtures";

let database: TestDatabase;
let moderator: StaffActor;

beforeAll(async () => ({ database, moderator } = await openDemoWorld()));
afterAll(() => database.close());

const refused = (promise: Promise<unknown>) => refusal(promise, "code");

describe("city time", () => {
  it("reads a datetime-local value as Bielefeld time, in winter and in summer", () => {
    expect(cityTimeToDate("2026-12-01T18:00")?.toISOString()).toBe("2026-12-01T17:00:00.000Z");
    expect(cityTimeToDate("2026-07-01T18:00")?.toISOString()).toBe("2026-07-01T16:00:00.000Z");
    // The hour after the clocks go forward does not exist; it lands just after the switch.
    expect(cityTimeToDate("2026-03-29T02:30")?.toISOString()).toBe("2026-03-29T01:30:00.000Z");
  });

  it("refuses what is not a date and time", () => {
    for (const value of ["", "morgen", "2026-02-30T10:00", "2026-12-01T25:00", "2026-12-01"]) {
      expect(cityTimeToDate(value), value).toBeNull();
    }
  });
});

describe("the activities form", () => {
  it("maps a default criterion's label in any language back to its key", () => {
    expect(
      criteriaFromText("Dringlichkeit\nMunicipal influence\nالأثر\n  \nfeasibility\nBarrierefreiheit\nDringlichkeit"),
    ).toEqual(["urgency", "influence", "impact", "feasibility", "Barrierefreiheit"]);
  });

  it("leaves an unchecked activity off and an empty number for the schema to name", () => {
    expect(activitiesFromForm({ comments: "on" })).toEqual({
      comments: true,
      dots: null,
      rating: null,
      scale: null,
      ranking: false,
    });
    expect(activitiesFromForm({ dots: "on", dotsMax: "" }).dots?.maxPerItem).toBeNaN();
    expect(activitiesFromForm({ scale: "on", scaleLabel: "  " }).scale).toEqual({ min: 1, max: 10, label: null });
  });
});

describe("the join link", () => {
  it("is the short /j/ link, as an SVG QR code", async () => {
    expect(joinUrl("https://mitplan.example/", "K7M2QX")).toBe("https://mitplan.example/j/K7M2QX");
    const link = await joinLink("https://mitplan.example", "K7M2QX");
    expect(link.qrSvg).toMatch(/^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(link.local).toBe(false);
  });

  it("takes PUBLIC_URL's origin, and refuses a value that is not an http(s) address", () => {
    expect(publicUrlSetting(undefined)).toBeUndefined();
    expect(publicUrlSetting("https://mitplan.bielefeld.de/x/")).toBe("https://mitplan.bielefeld.de");
    expect(() => publicUrlSetting("mitplan.bielefeld.de")).toThrow(/PUBLIC_URL/);
    expect(() => publicUrlSetting("javascript:alert(1)")).toThrow(/PUBLIC_URL/);
  });

  it("knows when it names this computer, which phones in the room cannot reach", async () => {
    for (const origin of ["http://localhost:3000", "http://127.0.0.1:3000", "http://[::1]:3000"]) {
      expect((await joinLink(origin, "K7M2QX")).local).toBe(true);
    }
    for (const origin of ["http://192.168.1.20:3000", "https://mitplan.bielefeld.de", "http://localhost.example"]) {
      expect((await joinLink(origin, "K7M2QX")).local).toBe(false);
    }
  });
});

describe("listLiveSessions", () => {
  it("lists a conference's sessions with their agenda size, for staff only", async () => {
    const deps = recordingDeps(database.db);
    const session = await startedSession(deps, moderator);
    const list = await listLiveSessions(database.db, moderator, session.conferenceId);
    expect(list).toEqual([
      expect.objectContaining({ id: session.liveSessionId, status: "live", joinCode: session.joinCode, itemCount: 3 }),
    ]);
    expect(await listLiveSessions(database.db, moderator, "kein-uuid")).toEqual([]);
    const participant = await joinAs(deps, session.joinCode);
    expect(await refused(listLiveSessions(database.db, participant, session.conferenceId))).toBe("forbidden");
    expect(await refused(listLiveSessions(database.db, { kind: "anonymous" }, session.conferenceId))).toBe(
      "unauthenticated",
    );
  });
});
