/** Kinds of conference, shared by the server's schema and the forms that offer them. */
export const conferenceKinds = ["future_conference", "workshop", "district_talk"] as const;

/**
 * How a conference is set up: a free agenda the moderator builds, or the two-step prioritisation
 * template (decision 051). The create form names one; each create command accepts only its own.
 */
export const conferenceMethods = ["free", "two_step"] as const;
export type ConferenceMethod = (typeof conferenceMethods)[number];

/** A conference made by the two-step template is the one that names goals first (decision 051). */
export function isTwoStep<C extends { goalsNamedFirst: number | null }>(conference: C): conference is C & { goalsNamedFirst: number } {
  return conference.goalsNamedFirst !== null;
}
