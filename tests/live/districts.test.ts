import { readFileSync } from "node:fs";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StaffActor } from "../../app/auth/actor";
import { createConference } from "../../app/conferences/conferences.server";
import { bielefeldDistricts } from "../../app/conferences/districts";
import { addAgendaItems, createLiveSession, startLiveSession } from "../../app/live/setup.server";
import { participants } from "../../db/schema";
import { openDemoWorld, type TestDatabase } from "../support/database";
import { joinAs, recordingDeps, refusal, startedSession } from "../support/fixtures";

let database: TestDatabase;
let moderator: StaffActor;

beforeAll(async () => ({ database, moderator } = await openDemoWorld()));
afterAll(() => database.close());

const districtOf = async (participantId: string) =>
  (await database.db.select({ district: participants.district }).from(participants).where(eq(participants.id, participantId)))[0]!.district;

const countOf = async (conferenceId: string) =>
  (await database.db.select({ id: participants.id }).from(participants).where(eq(participants.conferenceId, conferenceId))).length;

describe("districts are a fixed list", () => {
  it("stores one of Bielefeld's Stadtbezirke and refuses free text without storing anyone", async () => {
    const deps = recordingDeps(database.db);
    const session = await startedSession(deps, moderator);
    const joined = await joinAs(deps, session.joinCode, "de", { district: "Jöllenbeck" });
    expect(await districtOf(joined.participantId)).toBe("Jöllenbeck");
    const before = await countOf(session.conferenceId);
    expect(await refusal(joinAs(deps, session.joinCode, "de", { district: "Hauptstr. 5, Familie Yilmaz" }))).toBe(
      "invalid live:error.districtNotOffered",
    );
    expect(await refusal(joinAs(deps, session.joinCode, "de", { district: "mitte" }))).toBe("invalid live:error.districtNotOffered");
    expect(await countOf(session.conferenceId)).toBe(before);
    const none = await joinAs(deps, session.joinCode, "de", { district: "" });
    expect(await districtOf(none.participantId)).toBeNull();
  });

  it("offers a conference's own list instead, set in the conference form", async () => {
    const deps = recordingDeps(database.db);
    const conference = await createConference(database.db, moderator, {
      planSlug: "ziele-und-massnahmen-2022-2023",
      kind: "district_talk",
      title: "Quartiersgespräch",
      startsAt: "2026-12-05T17:00:00Z",
      languages: ["de"],
      districts: "Sieker\r\n  Baumheide \n\nSieker\n",
    });
    const session = await createLiveSession(database.db, moderator, { conferenceId: conference.id, title: "Runde 1", dotsPerParticipant: 5 });
    await addAgendaItems(deps, moderator, { liveSessionId: session.id, entries: [{ kind: "question", question: "Was fehlt?" }] });
    const { joinCode } = await startLiveSession(deps, moderator, { liveSessionId: session.id });
    const joined = await joinAs(deps, joinCode, "de", { district: "Baumheide" });
    expect(await districtOf(joined.participantId)).toBe("Baumheide");
    expect(await refusal(joinAs(deps, joinCode, "de", { district: "Mitte" }))).toBe("invalid live:error.districtNotOffered");
  });

  it("refuses a conference list that is too long, naming the field", async () => {
    const tooMany = Array.from({ length: 41 }, (_, i) => `Bezirk ${i}`).join("\n");
    const error = await createConference(database.db, moderator, {
      planSlug: "ziele-und-massnahmen-2022-2023",
      kind: "workshop",
      title: "Zu viele",
      startsAt: "2026-12-05T17:00:00Z",
      languages: ["de"],
      districts: tooMany,
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "invalid", fields: { districts: "common:validation.invalidValue" } });
  });
});

describe("migration 0008", () => {
  it("keeps the known Stadtbezirke of free-text rows and clears everything else", async () => {
    const deps = recordingDeps(database.db);
    const session = await startedSession(deps, moderator);
    const typed = ["  mitte ", "Bielefeld-Jöllenbeck", "JOELLENBECK", "Senne", "Sennestadt", "Hauptstr. 5, Familie Yilmaz", "Sieker"];
    const rows = await database.db
      .insert(participants)
      .values(typed.map((district) => ({ conferenceId: session.conferenceId, secretHash: "x", language: "de", district })))
      .returning({ id: participants.id });
    const statements = readFileSync(new URL("../../db/migrations/0008_participant_privacy.sql", import.meta.url), "utf8").split("--> statement-breakpoint");
    const mapping = statements.find((s) => s.includes('UPDATE "participant" SET "district"'))!;
    await database.db.execute(sql.raw(mapping));
    const after = await Promise.all(rows.map((r) => districtOf(r.id)));
    expect(after).toEqual(["Mitte", "Jöllenbeck", "Jöllenbeck", "Senne", "Sennestadt", null, null]);
    expect(after.every((d) => d === null || (bielefeldDistricts as readonly string[]).includes(d))).toBe(true);
  });
});
