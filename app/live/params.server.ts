import { uuid } from "./schemas";

/**
 * The live session named in the URL, or a plain 404 for anything that is not an id. A server
 * module, so that route files do not pull the validator into the phones' bundle.
 */
export function liveSessionIdParam(params: { liveSessionId?: string }): string {
  const parsed = uuid.safeParse(params.liveSessionId);
  if (!parsed.success) throw new Response(null, { status: 404 });
  return parsed.data;
}
