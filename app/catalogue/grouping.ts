import type { Catalogue, CatalogueMeasure } from "./catalogue.server";

export type MeasureSubgroup = {
  key: string;
  kind: "cluster" | "goal" | "none";
  title: string | null;
  goalNumber: number | null;
  measures: CatalogueMeasure[];
};
export type MeasureGroup = {
  key: string;
  kind: "section" | "cluster" | "none";
  /** Section path from the top target group down, or the cluster title. */
  titles: string[];
  subgroups: MeasureSubgroup[];
};

type Shape = Pick<Catalogue, "sections" | "clusters" | "goals" | "measures">;

function sectionPath(sections: Shape["sections"], key: string): string[] {
  const byKey = new Map(sections.map((s) => [s.key, s]));
  const path: string[] = [];
  for (let s = byKey.get(key); s; s = s.parentKey ? byKey.get(s.parentKey) : undefined) {
    path.unshift(s.title);
  }
  return path;
}

function subgroupBy(
  measures: CatalogueMeasure[],
  pick: (m: CatalogueMeasure) => string | null,
  describe: (key: string) => Omit<MeasureSubgroup, "key" | "measures">,
): MeasureSubgroup[] {
  const groups = new Map<string, MeasureSubgroup>();
  for (const m of measures) {
    const key = pick(m) ?? "";
    let group = groups.get(key);
    if (!group) {
      group = { key, ...(key ? describe(key) : { kind: "none", title: null, goalNumber: null }), measures: [] };
      groups.set(key, group);
    }
    group.measures.push(m);
  }
  return [...groups.values()];
}

/**
 * Groups the catalogue as the city's documents do: by target group (section) and focus theme
 * where the plan has sections, otherwise by focus theme and goal. Groups keep source order.
 */
export function groupMeasures(catalogue: Shape): MeasureGroup[] {
  const clusters = new Map(catalogue.clusters.map((c) => [c.key, c]));
  const goals = new Map(catalogue.goals.map((g) => [g.key, g]));
  const byCluster = (m: CatalogueMeasure) => m.clusterKey;
  const describeCluster = (key: string) => ({
    kind: "cluster" as const,
    title: clusters.get(key)?.title ?? key,
    goalNumber: null,
  });
  const describeGoal = (key: string) => ({
    kind: "goal" as const,
    title: goals.get(key)?.title ?? key,
    goalNumber: goals.get(key)?.number ?? null,
  });

  const useSections = catalogue.sections.length > 0;
  const order = useSections
    ? catalogue.sections.map((s) => s.key)
    : catalogue.clusters.map((c) => c.key);
  const buckets = new Map<string, CatalogueMeasure[]>(order.map((key) => [key, []]));
  const unassigned: CatalogueMeasure[] = [];
  for (const m of catalogue.measures) {
    const key = useSections ? m.sectionKey : m.clusterKey;
    const bucket = key ? buckets.get(key) : undefined;
    (bucket ?? unassigned).push(m);
  }

  const groups: MeasureGroup[] = [];
  for (const [key, measures] of buckets) {
    if (measures.length === 0) continue;
    groups.push(
      useSections
        ? {
            key,
            kind: "section",
            titles: sectionPath(catalogue.sections, key),
            subgroups: subgroupBy(measures, byCluster, describeCluster),
          }
        : {
            key,
            kind: "cluster",
            titles: [clusters.get(key)?.title ?? key],
            subgroups: subgroupBy(measures, (m) => m.goalKey, describeGoal),
          },
    );
  }
  if (unassigned.length > 0) {
    groups.push({
      key: "",
      kind: "none",
      titles: [],
      subgroups: subgroupBy(unassigned, byCluster, describeCluster),
    });
  }
  return groups;
}
