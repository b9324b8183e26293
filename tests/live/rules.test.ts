import { describe, expect, it } from "vitest";
import {
  commentable,
  proposable,
  rankable,
  rankingOptions,
  resultAudience,
  resultsRevealed,
  supportable,
  visibleToParticipants,
  votable,
  votingNotice,
  votingOpen,
} from "../../app/live/rules";
import { countedVotes, type AnswerRow } from "../../app/live/latest-answer";
import type { AgendaItemView } from "../../app/live/views";
import { tallyMyVotes } from "../../app/live/my-votes.server";
import { participantCommands } from "../../app/live/ui/participant-commands";

const item = { id: "a", phase: "discuss", votingState: "closed", commentsOpen: true, resultsVisible: false, activities: { comments: true } } as const;
const live = { status: "live", currentAgendaItemId: "a" } as const;

describe("what participants may do with an item", () => {
  it("comment only on the current item of a running session, with comments offered and open", () => {
    expect(commentable(live, item)).toBe(true);
    expect(commentable({ ...live, currentAgendaItemId: "b" }, item)).toBe(false);
    expect(commentable({ ...live, status: "closed" }, item)).toBe(false);
    expect(commentable(live, { ...item, commentsOpen: false })).toBe(false);
    expect(commentable(live, { ...item, activities: { comments: false } })).toBe(false);
  });

  it("vote while the item is prioritised with voting open", () => {
    expect(votable(live, { phase: "prioritise", votingState: "open" })).toBe(true);
    expect(votable(live, { phase: "prioritise", votingState: "hidden" })).toBe(false);
    expect(votable({ status: "closed" }, { phase: "prioritise", votingState: "open" })).toBe(false);
  });

  it("see the current item and revealed results only", () => {
    expect(visibleToParticipants(item, "a")).toBe(true);
    expect(visibleToParticipants(item, "b")).toBe(false);
    expect(visibleToParticipants({ ...item, resultsVisible: true }, "b")).toBe(true);
  });

  it("get an item's result once it is revealed; the moderators get it before", () => {
    expect(resultsRevealed(item)).toBe(false);
    expect(resultAudience(item)).toBe("moderators");
    expect(resultsRevealed({ resultsVisible: true })).toBe(true);
    expect(resultAudience({ resultsVisible: true })).toBe("all");
  });

  it("see voting open on the item itself whatever the session, and vote only while it runs", () => {
    const open = { phase: "prioritise", votingState: "open" } as const;
    expect(votingOpen(open)).toBe(true);
    expect(votingOpen({ ...open, phase: "results" })).toBe(false);
    expect(votable({ status: "draft" }, open)).toBe(false);
  });

  it("are told why there is no voting control: later while discussed, closed otherwise, nothing when hidden or open", () => {
    expect(votingNotice(live, { phase: "discuss", votingState: "closed" })).toBe("later");
    expect(votingNotice(live, { phase: "prioritise", votingState: "closed" })).toBe("closed");
    expect(votingNotice(live, { phase: "results", votingState: "closed" })).toBe("closed");
    expect(votingNotice({ status: "closed" }, { phase: "prioritise", votingState: "open" })).toBe("closed");
    expect(votingNotice(live, { phase: "prioritise", votingState: "open" })).toBeNull();
    expect(votingNotice(live, { phase: "discuss", votingState: "hidden" })).toBeNull();
  });

  it("propose while the session runs, on any item or none", () => {
    expect(proposable({ status: "live" })).toBe(true);
    expect(proposable({ status: "draft" })).toBe(false);
    expect(proposable({ status: "closed" })).toBe(false);
  });

  it("support a comment everybody sees, while the session runs", () => {
    const comment = { hidden: null, mergedIntoId: null, awaitingApproval: false };
    expect(supportable(live, comment)).toBe(true);
    expect(supportable({ status: "closed" }, comment)).toBe(false);
    expect(supportable(live, { ...comment, awaitingApproval: true })).toBe(false);
    expect(supportable(live, { ...comment, hidden: { reason: "" } })).toBe(false);
    expect(supportable(live, { ...comment, mergedIntoId: "c" })).toBe(false);
  });

  it("offers ranking only on items that hold measures to rank, and ranks the item's own list before a theme's", () => {
    const kinds: AgendaItemView["kind"][] = ["measure", "cluster", "question", "ranking"];
    expect(kinds.filter(rankable)).toEqual(["cluster", "ranking"]);
    const own = [{ code: "540-2", title: "A", translations: [] }, { code: "510-2", title: "B", translations: [] }];
    const theme = { key: "wohnen", title: "Wohnen", budgetCents: null, maturity: null, measures: [{ code: "520-1", title: "C", translations: [] }] };
    expect(rankingOptions({ rankedMeasures: own, cluster: null })).toEqual(own);
    expect(rankingOptions({ rankedMeasures: null, cluster: theme })).toEqual(theme.measures);
    expect(rankingOptions({ rankedMeasures: null, cluster: null })).toEqual([]);
  });
});

