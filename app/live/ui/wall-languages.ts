import type { LiveState } from "../state.server";

/**
 * The languages of the projector's wall: the room's main language (the conference's first) and
 * the second one the moderator picked, if any (decision 042).
 */
export function wallLanguagesOf(state: Pick<LiveState, "conference" | "liveSession">): string[] {
  const main = state.conference.languages[0] ?? "de";
  const second = state.liveSession.wallLanguage;
  return second && second !== main ? [main, second] : [main];
}
