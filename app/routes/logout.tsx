import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { signOut } from "../auth/account.server";
import { actorFrom } from "../auth/actor.server";
import { clearCookieHeader, sessionCookieName } from "../auth/cookies.server";

/** Signing out is a POST (a link could be triggered by any page); a GET just goes home. */
export function loader() {
  return redirect("/");
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { actor, sessionId } = await actorFrom(request, context.db);
  if (actor.kind === "staff" && sessionId) await signOut(context.db, actor, { sessionId });
  return redirect("/", { headers: { "Set-Cookie": clearCookieHeader(request, sessionCookieName) } });
}
