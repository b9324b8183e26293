import type { Server as HttpServer, IncomingMessage } from "node:http";
import { Server } from "socket.io";
import { hasForeignOrigin, settleForwardedHost } from "../app/auth/origin";
import type { Db } from "../db/client";
import { authenticateSocket, guardEvents, staffSessionLives } from "./auth";
import { attachPostgresAdapter } from "./adapter";
import { parseInput } from "../app/errors";
import { acknowledge, type CommandTracker } from "./ack";
import { registerLiveHandlers } from "./live-handlers";
import { createPublisher } from "./publisher";
import { pingSchema, type RealtimeServer } from "./events";
import { machineTranslationsSettled } from "../app/live/machine-translations.server";
import type { Translator } from "../app/translation/translator";

/** What the domain sees of the socket layer: a way to publish a committed change. */
export type Realtime = {
  io: RealtimeServer;
  /** Sends a committed change to the screens that may see it. */
  publish: ReturnType<typeof createPublisher>;
  /** The machine translator the environment chose, or null: the commands use it after their commit. */
  translator: Translator | null;
  /** Whether events of the other processes arrive (always, on a single process). */
  adapterListening(): boolean;
  close(): Promise<void>;
};

/**
 * How often the staff sockets of this process are checked against their login sessions, so that
 * a moderator who signed out (on any process) stops receiving the moderators' events even
 * without sending a command.
 */
const staffCheckMs = 15_000;

export async function createRealtime(
  httpServer: HttpServer,
  {
    db,
    postgresUrl,
    fromTrustedProxy,
    track = (command) => command(),
    translator = null,
  }: {
    db: Db;
    postgresUrl?: string;
    fromTrustedProxy: (request: IncomingMessage) => boolean;
    /** Runs each socket command, so a graceful shutdown can wait for those under way. */
    track?: CommandTracker;
    translator?: Translator | null;
  },
): Promise<Realtime> {
  const io: RealtimeServer = new Server(httpServer, {
    serveClient: false,
    // Phones on weak connections: tolerate slow pongs before declaring a socket dead.
    pingTimeout: 30_000,
    // Cross-site WebSocket hijacking: a page of another site may not open a socket with our cookies.
    // The handshake bypasses Express, so it settles the forwarded host the same way the pages do.
    allowRequest: (request, callback) => {
      settleForwardedHost(request.headers, fromTrustedProxy(request));
      callback(null, !hasForeignOrigin(request.headers));
    },
  });

  const adapter = postgresUrl ? await attachPostgresAdapter(io, postgresUrl) : null;
  io.use(authenticateSocket(db));

  const publish = createPublisher(io, db);

  io.on("connection", (socket) => {
    guardEvents(socket, db);
    registerLiveHandlers(socket, { db, publish, translator }, track);
    socket.on("ping", (payload, ack) =>
      acknowledge(ack, async () => ({ sentAt: parseInput(pingSchema, payload).sentAt, serverTime: Date.now() })),
    );
  });

  const staffCheck = setInterval(() => {
    for (const socket of io.of("/").sockets.values()) {
      staffSessionLives(db, socket).then(
        (lives) => lives || socket.disconnect(true),
        (error: unknown) => console.error("staff session check failed", error),
      );
    }
  }, staffCheckMs);
  // The check must never keep a test or a shutting-down process alive.
  staffCheck.unref();

  return {
    io,
    publish,
    translator,
    adapterListening: () => adapter?.listening() ?? true,
    close: async () => {
      clearInterval(staffCheck);
      // Translations still under way are stored and announced before the sockets close.
      await machineTranslationsSettled();
      await publish.flush();
      await new Promise<void>((resolve) => void io.close(() => resolve()));
      await adapter?.detach();
    },
  };
}
