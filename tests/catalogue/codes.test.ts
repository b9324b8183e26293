import { describe, expect, it } from "vitest";
import { nextFreeCode, nextFreeCodes } from "../../app/catalogue/codes";
import { readDemoPlan } from "../../app/demo/demo-data.server";

describe("the next free code of a section", () => {
  it("follows the stem most of the section's codes share, counting on from the highest in the whole plan", () => {
    const plan = ["510-1", "510-2", "510-3", "510-5", "170-5", "510-4", "REGE-1"];
    expect(nextFreeCode(["510-2", "510-3", "510-5", "170-5", "REGE-1", "REGE-2"], plan)).toBe("510-6");
    expect(nextFreeCode(["Jobcenter-1", "Jobcenter-2", "Jobcenter-8"], ["Jobcenter-1", "Jobcenter-2", "Jobcenter-8", "Jobcenter-9"])).toBe("Jobcenter-10");
  });

  it("gives a tie to the stem the section used last, and keeps how the section writes it", () => {
    expect(nextFreeCode(["REGE-7", "540-1"], ["REGE-7", "540-1", "540-4"])).toBe("540-5");
    expect(nextFreeCode(["ik-1.1", "IK-1.2"], ["ik-1.1", "IK-1.2", "IK-1.3"])).toBe("IK-1.4");
  });

  it("never suggests a code that is taken in any spelling, and nothing where no code ends in a number", () => {
    expect(nextFreeCode(["A-1"], ["A-1", "a-2"])).toBe("A-3");
    expect(nextFreeCode(["Leitbild"], ["Leitbild"])).toBeNull();
    expect(nextFreeCode([], ["A-1"])).toBeNull();
  });

  it("suggests a free code for every section of the city's catalogue", () => {
    const demo = readDemoPlan("ziele-und-massnahmen-2022-2023.json") as { measures: { code: string; sectionKey: string | null }[] };
    const codes = nextFreeCodes(demo.measures);
    expect(codes).toMatchObject({ kinder: "510-6", jugendliche: "Jobcenter-9", "aeltere-menschen": "500-11", wohnen: "500-11", "eltern-und-familien": "540-5" });
    const taken = new Set(demo.measures.map((m) => m.code.toLowerCase()));
    expect(Object.values(codes).every((code) => !taken.has(code.toLowerCase()))).toBe(true);
  });
});
