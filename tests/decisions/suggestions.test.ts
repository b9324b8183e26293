import { describe, expect, it } from "vitest";
import type { CataloguePlace, DecisionInput } from "../../app/decisions/input.server";
import { suggestions } from "../../app/decisions/suggestions";

const context = {
  id: "00000000-0000-4000-8000-000000000001",
  plan: { slug: "ziele", title: "Ziele", language: "de" },
  conference: { id: "00000000-0000-4000-8000-000000000002", title: "Zukunftskonferenz" },
  decisions: [],
};
const proposal = (measure: { code: string; title: string } | null, place: CataloguePlace = { sectionKey: "kinder", clusterKey: "bildung" }): DecisionInput => ({
  ...context,
  kind: "proposal",
  proposal: { kind: measure ? "change_measure" : "new_measure", title: "Sprachcafé", body: "Ein wöchentliches Sprachcafé.", language: "ar", authorGroup: null, measure, hidden: false },
  place,
});
const codes = { kinder: "510-6", wohnen: "540-5" };

describe("what the decide form suggests", () => {
  it("carries a new-measure proposal's title and text into the fields, with its item's section, theme and next free code", () => {
    expect(suggestions(proposal(null), codes)).toEqual({
      outcome: "acceptNew",
      "new.title": "Sprachcafé",
      "new.actions": "Ein wöchentliches Sprachcafé.",
      "new.sectionKey": "kinder",
      "new.clusterKey": "bildung",
      "new.code": "510-6",
    });
  });

  it("suggests no section or code where the proposal was not made on a measure of one", () => {
    expect(suggestions(proposal(null, { sectionKey: null, clusterKey: null }), codes)).toEqual({
      outcome: "acceptNew",
      "new.title": "Sprachcafé",
      "new.actions": "Ein wöchentliches Sprachcafé.",
    });
  });

  it("suggests changing the measure a change proposal names", () => {
    expect(suggestions(proposal({ code: "510-1", title: "Kita" }), codes)).toEqual({ outcome: "acceptChange", "change.code": "510-1", "merge.code": "510-1" });
  });

  it("carries a comment's text too, should it become a measure of its own", () => {
    const comment: DecisionInput = {
      ...context,
      kind: "comment",
      comment: { body: "Die Bildungskarte muss digital sein.", language: "de", supportCount: 3, authorGroup: null, hidden: false },
      about: { code: "540-2", title: "Quartiere" },
      place: { sectionKey: "wohnen", clusterKey: null },
    };
    expect(suggestions(comment, codes)).toEqual({
      "change.code": "540-2",
      "merge.code": "540-2",
      "new.actions": "Die Bildungskarte muss digital sein.",
      "new.sectionKey": "wohnen",
      "new.code": "540-5",
    });
  });
});
