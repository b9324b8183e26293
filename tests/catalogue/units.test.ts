import { describe, expect, it } from "vitest";
import { unitLabel } from "../../app/catalogue/units";

describe("unitLabel", () => {
  it("names a unit by number and name", () => {
    expect(unitLabel({ code: "540", name: "Büro für Integrierte Sozialplanung und Prävention" })).toBe(
      "540 Büro für Integrierte Sozialplanung und Prävention",
    );
  });

  it("does not repeat a code that is already the start of the name", () => {
    expect(unitLabel({ code: "Jobcenter", name: "Jobcenter Arbeitplus Bielefeld" })).toBe(
      "Jobcenter Arbeitplus Bielefeld",
    );
    expect(unitLabel({ code: "REGE", name: "REGE" })).toBe("REGE");
  });
});
