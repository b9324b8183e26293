/**
 * The limits and choices of live-session input that pages show as well as the schemas enforce.
 * Kept free of zod so that the participants' phones do not download the validator.
 */

/** The Integrationskonzept's four criteria; moderators may edit them per item. */
export const defaultCriteria = ["urgency", "influence", "impact", "feasibility"] as const;

export const participantGroups = [
  "citizen",
  "migrant_organisation",
  "welfare_organisation",
  "administration",
  "youth",
] as const;

/** An open question or a ranking item's question, as the room reads it on the projector. */
export const questionMax = 300;
/** A note under an item's heading: a hint for the room, short enough for a phone's first screen. */
export const noteMax = 500;
/** A criterion's name a moderator types, and each of its translations. */
export const criterionMax = 60;
export const commentBodyMax = 1000;
export const proposalTitleMax = 200;
export const proposalBodyMax = 2000;
/** How many measures one ranking ballot may order (a ranking item puts up at most as many). */
export const rankingMeasuresMax = 30;