describe("the latest answer counts", () => {
  const at = (second: number) => new Date(Date.UTC(2026, 11, 2, 15, 0, second));
  const row = (participantId: string | null, kind: AnswerRow["kind"], criterion: string | null, value: number, second: number) => ({
    agendaItemId: "i",
    participantId,
    kind,
    criterion,
    value,
    createdAt: at(second),
  });

  it("keeps each participant's newest answer per question, every dot vote and every paper entry", () => {
    const newestFirst = [
      row("p", "rating", "urgency", 5, 9),
      row("p", "scale", null, 7, 8),
      row("q", "rating", "urgency", 1, 7),
      row("p", "rating", "urgency", 2, 6),
      row("p", "rating", "impact", 4, 5),
      row("p", "dots", null, -1, 4),
      row("p", "dots", null, 2, 3),
      row(null, "scale", null, 3, 2),
      row(null, "scale", null, 6, 1),
      row("p", "scale", null, 1, 0),
    ];
    expect(countedVotes(newestFirst).map((r) => [r.participantId, r.kind, r.criterion, r.value])).toEqual([
      ["p", "rating", "urgency", 5],
      ["p", "scale", null, 7],
      ["q", "rating", "urgency", 1],
      ["p", "rating", "impact", 4],
      ["p", "dots", null, -1],
      ["p", "dots", null, 2],
      [null, "scale", null, 3],
      [null, "scale", null, 6],
    ]);
  });

  it("keeps a participant's newest ranking ballot whole, told apart to the microsecond when read as text", () => {
    const ballot = (createdAt: string, order: string[]) =>
      order.map((code, i) => ({ agendaItemId: "i", participantId: "p", kind: "ranking" as const, criterion: code, value: i + 1, createdAt }));
    const newestFirst = [...ballot("2026-12-02 15:00:00.000002+00", ["B", "A"]), ...ballot("2026-12-02 15:00:00.000001+00", ["A", "B", "C"])];
    expect(countedVotes(newestFirst).map((r) => r.criterion)).toEqual(["B", "A"]);
  });

  it("is what a participant sees as their own votes", () => {
    const mine = tallyMyVotes([
      row("p", "ranking", "B", 1, 9),
      row("p", "ranking", "A", 2, 9),
      row("p", "ranking", "A", 1, 8),
      row("p", "scale", null, 7, 7),
      row("p", "scale", null, 2, 6),
      row("p", "dots", null, 2, 5),
      row("p", "dots", null, 1, 4),
    ]);
    expect(mine).toEqual({ dotsSpent: 3, dotsByItem: { i: 3 }, ratings: {}, scale: { i: 7 }, ranking: { i: ["B", "A"] } });
  });
});

describe("the rating form", () => {
  it("is one command carrying every answer", () => {
    const fields = { intent: "rating", clientId: "abcdefgh12", agendaItemId: "i", "rating.urgency": "4", "rating.impact": "2" };
    expect(participantCommands(fields, "s")).toEqual([
      {
        event: "vote:cast",
        payload: { kind: "rating", clientId: "abcdefgh12", agendaItemId: "i", ratings: [{ criterion: "urgency", value: 4 }, { criterion: "impact", value: 2 }] },
      },
    ]);
  });
});

describe("the proposal form", () => {
  it("is one command of the kind chosen, and an unknown kind is refused as the schema would", () => {
    const fields = { intent: "proposal", agendaItemId: "", kind: "new_measure", title: "Sprachcafé", body: "Deutsch üben" };
    expect(participantCommands(fields, "s")).toMatchObject([{ event: "proposal:submit", payload: { kind: "new_measure", liveSessionId: "s", agendaItemId: null } }]);
    expect(() => participantCommands({ ...fields, kind: "delete_measure" }, "s")).toThrow(
      expect.objectContaining({ code: "invalid", messageKey: "common:validation.invalid", fields: { kind: "common:validation.invalidValue" } }),
    );
  });
});
