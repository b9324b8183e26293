/** Kinds of conference, shared by the server's schema and the forms that offer them. */
export const conferenceKinds = ["future_conference", "workshop", "district_talk"] as const;

/**
 * How a conference is set up: a free agenda the moderator builds, or the two-step prioritisation
 * template (decision 051). The create form names one; each create command accepts only its own.
 */
export const conferenceMethods = ["free", "two_step"] as const;
export type ConferenceMethod = (typeof conferenceMethods)[number];
