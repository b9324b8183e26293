import type { Db } from "../../db/client";
import type { StaffActor } from "../../app/auth/actor";
import { createSeries } from "../../app/conferences/series.server";
import { createTwoStepConference } from "../../app/live/two-step.server";
/**
 * What the sample paths need: a started live session whose participant made a proposal and wrote a
 * comment and made a return link (tests/auth/access.test.ts and tests/i18n/every-route.test.ts build one each).
 */
export type RouteFixture = {
  conferenceId: string;
  liveSessionId: string;
  joinCode: string;
  itemIds: string[];
  proposalId: string;
  commentId: string;
  /** That participant's return link token (app/auth/return-links.server.ts). */
  returnToken: string;
  /** A conference series of the demo plan (sampleSeries). */
  seriesId: string;
  /** A two-step prioritisation of the Integrationskonzept (sampleTwoStep), with the same team. */
  twoStepConferenceId: string;
};

/** A district series on the demo plan, started by the given planner. */
export async function sampleSeries(db: Db, planner: StaffActor): Promise<string> {
  const { id } = await createSeries(db, planner, { planSlug: "ziele-und-massnahmen-2022-2023", kind: "district", title: "Stadtteilgespräche" });
  return id;
}

/** A two-step prioritisation of the demo Integrationskonzept, made by the given moderator (so on its team). */
export async function sampleTwoStep(db: Db, moderator: StaffActor): Promise<string> {
  const { id } = await createTwoStepConference(db, moderator, {
    planSlug: "integrationskonzept",
    kind: "workshop",
    title: "Priorisierung Integrationskonzept",
    startsAt: "2026-12-10T15:00:00Z",
    languages: ["de"],
    goalsNamedFirst: 16,
  });
  return id;
}

/** A URL for each route that its allowed roles can load; add one with every new route. */
export const samplePaths: Record<string, (fixture: RouteFixture) => string> = {
  "routes/$": () => "/diese-seite-gibt-es-nicht",
  "routes/_index": () => "/",
  "routes/plans.$planId._index": () => "/plans/ziele-und-massnahmen-2022-2023",
  "routes/plans.$planId.measures.$code": () => "/plans/ziele-und-massnahmen-2022-2023/measures/540-2",
  "routes/login": () => "/login",
  "routes/logout": () => "/logout",
  "routes/account": () => "/account",
  "routes/admin.users": () => "/admin/users",
  "routes/admin.privacy": () => "/admin/privacy",
  "routes/datenschutz": () => "/datenschutz",
  "routes/admin.languages": () => "/admin/languages",
  "routes/admin.accessibility": () => "/admin/accessibility",
  "routes/barrierefreiheit": () => "/barrierefreiheit",
  "routes/join": () => "/join",
  "routes/j.$code": (f) => `/j/${f.joinCode}`,
  "routes/live.$liveSessionId._index": (f) => `/live/${f.liveSessionId}`,
  "routes/conferences._index": () => "/conferences",
  "routes/conferences.$conferenceId": (f) => `/conferences/${f.conferenceId}`,
  "routes/live.$liveSessionId.agenda": (f) => `/live/${f.liveSessionId}/agenda`,
  "routes/live.$liveSessionId.console": (f) => `/live/${f.liveSessionId}/console`,
  "routes/live.$liveSessionId.present": (f) => `/live/${f.liveSessionId}/present`,
  "routes/live.$liveSessionId.translate": (f) => `/live/${f.liveSessionId}/translate`,
  "routes/mediation": () => "/mediation",
  "routes/inbox._index": () => "/inbox",
  "routes/inbox.$kind.$id": (f) => `/inbox/proposal/${f.proposalId}`,
  "routes/plans.$planId.results": () => "/plans/ziele-und-massnahmen-2022-2023/results",
  "routes/plans.$planId.progress": () => "/plans/ziele-und-massnahmen-2022-2023/progress",
  "routes/plans.$planId.report": () => "/plans/ziele-und-massnahmen-2022-2023/report",
  "routes/plans.$planId.measures.$code_.history": () => "/plans/ziele-und-massnahmen-2022-2023/measures/540-2/history",
  "routes/conferences.$conferenceId_.feedback": (f) => `/conferences/${f.conferenceId}/feedback`,
  "routes/conferences.$conferenceId_.export[.]csv": (f) => `/conferences/${f.conferenceId}/export.csv`,
  "routes/conferences.$conferenceId_.export[.]json": (f) => `/conferences/${f.conferenceId}/export.json?dataset=comments`,
  "routes/conferences.$conferenceId_.report": (f) => `/conferences/${f.conferenceId}/report`,
  "routes/conferences.$conferenceId_.prioritisation": (f) => `/conferences/${f.twoStepConferenceId}/prioritisation`,
  "routes/my-input": () => "/my-input",
  "routes/r.$token": (f) => `/r/${f.returnToken}`,
  "routes/plans.$planId.export[.]csv": () => "/plans/ziele-und-massnahmen-2022-2023/export.csv",
  "routes/plans.$planId.export[.]json": () => "/plans/ziele-und-massnahmen-2022-2023/export.json",
  "routes/plans.import": () => "/plans/import",
  "routes/series._index": () => "/series",
  "routes/series.$seriesId": (f) => `/series/${f.seriesId}`,
  "routes/plans.$planId.translations._index": () => "/plans/ziele-und-massnahmen-2022-2023/translations?language=tr",
  "routes/plans.$planId.translations.$code": () => "/plans/ziele-und-massnahmen-2022-2023/translations/540-2?language=ar",
};
