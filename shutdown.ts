import type { Server } from "node:http";
import type { RequestHandler } from "express";

/**
 * Graceful shutdown on SIGTERM (docs/decisions/019): the health check turns 503 so the load
 * balancer sends nobody new, the port closes, page requests and socket commands under way
 * finish (they are acknowledged only after commit), and only then are the sockets closed, so
 * phones reconnect to another process instead of losing an answer.
 */
export type Drain = {
  /** Express middleware: counts page requests in flight. */
  requests: RequestHandler;
  /** Runs a socket command so that shutdown waits for it. */
  track<T>(command: () => Promise<T>): Promise<T>;
  draining(): boolean;
  /** Stops accepting, waits for what is in flight (at most `graceMs`), then closes the sockets. */
  shutDown(httpServer: Server, closeSockets: () => Promise<void>, graceMs?: number): Promise<void>;
};

export function createDrain(): Drain {
  let draining = false;
  let inFlight = 0;
  let idle: (() => void) | null = null;
  const finished = () => {
    inFlight -= 1;
    if (inFlight === 0) idle?.();
  };
  return {
    requests(_req, res, next) {
      inFlight += 1;
      res.once("close", finished);
      next();
    },
    async track(command) {
      inFlight += 1;
      try {
        return await command();
      } finally {
        finished();
      }
    },
    draining: () => draining,
    async shutDown(httpServer, closeSockets, graceMs = 10_000) {
      draining = true;
      httpServer.close();
      httpServer.closeIdleConnections();
      if (inFlight > 0) {
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([
          new Promise<void>((resolve) => (idle = resolve)),
          new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs))),
        ]);
        clearTimeout(timer);
      }
      await closeSockets();
      httpServer.closeAllConnections();
    },
  };
}
