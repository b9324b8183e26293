import { DomainError } from "../errors";
import { roleOf, type Actor } from "./actor";

/**
 * The one permission table: which role may do what. Domain functions consult it; pages only use
 * it to hide what a role may not do.
 */
export const permissions = {
  "catalogue.read": ["anonymous", "participant", "mediator", "moderator", "planner", "admin"],
  "catalogue.edit": ["planner", "admin"],
  // Measure translations (decision 041); language mediators join here once their role exists.
  "catalogue.translate": ["planner", "admin"],
  "conference.create": ["moderator", "planner", "admin"],
  "conference.manage": ["moderator", "planner", "admin"],
  // Everyone else steers only the conferences whose team they are on (app/conferences/team.server.ts).
  "conference.steerAny": ["admin"],
  // A series (recurring conferences, district forums) frames how results are read: the planners' call.
  "series.manage": ["planner", "admin"],
  "liveSession.moderate": ["moderator", "planner", "admin"],
  "liveSession.join": ["anonymous", "participant"],
  "liveSession.present": ["moderator", "planner", "admin"],
  "comment.write": ["participant"],
  "comment.support": ["participant"],
  "comment.hide": ["moderator", "planner", "admin"],
  // Translating participants' comments and proposals, and correcting a machine's translation, in
  // the conferences whose team they are on (decision 042); mediators do nothing else there.
  "translation.write": ["mediator", "moderator", "planner", "admin"],
  "vote.cast": ["participant"],
  "vote.enterPaper": ["moderator", "planner", "admin"],
  "proposal.write": ["participant"],
  // Their own data only: the domain function erases the identity the actor acts as.
  "participant.eraseOwn": ["participant"],
  // Their own return link and notification address, again only for the identity acted as.
  "participant.manageOwn": ["participant"],
  "results.view": ["moderator", "planner", "admin"],
  "decision.write": ["planner", "admin"],
  "user.manage": ["admin"],
  "site.manage": ["admin"],
  "accessibility.report": ["anonymous", "participant", "mediator", "moderator", "planner", "admin"],
  "account.signIn": ["anonymous", "participant", "mediator", "moderator", "planner", "admin"],
  "account.manage": ["mediator", "moderator", "planner", "admin"],
} as const satisfies Record<string, readonly ReturnType<typeof roleOf>[]>;

export type Action = keyof typeof permissions;

export function can(actor: Actor, action: Action): boolean {
  return (permissions[action] as readonly string[]).includes(roleOf(actor));
}

/** Throws unless the actor may do the action; anonymous actors are told to sign in instead. */
export function authorize(actor: Actor, action: Action): void {
  if (can(actor, action)) return;
  throw new DomainError(actor.kind === "anonymous" ? "unauthenticated" : "forbidden", "common:error.forbiddenText");
}
