/**
 * An agenda item's note and a moderator's own rating criteria in several languages (issue 11,
 * docs/decisions/046): German stored, translations beside it, only into the conference's languages
 * and within the German's limits; the item's events carry every translation; a vote still names
 * the German criterion. A refusal writes nothing and announces nothing. On both engines
 * (TEST_DATABASE_URL for PostgreSQL).
 */
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StaffActor } from "../../app/auth/actor";
import { DomainError } from "../../app/errors";
import { activitiesFromForm } from "../../app/live/activities-form.server";
import { criterionMax, noteMax } from "../../app/live/limits";
import { defaultActivities } from "../../app/live/agenda-entries.server";
import { addAgendaItems, updateActivities } from "../../app/live/setup.server";
import { getLiveState } from "../../app/live/state.server";
import { setPhase } from "../../app/live/steer.server";
import { castVote } from "../../app/live/votes.server";
import { agendaItems } from "../../db/schema";
import { openDemoWorld, type TestDatabase } from "../support/database";
import { joinAs, recordingDeps, startedSession } from "../support/fixtures";

let database: TestDatabase;
let moderator: StaffActor;

beforeAll(async () => ({ database, moderator } = await openDemoWorld()));
afterAll(() => database.close());

/** A running session of a conference in German, Turkish and Arabic; its events recorded from here on. */
async function session() {
  const deps = recordingDeps(database.db);
  const started = await startedSession(deps, moderator, { measureCodes: ["540-2"], languages: ["de", "tr", "ar"] });
  deps.events.length = 0;
  return { deps, ...started };
}

const refusalOf = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => (error instanceof DomainError ? { code: error.code, messageKey: error.messageKey, fields: Object.keys(error.fields) } : error),
  );

const itemCount = async (liveSessionId: string) =>
  (await database.db.select({ id: agendaItems.id }).from(agendaItems).where(eq(agendaItems.liveSessionId, liveSessionId))).length;

describe("an agenda item's note in several languages", () => {
  it("is stored on every kind of item, announced with all its translations, and read by every screen", async () => {
    const { deps, liveSessionId } = await session();
    const note = { note: "Bitte an die Kosten denken.", noteTranslations: { tr: "Lütfen maliyetleri düşünün.", ar: "يرجى التفكير في التكاليف." } };
    const { ids } = await addAgendaItems(deps, moderator, {
      liveSessionId,
      entries: [
        { kind: "measure", measureCode: "510-2", ...note },
        { kind: "cluster", clusterKey: "alter-pflege", ...note },
        { kind: "question", question: "Was fehlt?", ...note },
        { kind: "ranking", question: "Was zuerst?", measureCodes: ["540-2", "510-2"], ...note },
      ],
    });
    const announced = deps.events.flatMap((e) => (e.type === "agendaItem.updated" ? [e.item] : []));
    expect(announced.map((item) => item.noteTranslations)).toEqual(ids.map(() => note.noteTranslations));
    const state = await getLiveState(database.db, moderator, liveSessionId);
    for (const id of ids) expect(state.items.find((i) => i.id === id)).toMatchObject(note);
  });

  it("leaves an item without a note as before", async () => {
    const { deps, liveSessionId } = await session();
    const { ids } = await addAgendaItems(deps, moderator, { liveSessionId, entries: [{ kind: "question", question: "Was fehlt?" }] });
    const state = await getLiveState(database.db, moderator, liveSessionId);
    expect(state.items.find((i) => i.id === ids[0])).toMatchObject({ note: null, noteTranslations: {} });
  });

  it("refuses a translation into a language the conference does not offer, or into German, and adds nothing", async () => {
    const { deps, liveSessionId } = await session();
    const before = await itemCount(liveSessionId);
    for (const language of ["uk", "de"]) {
      const entries = [{ kind: "cluster", clusterKey: "alter-pflege", note: "Hinweis", noteTranslations: { tr: "Not", [language]: "?" } }];
      expect(await refusalOf(addAgendaItems(deps, moderator, { liveSessionId, entries }))).toEqual({
        code: "invalid",
        messageKey: "live:error.languageNotOffered",
        fields: [`entries.0.noteTranslations.${language}`],
      });
    }
    expect(await itemCount(liveSessionId)).toBe(before);
    expect(deps.events).toEqual([]);
  });

  it("holds the note and each translation to the limit, refuses translations without a German note, and adds nothing", async () => {
    const { deps, liveSessionId } = await session();
    const before = await itemCount(liveSessionId);
    const add = (entry: Record<string, unknown>) => refusalOf(addAgendaItems(deps, moderator, { liveSessionId, entries: [{ kind: "question", question: "Was fehlt?", ...entry }] }));
    expect(await add({ note: "n".repeat(noteMax + 1) })).toMatchObject({ code: "invalid", fields: ["entries.0.note"] });
    expect(await add({ note: "Kurz.", noteTranslations: { ar: "ع".repeat(noteMax + 1) } })).toMatchObject({
      code: "invalid",
      fields: ["entries.0.noteTranslations.ar"],
    });
    expect(await add({ noteTranslations: { tr: "Not" } })).toEqual({ code: "invalid", messageKey: "live:error.noteMissing", fields: ["entries.0.note"] });
    expect(await itemCount(liveSessionId)).toBe(before);
    expect(deps.events).toEqual([]);
  });
});

