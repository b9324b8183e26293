/** Who is acting: every domain function takes one, and authorises it against the permission table. */
/** `mediator`: a language mediator (Sprachmittler:in), who translates participants' input (decision 042). */
export type StaffRole = "admin" | "planner" | "moderator" | "mediator";

export type AnonymousActor = { kind: "anonymous" };
export type ParticipantActor = {
  kind: "participant";
  participantId: string;
  conferenceId: string;
  language: string;
};
export type StaffActor = {
  kind: "staff";
  userId: string;
  role: StaffRole;
  email: string;
  displayName: string;
};
export type Actor = AnonymousActor | ParticipantActor | StaffActor;

export const anonymous: AnonymousActor = { kind: "anonymous" };

/**
 * A browser may hold participant identities in several conferences (newest first). Acting in one
 * conference takes that conference's identity; elsewhere the actor is what the cookies said first.
 */
export function actorIn(found: { actor: Actor; identities: readonly ParticipantActor[] }, conferenceId: string | null | undefined): Actor {
  if (found.actor.kind === "staff" || !conferenceId) return found.actor;
  return found.identities.find((identity) => identity.conferenceId === conferenceId) ?? found.actor;
}

/** The role name the permission table is keyed by. */
export function roleOf(actor: Actor): "anonymous" | "participant" | StaffRole {
  return actor.kind === "staff" ? actor.role : actor.kind;
}

/** What the page header shows about the visitor; nothing that identifies a participant. */
export type Viewer =
  | { kind: "anonymous" | "participant" }
  | {
      kind: "staff";
      displayName: string;
      canManageUsers: boolean;
      canManageSite: boolean;
      canDecide: boolean;
      canManageConferences: boolean;
      canTranslate: boolean;
    };
