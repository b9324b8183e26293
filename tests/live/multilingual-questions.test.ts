import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StaffActor } from "../../app/auth/actor";
import { DomainError } from "../../app/errors";
import { questionMax } from "../../app/live/limits";
import { addAgendaItems } from "../../app/live/setup.server";
import { getLiveState } from "../../app/live/state.server";
import { setCurrentItem } from "../../app/live/steer.server";
import { openDemoWorld, type TestDatabase } from "../support/database";
import { joinAs, recordingDeps, startedSession } from "../support/fixtures";

let database: TestDatabase;
let moderator: StaffActor;

beforeAll(async () => ({ database, moderator } = await openDemoWorld()));
afterAll(() => database.close());

/** A running session of a conference in German, Turkish and Arabic. */
async function session() {
  const deps = recordingDeps(database.db);
  const started = await startedSession(deps, moderator, { languages: ["de", "tr", "ar"] });
  deps.events.length = 0;
  return { deps, ...started };
}

const refusalOf = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => (error instanceof DomainError ? { code: error.code, messageKey: error.messageKey, fields: error.fields } : error),
  );

describe("a question in several languages", () => {
  it("is stored with its translations, announced with all of them, and read by every screen", async () => {
    const { deps, liveSessionId, conferenceId } = await session();
    const { ids } = await addAgendaItems(deps, moderator, {
      liveSessionId,
      entries: [{ kind: "question", question: "Was fehlt in Ihrem Stadtteil?", questionTranslations: { tr: "Mahallenizde ne eksik?" } }],
    });
    const announced = deps.events.find((e) => e.type === "agendaItem.updated");
    expect(announced?.type === "agendaItem.updated" && announced.item.questionTranslations).toEqual({ tr: "Mahallenizde ne eksik?" });

    await setCurrentItem(deps, moderator, { liveSessionId, agendaItemId: ids[0] });
    // The phone gets every translation and picks its own language itself.
    const phone = await joinAs(deps, (await getLiveState(database.db, moderator, liveSessionId)).liveSession.joinCode!, "ar");
    expect(phone.conferenceId).toBe(conferenceId);
    const state = await getLiveState(database.db, phone, liveSessionId);
    expect(state.items.find((i) => i.id === ids[0])).toMatchObject({
      question: "Was fehlt in Ihrem Stadtteil?",
      questionTranslations: { tr: "Mahallenizde ne eksik?" },
    });
  });

  it("takes a ranking's question in several languages too", async () => {
    const { deps, liveSessionId } = await session();
    const { ids } = await addAgendaItems(deps, moderator, {
      liveSessionId,
      entries: [{ kind: "ranking", question: "Was zuerst?", questionTranslations: { ar: "ما الأولوية؟" }, measureCodes: ["540-2", "510-2"] }],
    });
    const state = await getLiveState(database.db, moderator, liveSessionId);
    expect(state.items.find((i) => i.id === ids[0])?.questionTranslations).toEqual({ ar: "ما الأولوية؟" });
  });

  it("refuses a translation into a language the conference does not offer, or into German, and adds nothing", async () => {
    const { deps, liveSessionId } = await session();
    const before = (await getLiveState(database.db, moderator, liveSessionId)).items.length;
    for (const language of ["uk", "de"]) {
      expect(
        await refusalOf(
          addAgendaItems(deps, moderator, { liveSessionId, entries: [{ kind: "question", question: "Was fehlt?", questionTranslations: { [language]: "?" } }] }),
        ),
      ).toEqual({
        code: "invalid",
        messageKey: "live:error.languageNotOffered",
        fields: { [`entries.0.questionTranslations.${language}`]: "live:error.languageNotOffered" },
      });
    }
    expect((await getLiveState(database.db, moderator, liveSessionId)).items).toHaveLength(before);
    expect(deps.events).toEqual([]);
  });

  it("holds each translation to the question's own length limit and refuses one no language knows", async () => {
    const { deps, liveSessionId } = await session();
    const tooLong = await refusalOf(
      addAgendaItems(deps, moderator, {
        liveSessionId,
        entries: [{ kind: "question", question: "Was fehlt?", questionTranslations: { tr: "ç".repeat(questionMax + 1) } }],
      }),
    );
    expect(tooLong).toMatchObject({ code: "invalid" });
    expect(Object.keys((tooLong as { fields: Record<string, string> }).fields)).toEqual(["entries.0.questionTranslations.tr"]);
    const unknown = await refusalOf(
      addAgendaItems(deps, moderator, { liveSessionId, entries: [{ kind: "question", question: "Was fehlt?", questionTranslations: { xx: "?" } }] }),
    );
    expect(unknown).toMatchObject({ code: "invalid" });
    expect(deps.events).toEqual([]);
  });
});