describe("a moderator's own criteria in several languages", () => {
  const access = "Barrierefreiheit";
  const translations = { [access]: { tr: "Erişilebilirlik", ar: "إمكانية الوصول" } };

  it("are stored with the rating, announced with the item, and the vote still names the German criterion", async () => {
    const { deps, liveSessionId, itemIds, joinCode } = await session();
    const item = itemIds[0]!;
    const rating = { criteria: ["urgency", access], min: 1, max: 5, criterionTranslations: translations };
    await updateActivities(deps, moderator, { agendaItemId: item, activities: { ...defaultActivities("measure"), rating } });
    const announced = deps.events.find((e) => e.type === "agendaItem.updated");
    expect(announced?.type === "agendaItem.updated" && announced.item.activities.rating?.criterionTranslations).toEqual(translations);

    await setPhase(deps, moderator, { agendaItemId: item, phase: "prioritise" });
    const arabic = await joinAs(deps, joinCode, "ar");
    await castVote(deps, arabic, { kind: "rating", clientId: randomUUID(), agendaItemId: item, criterion: access, value: 4 });
    const state = await getLiveState(database.db, arabic, liveSessionId);
    expect(state.items.find((i) => i.id === item)?.activities.rating?.criterionTranslations).toEqual(translations);
    expect(state.me?.ratings[item]).toEqual({ [access]: 4 });
    const result = (await getLiveState(database.db, moderator, liveSessionId)).results.find((r) => r.agendaItemId === item)!;
    expect(result.rating?.find((r) => r.criterion === access)?.summary.count).toBe(1);
  });

  it("come from the form's fields beside each saved criterion; a criterion renamed in the same post takes its translations with it", () => {
    const form = {
      rating: "on",
      ratingMax: "5",
      criteria: "Dringlichkeit\nBarrierefreiheit\nNähe",
      "criterionName.0": access,
      "criterionTranslation.0.tr": "Erişilebilirlik",
      "criterionTranslation.0.ar": " ",
      "criterionName.1": "Entfernung",
      "criterionTranslation.1.tr": "Uzaklık",
    };
    expect(activitiesFromForm(form).rating).toEqual({
      criteria: ["urgency", access, "Nähe"],
      min: 1,
      max: 5,
      criterionTranslations: { [access]: { tr: "Erişilebilirlik" } },
    });
  });

  it("refuse a language not offered, a criterion not in the list and a name too long, and change nothing", async () => {
    const { deps, liveSessionId, itemIds } = await session();
    const item = itemIds[0]!;
    const before = (await getLiveState(database.db, moderator, liveSessionId)).items.find((i) => i.id === item)!.activities;
    const update = (criterionTranslations: Record<string, Record<string, string>>) =>
      refusalOf(
        updateActivities(deps, moderator, {
          agendaItemId: item,
          activities: { ...defaultActivities("measure"), rating: { criteria: ["urgency", access], min: 1, max: 5, criterionTranslations } },
        }),
      );
    expect(await update({ [access]: { pl: "Dostępność" } })).toEqual({
      code: "invalid",
      messageKey: "live:error.languageNotOffered",
      fields: [`activities.rating.criterionTranslations.${access}.pl`],
    });
    expect(await update({ [access]: { de: "Zugang" } })).toMatchObject({ messageKey: "live:error.languageNotOffered" });
    expect(await update({ Nähe: { tr: "Yakınlık" } })).toEqual({
      code: "invalid",
      messageKey: "live:error.criterionNotListed",
      fields: ["activities.rating.criterionTranslations.Nähe"],
    });
    expect(await update({ [access]: { tr: "ç".repeat(criterionMax + 1) } })).toMatchObject({
      code: "invalid",
      fields: [`activities.rating.criterionTranslations.${access}.tr`],
    });
    expect((await getLiveState(database.db, moderator, liveSessionId)).items.find((i) => i.id === item)!.activities).toEqual(before);
    expect(deps.events).toEqual([]);
  });
});
