import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StaffActor } from "../../app/auth/actor";
import { closeLiveSession } from "../../app/results/close.server";
import { setJoinPanel } from "../../app/live/screen.server";
import { setTimer } from "../../app/live/timer.server";
import { openDemoWorld, type TestDatabase } from "../support/database";
import { joinAs, recordingDeps, refusal, startedSession } from "../support/fixtures";

let database: TestDatabase;
let moderator: StaffActor;

beforeAll(async () => ({ database, moderator } = await openDemoWorld()));
afterAll(() => database.close());

describe("the room's timer", () => {
  it("tells every screen how many seconds are left, and that it stopped", async () => {
    const deps = recordingDeps(database.db);
    const { liveSessionId } = await startedSession(deps, moderator);
    deps.events.length = 0;
    expect(await setTimer(deps, moderator, { liveSessionId, minutes: 3 })).toEqual({ secondsLeft: 180 });
    await setTimer(deps, moderator, { liveSessionId, minutes: 0 });
    expect(deps.events).toEqual([
      { type: "liveSession.timer", liveSessionId, audience: "all", secondsLeft: 180 },
      { type: "liveSession.timer", liveSessionId, audience: "all", secondsLeft: null },
    ]);
  });

  it("refuses a participant, a duration off 0–120 minutes and a closed session, and sends nothing then", async () => {
    const deps = recordingDeps(database.db);
    const { liveSessionId, joinCode } = await startedSession(deps, moderator);
    const participant = await joinAs(deps, joinCode);
    deps.events.length = 0;
    expect(await refusal(setTimer(deps, participant, { liveSessionId, minutes: 3 }), "code")).toBe("forbidden");
    expect(await refusal(setTimer(deps, moderator, { liveSessionId, minutes: 121 }))).toBe("invalid conferences:timer.invalid");
    expect(await refusal(setTimer(deps, moderator, { liveSessionId, minutes: 1.5 }))).toBe("invalid conferences:timer.invalid");
    await closeLiveSession(deps, moderator, { liveSessionId });
    deps.events.length = 0;
    expect(await refusal(setTimer(deps, moderator, { liveSessionId, minutes: 3 }))).toBe("conflict live:error.sessionClosed");
    expect(deps.events).toEqual([]);
  });
});

describe("the projectors' join panel from the console", () => {
  it("tells every screen to show or hide it, and refuses a participant, bad input and a closed session", async () => {
    const deps = recordingDeps(database.db);
    const { liveSessionId, joinCode } = await startedSession(deps, moderator);
    const participant = await joinAs(deps, joinCode);
    deps.events.length = 0;
    expect(await setJoinPanel(deps, moderator, { liveSessionId, shown: false })).toEqual({ shown: false });
    expect(deps.events).toEqual([{ type: "liveSession.joinPanel", liveSessionId, audience: "all", shown: false }]);
    deps.events.length = 0;
    expect(await refusal(setJoinPanel(deps, participant, { liveSessionId, shown: true }), "code")).toBe("forbidden");
    expect(await refusal(setJoinPanel(deps, moderator, { liveSessionId, shown: "no" }), "code")).toBe("invalid");
    await closeLiveSession(deps, moderator, { liveSessionId });
    deps.events.length = 0;
    expect(await refusal(setJoinPanel(deps, moderator, { liveSessionId, shown: true }))).toBe("conflict live:error.sessionClosed");
    expect(deps.events).toEqual([]);
  });
});
