import { describe, expect, it } from "vitest";
import { commentable, visibleToParticipants, votable } from "../../app/live/rules";
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
