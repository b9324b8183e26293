/**
 * Where participants may say they live: a fixed list, never free text, because a typed
 * "district" can hold a street and a family name, and would reach public results
 * (docs/decisions/017-participant-data.md). Bielefeld's ten Stadtbezirke unless the
 * conference offers its own list.
 */
export const bielefeldDistricts = [
  "Mitte",
  "Schildesche",
  "Gadderbaum",
  "Brackwede",
  "Dornberg",
  "Jöllenbeck",
  "Heepen",
  "Stieghorst",
  "Sennestadt",
  "Senne",
] as const;

/** A conference's own list may not grow into a list of streets. */
export const maxDistricts = 40;
export const maxDistrictLength = 60;

export function districtsOf(conference: { districts: string[] | null }): string[] {
  return conference.districts && conference.districts.length > 0 ? conference.districts : [...bielefeldDistricts];
}

/** The conference form's textarea: one district a line, blanks and repeats dropped. */
export function districtLines(text: string): string[] {
  return [...new Set(text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean))];
}
