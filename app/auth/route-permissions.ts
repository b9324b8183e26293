import type { Actor } from "./actor";
import { can, type Action } from "./permissions";

/** What a route or socket event requires: an action of the permission table, or nothing. */
export type Access = Action | "public";

/**
 * Every route file (by Remix route id) with what its loader and its action require. The loader or
 * action enforces it with `requireActor`; tests/auth/access.test.ts requests every route as every
 * role and fails for a route file without an entry here, or whose behaviour differs from it.
 * `team`: a page of one conference that only its team (and admins) may use, however the role
 * reads; staff of other conferences get 403 (authorizeConference, docs/decisions/015).
 */
export const routePermissions = {
  "routes/$": { loader: "public" },
  "routes/_index": { loader: "catalogue.read" },
  // Planners change a cluster's Reifegrad or budget on the catalogue page (issue 12).
  "routes/plans.$planId._index": { loader: "catalogue.read", action: "catalogue.edit" },
  // Planners record a closed session's scale result as an indicator value on the measure page (decision 043).
  "routes/plans.$planId.measures.$code": { loader: "catalogue.read", action: "catalogue.edit" },
  // Transparency, as the measure's history: anyone reads how the indicators stand and the implementation report.
  "routes/plans.$planId.progress": { loader: "catalogue.read" },
  "routes/plans.$planId.report": { loader: "catalogue.read" },
  "routes/login": { loader: "public", action: "account.signIn" },
  "routes/logout": { loader: "public", action: "public" },
  "routes/account": { loader: "account.manage", action: "account.manage" },
  "routes/admin.users": { loader: "user.manage", action: "user.manage" },
  "routes/admin.privacy": { loader: "user.manage", action: "user.manage" },
  // What is stored about participants and for how long: for everyone, before they join.
  "routes/datenschutz": { loader: "public" },
  "routes/admin.languages": { loader: "site.manage" },
  "routes/admin.accessibility": { loader: "site.manage", action: "site.manage" },
  // The accessibility statement and its report form are for everyone (§12b BGG).
  "routes/barrierefreiheit": { loader: "public", action: "accessibility.report" },
  "routes/conferences._index": { loader: "conference.manage", action: "conference.create" },
  "routes/conferences.$conferenceId": { loader: "conference.manage", action: "conference.manage", team: true },
  "routes/live.$liveSessionId.agenda": { loader: "liveSession.moderate", action: "liveSession.moderate", team: true },
  "routes/live.$liveSessionId.console": { loader: "liveSession.moderate", action: "liveSession.moderate", team: true },
  "routes/join": { loader: "public" },
  "routes/j.$code": { loader: "public", action: "liveSession.join" },
  // The participant's phone: the session's own participants (others are sent to /join, staff get 403).
  "routes/live.$liveSessionId._index": { loader: "vote.cast", action: "vote.cast" },
  "routes/live.$liveSessionId.present": { loader: "liveSession.present", team: true },
  // The language mediators' console: the session's input and the languages it still lacks (decision 042).
  "routes/live.$liveSessionId.translate": { loader: "translation.write", action: "translation.write", team: true },
  // A mediator's list of their conferences' sessions; everyone who translates reads only their teams'.
  "routes/mediation": { loader: "translation.write" },
  "routes/inbox._index": { loader: "decision.write" },
  "routes/inbox.$kind.$id": { loader: "decision.write", action: "decision.write" },
  "routes/plans.$planId.results": { loader: "results.view" },
  // Conference series: staff read them (and their results); planners start them.
  "routes/series._index": { loader: "results.view", action: "series.manage" },
  "routes/series.$seriesId": { loader: "results.view", action: "series.manage" },
  // Transparency: anyone reads a measure's history; planners update maturity and indicators there.
  "routes/plans.$planId.measures.$code_.history": { loader: "catalogue.read", action: "catalogue.edit" },
  // What became of the input: public feedback and exports (exportConference gives hidden input only to the team).
  "routes/conferences.$conferenceId_.feedback": { loader: "catalogue.read" },
  "routes/conferences.$conferenceId_.export[.]csv": { loader: "catalogue.read" },
  "routes/conferences.$conferenceId_.export[.]json": { loader: "catalogue.read" },
  "routes/conferences.$conferenceId_.report": { loader: "results.view", team: true },
  // A two-step prioritisation's combined ranking, running sessions counted now (decision 051).
  "routes/conferences.$conferenceId_.prioritisation": { loader: "results.view", team: true },
  // Anyone: participants see their own input, everybody else how to get some (not an error page).
  // Participants also delete their own data there (each their own, in the conference they name), and
  // make a return link or leave an address for decision mails ("participant.manageOwn", also theirs only).
  "routes/my-input": { loader: "public", action: "participant.eraseOwn" },
  // A participant's return link: whoever holds it may open it, in any browser (docs/decisions/031).
  "routes/r.$token": { loader: "public", action: "public" },
  "routes/plans.$planId.export[.]csv": { loader: "catalogue.read" },
  "routes/plans.$planId.export[.]json": { loader: "catalogue.read" },
  "routes/plans.import": { loader: "catalogue.edit", action: "catalogue.edit" },
  // The translation workbench (decision 041).
  "routes/plans.$planId.translations._index": { loader: "catalogue.translate" },
  "routes/plans.$planId.translations.$code": { loader: "catalogue.translate", action: "catalogue.translate" },
} satisfies Record<string, { loader: Access; action?: Access; team?: true }>;

export function allows(actor: Actor, access: Access): boolean {
  return access === "public" || can(actor, access);
}
