import { describe, expect, it } from "vitest";
import { csvFormatOf, csvTime, toCsv } from "../../app/csv";
import { byCriterion } from "../../app/results/criteria-order";
import type { ClusterStanding } from "../../app/results/plan.server";
import { withResults } from "../../app/results/ui/standings";

describe("how results are shown", () => {
  it("lists criteria in the order the Integrationskonzept asks them, a moderator's own after them", () => {
    const sorted = ["feasibility", "impact", "influence", "urgency", "Kosten", "Akzeptanz"].map((criterion) => ({ criterion }));
    expect(byCriterion(sorted, (r) => r.criterion).map((r) => r.criterion)).toEqual(["urgency", "influence", "impact", "feasibility", "Akzeptanz", "Kosten"]);
    // Figures without a criterion (dots, the scale) stay ahead, in their own order.
    const breakdowns = [{ c: "impact" }, { c: null }, { c: "urgency" }, { c: undefined }];
    expect(byCriterion(breakdowns, (b) => b.c)).toEqual([{ c: null }, { c: undefined }, { c: "urgency" }, { c: "impact" }]);
  });

  it("shows a focus theme only once something happened on it", () => {
    const theme = (over: Partial<ClusterStanding>): ClusterStanding => ({
      rank: 1,
      cluster: { id: "c", key: "k", title: "T" },
      measures: 3,
      agendaItems: 0,
      comments: 0,
      dots: { total: 0, share: 0 },
      scale: null,
      ...over,
    });
    expect(withResults(theme({}))).toBe(false);
    expect([theme({ agendaItems: 1 }), theme({ comments: 2 }), theme({ dots: { total: 1, share: 1 } })].every(withResults)).toBe(true);
  });
});

describe("CSV for the reader's spreadsheet", () => {
  it("uses semicolons and decimal commas where Excel's regional settings expect them", () => {
    expect(["de", "de-x-ls", "tr", "kmr", "uk", "ru", "pl"].map((l) => csvFormatOf(l).separator)).toEqual(Array(7).fill(";"));
    expect(["en", "ar", "fa"].map((l) => csvFormatOf(l).separator)).toEqual([",", ",", ","]);
    expect(toCsv(["a", "b"], [[6.46, "x;y"], [-2, "=1"]], csvFormatOf("de"))).toBe('\uFEFFa;b\r\n6,46;"x;y"\r\n-2;\'=1\r\n');
    expect(toCsv(["a", "b"], [[6.46, "x,y"]], csvFormatOf("en"))).toBe('\uFEFFa,b\r\n6.46,"x,y"\r\n');
  });

  it("writes instants as Bielefeld's clocks showed them", () => {
    expect(csvTime("2026-07-01T22:30:00Z", csvFormatOf("de"))).toBe("02.07.2026 00:30");
    expect(csvTime("2026-01-15T08:00:00Z", csvFormatOf("en"))).toBe("2026-01-15 09:00");
  });
});
