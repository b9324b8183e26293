/**
 * The limits of a conference's texts that forms show as well as the schemas enforce; free of zod,
 * so pages that only show a conference do not download the validator.
 */
export const conferenceTitleMax = 200;
/** What the conference is about: a paragraph or two for its pages and the join page. */
export const conferenceDescriptionMax = 2000;
/** How many goals a two-step prioritisation may name first (decision 051); the Integrationskonzept names 16. */
export const goalsNamedFirstMax = 100;
export const goalsNamedFirstDefault = 16;
