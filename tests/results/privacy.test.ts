import { describe, expect, it } from "vitest";
import { consensus } from "../../app/results/consensus";
import { minGroupSize, suppressSmallCells } from "../../app/results/privacy";

const cell = (key: string | null, participants: number) => ({ key, participants, figures: { value: participants * 10 } });
const shown = (cells: ReturnType<typeof suppressSmallCells<{ value: number }>>) => cells.map((c) => (c.suppressed ? "-" : `${c.key}:${c.participants}`));

describe("minimum group size", () => {
  it("shows every cell when all are large enough", () => {
    expect(shown(suppressSmallCells([cell("a", 5), cell("b", 9)], 5))).toEqual(["a:5", "b:9"]);
  });

  it("suppresses a second cell when only one is small, so the total cannot give it away", () => {
    // a (1) alone would be total − b − c; c is the smallest of the rest.
    expect(shown(suppressSmallCells([cell("a", 1), cell("b", 9), cell("c", 6)], 5))).toEqual(["b:9", "-"]);
  });

  it("keeps suppressing until the suppressed cells hold the minimum together", () => {
    // a + b = 3 people: their sum would still single them out, so c (4) goes too: 7 ≥ 5.
    expect(shown(suppressSmallCells([cell("a", 1), cell("b", 2), cell("c", 4), cell("d", 20)], 5))).toEqual(["d:20", "-"]);
    // Two small cells that together reach the minimum are enough.
    expect(shown(suppressSmallCells([cell("a", 2), cell("b", 3), cell("c", 8)], 5))).toEqual(["c:8", "-"]);
  });

  it("suppresses the whole split when the rest is one group", () => {
    expect(shown(suppressSmallCells([cell("a", 1), cell(null, 30)], 5))).toEqual(["-"]);
  });

  it("folds the suppressed cells into one row without a label, size or figures", () => {
    // A district typed as "Hauptstr. 5, Familie Yilmaz" must not show even as a row name.
    const address = "Hauptstr. 5, Familie Yilmaz";
    const cells = suppressSmallCells([cell(address, 1), cell("b", 4), cell("c", 9)], 5);
    expect(cells).toEqual([{ key: "c", suppressed: false, participants: 9, value: 90 }, { suppressed: true }]);
    expect(JSON.stringify(cells)).not.toContain(address);
  });

  it("is 5 unless MIN_GROUP_SIZE says otherwise, and never below 2", () => {
    expect(minGroupSize({})).toBe(5);
    expect(minGroupSize({ MIN_GROUP_SIZE: "10" })).toBe(10);
    expect(minGroupSize({ MIN_GROUP_SIZE: "1" })).toBe(5);
    expect(minGroupSize({ MIN_GROUP_SIZE: "viele" })).toBe(5);
  });
});

describe("consensus", () => {
  it("is 1 when everybody agrees and 0 for two equal camps at the ends", () => {
    expect(consensus({ 4: 7 }, 1, 5)).toEqual({ value: 1, level: "agreement" });
    expect(consensus({ 1: 3, 10: 3 }, 1, 10)).toEqual({ value: 0, level: "divided" });
  });

  it("reads the spread against the scale's range", () => {
    // 3 4 5 on 1–5: σ = √(2/3) = 0.82, 1 − 0.82/2 = 0.59. The same answers on 1–10: 1 − 0.82/4.5 = 0.82.
    expect(consensus({ 3: 1, 4: 1, 5: 1 }, 1, 5)).toEqual({ value: 0.59, level: "mixed" });
    expect(consensus({ 3: 1, 4: 1, 5: 1 }, 1, 10)).toEqual({ value: 0.82, level: "agreement" });
  });

  it("says nothing about fewer than two answers", () => {
    expect(consensus({}, 1, 5)).toBeNull();
    expect(consensus({ 2: 1 }, 1, 5)).toBeNull();
  });
});
