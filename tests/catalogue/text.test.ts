import { describe, expect, it } from "vitest";
import { parseText } from "../../app/catalogue/text";

describe("catalogue text", () => {
  it("splits paragraphs on blank lines and joins wrapped lines", () => {
    expect(parseText("Erster Absatz\nläuft weiter.\n\nZweiter Absatz.")).toEqual([
      { type: "paragraph", text: "Erster Absatz läuft weiter." },
      { type: "paragraph", text: "Zweiter Absatz." },
    ]);
  });

  it("reads '- ' lines as a list, nested by two spaces", () => {
    expect(parseText("Zu 1.\n- eins\n  - eins a\n- zwei")).toEqual([
      { type: "paragraph", text: "Zu 1." },
      {
        type: "list",
        items: [
          { text: "eins", children: [{ text: "eins a", children: [] }] },
          { text: "zwei", children: [] },
        ],
      },
    ]);
  });

  it("keeps markup as plain text", () => {
    expect(parseText("<script>alert(1)</script>")).toEqual([
      { type: "paragraph", text: "<script>alert(1)</script>" },
    ]);
  });
});
