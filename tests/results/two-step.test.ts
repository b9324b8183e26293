/**
 * The combined ranking of the two-step prioritisation as a pure rule (app/results/two-step.ts),
 * on figures checked by hand in the comments.
 */
import { describe, expect, it } from "vitest";
import { combinedRanking, scoreOf, workingGroupFiguresOf, type CatalogueGoal, type GoalRating, type WorkingGroup } from "../../app/results/two-step";

const rated = (urgency: number | null, influence: number | null, impact: number | null, feasibility: number | null, raters: number): GoalRating => ({
  criteria: [
    { criterion: "urgency", mean: urgency },
    { criterion: "influence", mean: influence },
    { criterion: "impact", mean: impact },
    { criterion: "feasibility", mean: feasibility },
  ],
  raters,
});

const goal = (n: number, codes: string[] = []): CatalogueGoal => ({
  key: `ziel-${n}`,
  number: n,
  title: `Ziel ${n}`,
  clusterTitle: "Schule",
  measures: codes.map((code) => ({ code, title: `Maßnahme ${code}` })),
});

const goals = [goal(1, ["M-1", "M-2", "M-9"]), goal(2), goal(3), goal(4), goal(5)];
const ratings = new Map<string, GoalRating>([
  // (4 + 3 + 5 + 2) / 4 = 3.5
  ["ziel-1", rated(4, 3, 5, 2, 4)],
  // (5 + 4 + 4 + 3) / 4 = 4
  ["ziel-2", rated(5, 4, 4, 3, 3)],
  // impact unanswered: (3 + 4 + 3.5) / 3 = 3.5, tied with ziel-1
  ["ziel-3", rated(3, 4, null, 3.5, 2)],
  // ziel-4 has no rating at all; ziel-5 an item nobody answered
  ["ziel-5", rated(null, null, null, null, 0)],
]);

const summary = (limit: number) => {
  const ranking = combinedRanking(goals, ratings, {}, limit);
  return { namedFirst: ranking.namedFirst, goals: ranking.goals.map((g) => [g.key, g.rank, g.score, g.namedFirst]) };
};

describe("the score of a goal", () => {
  it("is the mean of its criterion means, each criterion weighing the same, unanswered ones left out", () => {
    expect(scoreOf(rated(4, 3, 5, 2, 4).criteria)).toBe(3.5);
    expect(scoreOf(rated(3, 4, null, 3.5, 2).criteria)).toBe(3.5);
    // (3.33 + 3.33 + 3.34) / 3 = 3.3333… → 3.33, as shown
    expect(scoreOf([{ criterion: "urgency", mean: 3.33 }, { criterion: "impact", mean: 3.33 }, { criterion: "feasibility", mean: 3.34 }])).toBe(3.33);
    expect(scoreOf(rated(null, null, null, null, 0).criteria)).toBeNull();
    expect(scoreOf([])).toBeNull();
  });
});

describe("the goals ranked by the steering group", () => {
  it("share a rank when tied, list the unrated after in catalogue order, and name all goals tied across the limit", () => {
    expect(summary(2)).toEqual({
      namedFirst: { limit: 2, count: 3, tieAtRank: 2 },
      goals: [
        ["ziel-2", 1, 4, true],
        ["ziel-1", 2, 3.5, true],
        ["ziel-3", 2, 3.5, true],
        ["ziel-4", null, null, false],
        ["ziel-5", null, null, false],
      ],
    });
  });

  it("names exactly the limit when no tie straddles it", () => {
    expect(summary(1).namedFirst).toEqual({ limit: 1, count: 1, tieAtRank: null });
    expect(summary(1).goals.map((g) => g[3])).toEqual([true, false, false, false, false]);
    expect(summary(3).namedFirst).toEqual({ limit: 3, count: 3, tieAtRank: null });
  });

  it("names only the rated goals when fewer were rated than the limit", () => {
    expect(summary(16).namedFirst).toEqual({ limit: 16, count: 3, tieAtRank: null });
    expect(summary(16).goals.filter((g) => g[3]).map((g) => g[0])).toEqual(["ziel-2", "ziel-1", "ziel-3"]);
  });

  it("shows each criterion's mean in the Integrationskonzept's order, and the raters", () => {
    const ranking = combinedRanking(goals, ratings, {}, 2);
    expect(ranking.criteria).toEqual(["urgency", "influence", "impact", "feasibility"]);
    const third = ranking.goals[2]!;
    expect(third.criteria).toEqual([
      { criterion: "urgency", mean: 3 },
      { criterion: "influence", mean: 4 },
      { criterion: "impact", mean: null },
      { criterion: "feasibility", mean: 3.5 },
    ]);
    expect(third.raters).toBe(2);
    expect(ranking.goals[3]!.criteria.every((c) => c.mean === null)).toBe(true);
    expect(ranking.goals[3]!.raters).toBe(0);
  });
});

