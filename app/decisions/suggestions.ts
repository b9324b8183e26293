import type { DecisionInput } from "./input.server";

/**
 * What the decide form suggests, so a planner edits the participant's words instead of typing
 * them again: the outcome a proposal asks for; for a new measure its title, its text as the
 * measure's actions, the section and focus theme of the item it was made on, and the next free
 * code of that section (`codes`, by section key, from nextFreeCodes).
 */
export function suggestions(input: DecisionInput, codes: Record<string, string>): Record<string, string> {
  if (input.kind === "result") return { "change.code": input.measure.code, "merge.code": input.measure.code };
  const { sectionKey, clusterKey } = input.place;
  const place: Record<string, string> = {};
  if (sectionKey) place["new.sectionKey"] = sectionKey;
  if (clusterKey) place["new.clusterKey"] = clusterKey;
  if (sectionKey && codes[sectionKey]) place["new.code"] = codes[sectionKey];
  if (input.kind === "proposal") {
    const { measure, title, body } = input.proposal;
    return measure
      ? { outcome: "acceptChange", "change.code": measure.code, "merge.code": measure.code }
      : { outcome: "acceptNew", "new.title": title, "new.actions": body, ...place };
  }
  const about: Record<string, string> = "code" in input.about ? { "change.code": input.about.code, "merge.code": input.about.code } : {};
  return { ...about, "new.actions": input.comment.body, ...place };
}
