import { describe, expect, it } from "vitest";
import { judgeIndicator, parseTarget, readFigure, readValue } from "../../app/catalogue/indicator-status";

// Figures checked by hand; the targets are the demo catalogue's own where it has one.
describe("reading targets", () => {
  it("reads one figure with a direction; a bare figure means at least", () => {
    expect(parseTarget("≥ 7")).toEqual({ direction: "atLeast", figure: 7 });
    expect(parseTarget("mind. 10")).toEqual({ direction: "atLeast", figure: 10 });
    expect(parseTarget("mindestens 7")).toEqual({ direction: "atLeast", figure: 7 });
    expect(parseTarget("100 %")).toEqual({ direction: "atLeast", figure: 100 });
    expect(parseTarget("543")).toEqual({ direction: "atLeast", figure: 543 });
    expect(parseTarget("mind. 5.000 pro Monat")).toEqual({ direction: "atLeast", figure: 5000 });
    expect(parseTarget("über 90%")).toEqual({ direction: "above", figure: 90 });
    expect(parseTarget("höchstens 2,5")).toEqual({ direction: "atMost", figure: 2.5 });
    expect(parseTarget("maximal 4")).toEqual({ direction: "atMost", figure: 4 });
    expect(parseTarget("< 3")).toEqual({ direction: "below", figure: 3 });
  });

  it("has no rule for several figures, words before the figure, or none", () => {
    for (const target of [
      "je 3",
      "jeweils 2",
      "mind. 20-50",
      "170 Integrationen, darunter 110 Frauen",
      "20 Organisationseinheiten, Zufriedenheit mind. 7; jeweils mind. 10 Expert*innen",
      "alle zwei Jahre",
      "",
      null,
    ]) {
      expect(parseTarget(target), String(target)).toBeNull();
    }
  });

  it("reads figures and values the way they are written", () => {
    expect(readFigure("5.000")).toBe(5000);
    expect(readFigure("7,4")).toBe(7.4);
    expect(readFigure("7.4")).toBe(7.4);
    expect(readFigure("1.000,5")).toBe(1000.5);
    expect(readValue("85 %")).toBe(85);
    expect(readValue("ca. 12 Teilnehmende")).toBe(12);
    expect(readValue("erledigt")).toBeNull();
    expect(readValue("3 von 5")).toBeNull();
  });
});

describe("judging an indicator", () => {
  const today = "2026-12-02";

  it("is not judged without a rule, whatever was recorded", () => {
    const j = judgeIndicator({ targetValue: "je 3", dueDate: null }, [{ recordedOn: "2026-01-01", value: "3" }], today);
    expect(j).toMatchObject({ status: "notJudged", met: false, latest: { figure: 3 } });
  });

  it("has no data without a value readable as a number", () => {
    expect(judgeIndicator({ targetValue: "≥ 7", dueDate: null }, [], today).status).toBe("noData");
    expect(judgeIndicator({ targetValue: "≥ 7", dueDate: null }, [{ recordedOn: "2026-01-01", value: "läuft" }], today).status).toBe("noData");
  });

  it("is on track and met once the latest value reaches the target", () => {
    // 540-3's poll: 6,8 in March, 7,4 in November; 7,4 ≥ 7.
    const j = judgeIndicator(
      { targetValue: "≥ 7", dueDate: null },
      [
        { recordedOn: "2026-11-20", value: "7,4" },
        { recordedOn: "2026-03-10", value: "6,8" },
      ],
      today,
    );
    expect(j).toEqual({ status: "onTrack", met: true, expected: 7, latest: { recordedOn: "2026-11-20", figure: 7.4 } });
  });

  it("judges by the latest value, not the best one", () => {
    const j = judgeIndicator(
      { targetValue: "≥ 7", dueDate: null },
      [
        { recordedOn: "2026-03-10", value: "7,2" },
        { recordedOn: "2026-11-20", value: "6,9" },
      ],
      today,
    );
    expect(j).toMatchObject({ status: "behind", met: false, latest: { figure: 6.9 } });
  });

  it("is behind once the due date has passed without the target", () => {
    // REGE-5: 45 by 31.12.2022; 40 recorded, judged in 2023.
    const j = judgeIndicator({ targetValue: "45", dueDate: "2022-12-31" }, [{ recordedOn: "2022-12-15", value: "40" }], "2023-01-01");
    expect(j.status).toBe("behind");
  });

  it("compares the latest value with the straight line from the first value to the target", () => {
    const indicator = { targetValue: "120", dueDate: "2027-12-31" };
    // Baseline 20 on 2026-01-01; the due date is 729 days later. On 2026-12-31 (364 days in)
    // the line stands at 20 + 100 × 364/729 = 69.93.
    const onLine = judgeIndicator(indicator, [
      { recordedOn: "2026-01-01", value: "20" },
      { recordedOn: "2026-12-31", value: "70" },
    ], today);
    expect(onLine).toMatchObject({ status: "onTrack", met: false, expected: 69.93 });
    const below = judgeIndicator(indicator, [
      { recordedOn: "2026-01-01", value: "20" },
      { recordedOn: "2026-12-31", value: "69" },
    ], today);
    expect(below).toMatchObject({ status: "behind", expected: 69.93 });
  });

  it("treats a single value before the due date as its own baseline", () => {
    const j = judgeIndicator({ targetValue: "mind. 80 %", dueDate: "2027-06-30" }, [{ recordedOn: "2026-06-30", value: "40 %" }], today);
    expect(j).toMatchObject({ status: "onTrack", met: false, expected: 40 });
  });

  it("follows the direction of a falling target", () => {
    // At most 5 by 2027-01-01, from 15 on 2026-01-01 (365 days): on 2026-07-02 (182 days) the line is 15 − 10 × 182/365 = 10.01.
    const indicator = { targetValue: "höchstens 5", dueDate: "2027-01-01" };
    const values = (latest: string) => [
      { recordedOn: "2026-01-01", value: "15" },
      { recordedOn: "2026-07-02", value: latest },
    ];
    expect(judgeIndicator(indicator, values("10"), today)).toMatchObject({ status: "onTrack", expected: 10.01 });
    expect(judgeIndicator(indicator, values("11"), today)).toMatchObject({ status: "behind", expected: 10.01 });
    expect(judgeIndicator(indicator, values("5"), today)).toMatchObject({ status: "onTrack", met: true });
  });
});
