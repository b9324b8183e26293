import { DomainError } from "../app/errors";
import type { Ack, Refusal } from "../app/live/contract";
import { logError } from "../app/log.server";

/** A domain refusal as the client is told it; anything else is logged and told as a server error. */
export function refusalOf(error: unknown): Refusal {
  if (error instanceof DomainError) {
    return { code: error.code, messageKey: error.messageKey, values: error.values, fields: error.fields };
  }
  logError("socket command failed", error);
  return { code: "server", messageKey: "common:error.serverText" };
}

/** Runs each socket command, so a graceful shutdown can wait for those under way. */
export type CommandTracker = <T>(command: () => Promise<T>) => Promise<T>;

/**
 * Runs a socket event's command and answers with its outcome once it committed (or why it
 * refused). An event sent without an acknowledgement is ignored: its sender could not learn
 * whether it counted.
 */
export async function acknowledge<T>(
  ack: ((reply: Ack<T>) => void) | undefined,
  command: () => Promise<T>,
  track: CommandTracker = (run) => run(),
): Promise<void> {
  if (typeof ack !== "function") return;
  try {
    ack({ ok: true, data: await track(command) });
  } catch (error) {
    ack({ ok: false, error: refusalOf(error) });
  }
}
