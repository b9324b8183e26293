import type { AppLoadContext } from "@remix-run/node";
import type { LiveDeps } from "./events";

/** The live room's dependencies from a Remix context: the same ones the socket handlers get. */
export function liveDeps(context: AppLoadContext): LiveDeps {
  return { db: context.db, publish: context.realtime.publish, translator: context.realtime.translator };
}
