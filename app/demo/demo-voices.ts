import type { participantGroups } from "../live/limits";

export type DemoVoice = {
  name: string | null;
  language: "de" | "en" | "ar";
  group: (typeof participantGroups)[number] | null;
  district: string | null;
};

/**
 * The demo's participants: a room as the city's documents describe it, with migrant
 * organisations, welfare organisations, young people and staff, in several languages and
 * Stadtbezirke; some stay anonymous, as many real participants do.
 */
export const demoVoices: DemoVoice[] = [
  { name: "Hannelore", language: "de", group: "citizen", district: "Mitte" },
  { name: null, language: "de", group: "citizen", district: "Sennestadt" },
  { name: "Leyla", language: "de", group: "migrant_organisation", district: "Brackwede" },
  { name: null, language: "de", group: "welfare_organisation", district: "Mitte" },
  { name: "Rania", language: "ar", group: "migrant_organisation", district: "Heepen" },
  { name: null, language: "ar", group: "citizen", district: "Brackwede" },
  { name: "Olena", language: "en", group: "citizen", district: "Schildesche" },
  { name: null, language: "de", group: "youth", district: "Stieghorst" },
  { name: "Jonas", language: "de", group: "youth", district: "Mitte" },
  { name: null, language: "de", group: "administration", district: null },
  { name: "Samir", language: "ar", group: "youth", district: "Sennestadt" },
  { name: null, language: "en", group: null, district: null },
];
