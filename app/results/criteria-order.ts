import { defaultCriteria } from "../live/limits";

/**
 * Criteria in the order the Integrationskonzept asks them (urgency, influence, impact,
 * feasibility), a moderator's own ones after them by name. The figures come sorted by key, which
 * for the four known ones is exactly backwards. Entries without a criterion (dots, the scale)
 * keep their place ahead of them.
 */
export function byCriterion<T>(list: readonly T[], criterionOf: (item: T) => string | null | undefined): T[] {
  const rank = (criterion: string) => {
    if (criterion === "") return -1;
    const known = (defaultCriteria as readonly string[]).indexOf(criterion);
    return known === -1 ? defaultCriteria.length : known;
  };
  return [...list].sort((a, b) => {
    const [x, y] = [criterionOf(a) ?? "", criterionOf(b) ?? ""];
    return rank(x) - rank(y) || (x < y ? -1 : x > y ? 1 : 0);
  });
}
