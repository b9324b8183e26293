/**
 * How a responsible unit is named on the page: its number and name ("540 Büro für Integrierte
 * Sozialplanung und Prävention"), or the name alone when the code is already part of it
 * ("Jobcenter Arbeitplus Bielefeld", not "Jobcenter Jobcenter Arbeitplus Bielefeld").
 */
export function unitLabel(unit: { code: string; name: string }): string {
  return unit.name.toLowerCase().startsWith(unit.code.toLowerCase()) ? unit.name : `${unit.code} ${unit.name}`;
}
