import { describe, expect, it } from "vitest";
import type { CatalogueMeasure } from "../../app/catalogue/catalogue.server";
import { groupMeasures } from "../../app/catalogue/grouping";

const measure = (code: string, over: Partial<CatalogueMeasure>): CatalogueMeasure => ({
  code,
  title: code,
  titleLanguage: "de",
  summary: null,
  note: "none",
  maturity: null,
  sectionKey: null,
  clusterKey: null,
  goalKey: null,
  unit: null,
  ...over,
});

describe("grouping the catalogue", () => {
  it("groups by section path, then by focus theme, in source order", () => {
    const groups = groupMeasures({
      sections: [
        { key: "arbeit", title: "Arbeitssuchende Menschen", parentKey: null },
        { key: "jugend", title: "Zielgruppe Jugendliche", parentKey: "arbeit" },
        { key: "wohnen", title: "Wohnen", parentKey: null },
      ],
      clusters: [
        { key: "a", title: "Thema A", description: null, budgetCents: null, maturity: null },
        { key: "b", title: "Thema B", description: null, budgetCents: null, maturity: null },
      ],
      goals: [],
      measures: [
        measure("W-1", { sectionKey: "wohnen", clusterKey: "b" }),
        measure("J-1", { sectionKey: "jugend", clusterKey: "a" }),
        measure("J-2", { sectionKey: "jugend", clusterKey: "b" }),
        measure("X-1", {}),
      ],
    });
    expect(groups.map((g) => g.titles)).toEqual([
      ["Arbeitssuchende Menschen", "Zielgruppe Jugendliche"],
      ["Wohnen"],
      [],
    ]);
    expect(groups[0]!.subgroups.map((s) => [s.title, s.measures.map((m) => m.code)])).toEqual([
      ["Thema A", ["J-1"]],
      ["Thema B", ["J-2"]],
    ]);
    expect(groups[2]!.kind).toBe("none");
  });

  it("groups by focus theme and goal when the plan has no sections", () => {
    const groups = groupMeasures({
      sections: [],
      clusters: [{ key: "schule", title: "Schule", description: null, budgetCents: null, maturity: null }],
      goals: [{ key: "ziel-4", number: 4, title: "Integrationsverantwortung", clusterKey: "schule" }],
      measures: [measure("IK-4.1", { clusterKey: "schule", goalKey: "ziel-4" })],
    });
    expect(groups).toHaveLength(1);
    expect(groups[0]!.subgroups[0]).toMatchObject({ kind: "goal", goalNumber: 4, title: "Integrationsverantwortung" });
  });
});
