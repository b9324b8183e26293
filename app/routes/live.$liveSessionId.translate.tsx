import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireActor } from "../auth/actor.server";
import { orRefuse } from "../errors";
import { accepted, attempt, readSubmission } from "../forms.server";
import { titleFrom } from "../i18n/meta";
import { liveDeps } from "../live/deps.server";
import { liveSessionIdParam } from "../live/params.server";
import { getLiveState } from "../live/state.server";
import { authorizeLiveSession } from "../live/steering.server";
import { translateInput } from "../live/translations.server";
import { MediatorConsole } from "../live/ui/mediator-console";
import moderateStyles from "../styles/moderate.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: moderateStyles }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context, "translation.write");
  const liveSessionId = liveSessionIdParam(params);
  return { state: await orRefuse(getLiveState(context.db, actor, liveSessionId)) };
}

/** One translation, in place: the socket event brings it to every screen, this page's too. */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, context, "translation.write");
  const liveSessionId = liveSessionIdParam(params);
  // Strangers to the conference's team get its answer, whatever they send; the command asks again.
  await orRefuse(authorizeLiveSession(context.db, actor, "translation.write", liveSessionId));
  const submission = await readSubmission(request);
  if (submission.intent !== "translate") throw new Response(null, { status: 400 });
  const result = await attempt(submission, () => translateInput(liveDeps(context), actor, { ...submission.fields, liveSessionId }));
  return result.ok ? accepted(submission, null) : result.reply;
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: titleFrom(matches, "conferences:mediation.metaTitle", { title: data?.state.liveSession.title ?? "" }) },
];

export default function TranslatePage() {
  const { state } = useLoaderData<typeof loader>();
  return <MediatorConsole initial={state} />;
}