describe("the measures' results in their working groups", () => {
  const criteria = (...means: number[]) => means.map((mean, i) => ({ criterion: ["urgency", "impact"][i]!, mean }));
  const groups: WorkingGroup[] = [
    {
      liveSessionId: "a",
      title: "Teilprojektgruppe Schule",
      field: "Schule",
      withheld: false,
      measures: [
        // rating means: M-1 (4 + 3) / 2 = 3.5, M-2 4.5, M-3 none, M-4 (4.5 + 2.5) / 2 = 3.5
        { code: "M-1", dots: 10, criteria: criteria(4, 3), voters: 6, frozen: true },
        { code: "M-2", dots: 10, criteria: criteria(5, 4), voters: 7, frozen: true },
        { code: "M-3", dots: 4, criteria: [], voters: 2, frozen: true },
        { code: "M-4", dots: 10, criteria: criteria(4.5, 2.5), voters: 5, frozen: true },
      ],
    },
    {
      liveSessionId: "b",
      title: "Teilprojektgruppe Ausbildung",
      field: "Ausbildung",
      withheld: false,
      measures: [
        { code: "M-5", dots: null, criteria: criteria(2), voters: 1, frozen: false },
        { code: "M-6", dots: null, criteria: criteria(3), voters: 1, frozen: false },
        // Also on the first group's agenda: the first group's figure stands.
        { code: "M-1", dots: 0, criteria: [], voters: 0, frozen: false },
      ],
    },
    {
      liveSessionId: "c",
      title: "Teilprojektgruppe Arbeitsmarkt",
      field: "Arbeitsmarkt",
      withheld: true,
      measures: [{ code: "M-7", dots: null, criteria: [], voters: 0, frozen: false }],
    },
  ];
  const figures = workingGroupFiguresOf(groups);

  it("rank by dots, then rating mean, ties sharing a rank", () => {
    const rank = (code: string) => [figures[code]!.rank, figures[code]!.of];
    // M-2 (10, 4.5) 1; M-1 and M-4 (10, 3.5) 2; M-3 (4) 4
    expect(["M-1", "M-2", "M-3", "M-4"].map(rank)).toEqual([[2, 4], [1, 4], [4, 4], [2, 4]]);
    // Without dots the rating decides: M-6 (3) 1, M-5 (2) 2, M-1's 0 dots and no rating 3
    expect(["M-5", "M-6"].map(rank)).toEqual([[2, 3], [1, 3]]);
  });

  it("keep a measure's first working group's figure and say whether it is frozen or counted now", () => {
    expect(figures["M-1"]).toEqual({
      workingGroup: { liveSessionId: "a", title: "Teilprojektgruppe Schule", field: "Schule" },
      dots: 10,
      ratingMean: 3.5,
      voters: 6,
      rank: 2,
      of: 4,
      state: "frozen",
    });
    expect(figures["M-3"]!.ratingMean).toBeNull();
    expect(figures["M-5"]).toMatchObject({ dots: null, ratingMean: 2, state: "counted" });
  });

  it("name a withheld working group without its figures", () => {
    expect(figures["M-7"]).toEqual({
      workingGroup: { liveSessionId: "c", title: "Teilprojektgruppe Arbeitsmarkt", field: "Arbeitsmarkt" },
      state: "withheld",
      dots: null,
      ratingMean: null,
      voters: null,
      rank: null,
      of: 1,
    });
  });

  it("stand under each goal's catalogue measures in catalogue order, a measure on no agenda without one", () => {
    const first = combinedRanking(goals, ratings, figures, 2).goals.find((g) => g.key === "ziel-1")!;
    expect(first.measures.map((m) => [m.code, m.figure?.rank ?? null, m.figure?.workingGroup.field ?? null])).toEqual([
      ["M-1", 2, "Schule"],
      ["M-2", 1, "Schule"],
      ["M-9", null, null],
    ]);
  });
});
