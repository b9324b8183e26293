import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "../i18n/translate";
import { requireActor } from "../auth/actor.server";
import { listPlans } from "../catalogue/catalogue.server";
import { titleFrom } from "../i18n/meta";
import { authorGroups } from "../decisions/input.server";
import { PlanInbox } from "../decisions/ui/inbox-list";
import { inbox } from "../decisions/inbox.server";
import planningStyles from "../styles/planning.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: planningStyles }];

// Unpublished input of participants: never kept by a shared cache.
export const headers = () => ({ "Cache-Control": "no-store" });

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context, "decision.write");
  const plans = await listPlans(context.db);
  const inboxes = await Promise.all(
    plans.map(async ({ slug, title, language }) => ({
      plan: { slug, title, language },
      inbox: await inbox(context.db, actor, { planSlug: slug }),
    }))
  );
  const open = inboxes.filter(({ inbox: i }) => i.proposals.length + i.results.length + i.comments.length > 0);
  const groups = await authorGroups(
    context.db,
    open.flatMap(({ inbox: i }) => i.proposals.map((p) => p.id))
  );
  return { plans: open, groups };
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => [{ title: titleFrom(matches, "decisions:inbox.title") }];

export default function InboxPage() {
  const { plans, groups } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="page planning">
      <h1>{t("decisions:inbox.title")}</h1>
      <p className="prose">{t("decisions:inbox.intro")}</p>
      {plans.length === 0 ? (
        <p className="notice">{t("decisions:inbox.empty")}</p>
      ) : (
        plans.map(({ plan, inbox: open }) => <PlanInbox key={plan.slug} plan={plan} inbox={open} groups={groups} />)
      )}
    </div>
  );
}
