/**
 * A conference's title and description in several languages (issue 11, docs/decisions/046): German
 * in the columns, the team's translations beside them, only into the languages the conference
 * offers and within the German's limits; a refusal writes nothing. On both engines
 * (TEST_DATABASE_URL for PostgreSQL).
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StaffActor } from "../../app/auth/actor";
import { conferenceRefs, createConference, getConference, updateConferenceTexts } from "../../app/conferences/conferences.server";
import { conferenceDescriptionMax, conferenceTitleMax } from "../../app/conferences/limits";
import { DomainError } from "../../app/errors";
import { conferences } from "../../db/schema";
import { openDemoWorld, type TestDatabase } from "../support/database";
import { createStaff, refusal } from "../support/fixtures";

let database: TestDatabase;
let moderator: StaffActor;

beforeAll(async () => ({ database, moderator } = await openDemoWorld()));
afterAll(() => database.close());

const conference = (extra: Record<string, unknown> = {}) => ({
  planSlug: "ziele-und-massnahmen-2022-2023",
  kind: "future_conference",
  title: "Zukunftskonferenz Sieker",
  startsAt: "2026-12-01T17:00:00Z",
  languages: ["de", "tr", "ar"],
  ...extra,
});

const fieldsOf = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => (error instanceof DomainError ? { code: error.code, messageKey: error.messageKey, fields: Object.keys(error.fields) } : error),
  );

const count = async () => (await database.db.select({ id: conferences.id }).from(conferences)).length;

describe("a conference's texts in several languages", () => {
  it("keeps German in the columns and the translations beside them, for every read of the conference", async () => {
    const { id } = await createConference(
      database.db,
      moderator,
      conference({
        description: "Wir sprechen über Beratung im Stadtteil.",
        titleTranslations: { tr: "Sieker Gelecek Konferansı" },
        descriptionTranslations: { tr: "Mahalledeki danışmanlık hizmetlerini konuşuyoruz.", ar: "نتحدث عن الاستشارة في الحي." },
      }),
    );
    expect(await getConference(database.db, id)).toMatchObject({
      title: "Zukunftskonferenz Sieker",
      titleTranslations: { tr: "Sieker Gelecek Konferansı" },
      description: "Wir sprechen über Beratung im Stadtteil.",
      descriptionTranslations: { tr: "Mahalledeki danışmanlık hizmetlerini konuşuyoruz.", ar: "نتحدث عن الاستشارة في الحي." },
    });
    // The rooms above (decisions, exports) name a conference through its refs: they carry the title's translations too.
    expect((await conferenceRefs(database.db, [id])).get(id)?.titleTranslations).toEqual({ tr: "Sieker Gelecek Konferansı" });
  });

  it("takes a conference without description or translations as before", async () => {
    const { id } = await createConference(database.db, moderator, conference());
    expect(await getConference(database.db, id)).toMatchObject({ description: null, titleTranslations: {}, descriptionTranslations: {} });
  });

  it("refuses a translation into a language the conference does not offer, or into German, and creates nothing", async () => {
    const before = await count();
    for (const [field, language] of [["titleTranslations", "uk"], ["titleTranslations", "de"], ["descriptionTranslations", "fa"]] as const) {
      const input = conference({ description: "Worum es geht.", [field]: { [language]: "?" } });
      expect(await fieldsOf(createConference(database.db, moderator, input))).toEqual({
        code: "invalid",
        messageKey: "conferences:create.languageNotOffered",
        fields: [`${field}.${language}`],
      });
    }
    expect(await count()).toBe(before);
  });

  it("holds the description and each translation to the German's limits, and refuses translations of a missing description", async () => {
    const before = await count();
    const tooLong = [
      conference({ description: "d".repeat(conferenceDescriptionMax + 1) }),
      conference({ titleTranslations: { tr: "ç".repeat(conferenceTitleMax + 1) } }),
      conference({ description: "Kurz.", descriptionTranslations: { ar: "ع".repeat(conferenceDescriptionMax + 1) } }),
    ];
    expect(await Promise.all(tooLong.map((input) => fieldsOf(createConference(database.db, moderator, input))))).toEqual([
      { code: "invalid", messageKey: "common:validation.invalid", fields: ["description"] },
      { code: "invalid", messageKey: "common:validation.invalid", fields: ["titleTranslations.tr"] },
      { code: "invalid", messageKey: "common:validation.invalid", fields: ["descriptionTranslations.ar"] },
    ]);
    expect(await fieldsOf(createConference(database.db, moderator, conference({ descriptionTranslations: { tr: "Açıklama" } })))).toEqual({
      code: "invalid",
      messageKey: "conferences:create.descriptionMissing",
      fields: ["description"],
    });
    expect(await count()).toBe(before);
  });
});

describe("the team changing a conference's texts", () => {
  it("changes the title, the description and their translations", async () => {
    const { id } = await createConference(database.db, moderator, conference());
    await updateConferenceTexts(database.db, moderator, {
      conferenceId: id,
      title: "Zukunftskonferenz Sieker 2027",
      description: "Zweite Runde.",
      titleTranslations: { ar: "مؤتمر المستقبل في زيكر 2027" },
      descriptionTranslations: { tr: "İkinci tur." },
    });
    expect(await getConference(database.db, id)).toMatchObject({
      title: "Zukunftskonferenz Sieker 2027",
      titleTranslations: { ar: "مؤتمر المستقبل في زيكر 2027" },
      description: "Zweite Runde.",
      descriptionTranslations: { tr: "İkinci tur." },
    });
  });

  it("refuses staff off the team and languages not offered, and changes nothing", async () => {
    const { id } = await createConference(database.db, moderator, conference({ titleTranslations: { tr: "Konferans" } }));
    const stranger = await createStaff(database.db, "moderator");
    const texts = { conferenceId: id, title: "Anders", titleTranslations: {}, descriptionTranslations: {} };
    expect(await refusal(updateConferenceTexts(database.db, stranger, texts))).toBe("forbidden conferences:team.notOnTeam");
    expect(await fieldsOf(updateConferenceTexts(database.db, moderator, { ...texts, titleTranslations: { pl: "Inaczej" } }))).toEqual({
      code: "invalid",
      messageKey: "conferences:create.languageNotOffered",
      fields: ["titleTranslations.pl"],
    });
    const [row] = await database.db.select().from(conferences).where(eq(conferences.id, id));
    expect(row).toMatchObject({ title: "Zukunftskonferenz Sieker", titleTranslations: { tr: "Konferans" } });
  });
});
