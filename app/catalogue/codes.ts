/**
 * Measure codes name the responsible unit and count up within it ("540-2", "Jobcenter-8",
 * "IK-1.4"). A section's measures mostly share one such stem, so the next code a planner would
 * write there is that stem with the next number no measure of the plan uses yet.
 */
const numbered = /^(.*?)(\d+)$/;

function split(code: string): { stem: string; number: number } | null {
  const match = numbered.exec(code);
  return match ? { stem: match[1]!, number: Number(match[2]) } : null;
}

/**
 * The next free code for a new measure among `sectionCodes` (the section's measures, in catalogue
 * order), unique among `planCodes` regardless of case; null where the section has no numbered
 * code to follow. The stem most codes of the section share wins; a tie goes to the later one.
 */
export function nextFreeCode(sectionCodes: readonly string[], planCodes: readonly string[]): string | null {
  const stems = new Map<string, { count: number; last: number }>();
  sectionCodes.forEach((code, index) => {
    const parts = split(code);
    if (!parts) return;
    const seen = stems.get(parts.stem.toLowerCase());
    stems.set(parts.stem.toLowerCase(), { count: (seen?.count ?? 0) + 1, last: index });
  });
  const best = [...stems.entries()].sort(([, a], [, b]) => b.count - a.count || b.last - a.last)[0];
  if (!best) return null;
  // The stem as the section writes it (the last of its codes), so "Jobcenter-" keeps its capital.
  const stem = split(sectionCodes[best[1].last]!)!.stem;
  const taken = new Set(planCodes.map((c) => c.toLowerCase()));
  const highest = Math.max(...planCodes.map(split).filter((p) => p !== null && p.stem.toLowerCase() === best[0]).map((p) => p!.number));
  let next = highest + 1;
  while (taken.has(`${stem}${next}`.toLowerCase())) next++;
  return `${stem}${next}`;
}

/** The next free code of every section that has measures to follow, by section key. */
export function nextFreeCodes(measures: readonly { code: string; sectionKey: string | null }[]): Record<string, string> {
  const planCodes = measures.map((m) => m.code);
  const sections = new Map<string, string[]>();
  for (const m of measures) if (m.sectionKey) sections.set(m.sectionKey, [...(sections.get(m.sectionKey) ?? []), m.code]);
  return Object.fromEntries(
    [...sections].flatMap(([key, codes]) => {
      const next = nextFreeCode(codes, planCodes);
      return next ? [[key, next]] : [];
    }),
  );
}
