import { randomUUID } from "node:crypto";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueParticipantToken, participantToken } from "../../app/auth/participants.server";
import { setPhase, updateItemSettings } from "../../app/live/steer.server";
import { openDatabase } from "../../db/client";
import { participants } from "../../db/schema";
import { startServer, type RunningServer } from "../../server";
import { createStaff, recordingDeps, startedSession } from "../support/fixtures";
import { startTestServer, type TestServer } from "../support/server";
import { postgresTestUrl } from "../support/urls";

/** Two app processes on one PostgreSQL: events cross through the socket.io PostgreSQL adapter. */
describe.skipIf(!postgresTestUrl())("scale-out across processes", () => {
  let first: TestServer;
  let second: RunningServer;
  let closeSecondDb: () => Promise<void>;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    first = await startTestServer();
    const database = await openDatabase({ url: first.database.url! });
    closeSecondDb = database.close;
    second = await startServer({ port: 0, database, demoData: false });
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await second.close();
    await closeSecondDb();
    await first.close();
  });

  async function participantSocket(url: string, conferenceId: string) {
    const id = randomUUID();
    const { secret, secretHash } = issueParticipantToken();
    await first.database.db.insert(participants).values({ id, conferenceId, secretHash, language: "de" });
    const socket = connect(url, {
      transports: ["websocket"],
      extraHeaders: { cookie: `mitplan_participant=${participantToken(id, secret)}` },
    });
    sockets.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once("connect", () => resolve());
      socket.once("connect_error", reject);
    });
    return socket;
  }

  it("delivers a vote taken by one process to a screen connected to the other", async () => {
    const deps = recordingDeps(first.database.db);
    const moderator = await createStaff(first.database.db, "moderator");
    const session = await startedSession(deps, moderator);
    const item = session.itemIds[0]!;
    await setPhase(deps, moderator, { agendaItemId: item, phase: "prioritise" });
    await updateItemSettings(deps, moderator, { agendaItemId: item, resultsVisible: true });

    const watcher = await participantSocket(first.url, session.conferenceId);
    const voter = await participantSocket(second.url, session.conferenceId);
    for (const socket of [watcher, voter]) {
      const reply = await socket.emitWithAck("liveSession:watch", { liveSessionId: session.liveSessionId });
      expect(reply.ok).toBe(true);
    }
    const seen = new Promise<number>((resolve) =>
      watcher.on("result.updated", (event: { result: { dots: { total: number } } }) => {
        if (event.result.dots.total === 1) resolve(event.result.dots.total);
      }),
    );
    const ack = await voter.emitWithAck("vote:cast", { kind: "dots", clientId: randomUUID(), agendaItemId: item, value: 1 });
    expect(ack.ok).toBe(true);
    expect(await seen).toBe(1);
  });
});
