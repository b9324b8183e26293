import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireActor } from "../auth/actor.server";
import { orRefuse } from "../errors";
import { titleFrom } from "../i18n/meta";
import { joinLink, publicOrigin } from "../live/qr.server";
import { liveSessionIdParam } from "../live/params.server";
import { getLiveState } from "../live/state.server";
import { ProjectorView } from "../live/ui/projector-view";
import { WorkingGroupFigures } from "../live/ui/goal-measures";
import { goalMeasureFigures } from "../results/two-step.server";
import liveStyles from "../styles/live.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: liveStyles }];

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context, "liveSession.present");
  const liveSessionId = liveSessionIdParam(params);
  const state = await orRefuse(getLiveState(context.db, actor, liveSessionId));
  const code = state.liveSession.joinCode;
  return {
    state,
    figures: await goalMeasureFigures(context.db, state.liveSession, state.conference.id),
    offeredLanguages: state.conference.languages,
    join: code ? await joinLink(publicOrigin(request, context), code) : null,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: titleFrom(matches, "live:present.metaTitle", { title: data?.state.liveSession.title ?? "" }) },
];

export default function PresentPage() {
  const { state, join, figures } = useLoaderData<typeof loader>();
  return (
    <WorkingGroupFigures.Provider value={figures}>
      <ProjectorView initial={state} join={join} />
    </WorkingGroupFigures.Provider>
  );
}
