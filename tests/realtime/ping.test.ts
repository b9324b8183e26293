import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ClientToServerEvents, ServerToClientEvents } from "../../realtime/events";
import { startTestServer, type TestServer } from "../support/server";

let server: TestServer;
let socket: Socket<ServerToClientEvents, ClientToServerEvents>;

beforeAll(async () => {
  server = await startTestServer({ demoData: false });
  socket = connect(server.url, { transports: ["websocket"] });
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", resolve);
    socket.once("connect_error", reject);
  });
});
afterAll(async () => {
  socket.disconnect();
  await server.close();
});

describe("socket.io on the app's own port", () => {
  it("acknowledges a ping with the server's time", async () => {
    const sentAt = Date.now();
    const reply = await socket.timeout(5_000).emitWithAck("ping", { sentAt });
    expect(reply.ok).toBe(true);
    if (reply.ok) {
      expect(reply.data.sentAt).toBe(sentAt);
      expect(reply.data.serverTime).toBeGreaterThanOrEqual(sentAt);
    }
  });

  it("refuses a malformed payload with a clear error", async () => {
    // What a client outside the contract may send: the wire is untyped.
    const wire: Socket = socket;
    const reply: unknown = await wire.timeout(5_000).emitWithAck("ping", { sentAt: "yesterday" });
    expect(reply).toEqual({
      ok: false,
      error: expect.objectContaining({ code: "invalid", messageKey: "common:validation.invalid", fields: { sentAt: "common:validation.invalidValue" } }),
    });
  });
});
