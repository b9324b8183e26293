import { redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "../i18n/translate";
import type { Actor } from "../auth/actor";
import { requireActor } from "../auth/actor.server";
import { can } from "../auth/permissions";
import { getMeasure } from "../catalogue/catalogue.server";
import { measureDiff, measureHistory } from "../catalogue/history.server";
import { recordIndicatorValue, setMaturity } from "../catalogue/revisions.server";
import type { Db } from "../../db/client";
import { orRefuse } from "../errors";
import { attempt, readSubmission, submissionOf } from "../forms.server";
import { languageOf } from "../i18n/i18n.server";
import { titleFrom } from "../i18n/meta";
import { inLanguage } from "../i18n/parts";
import { revisionInputs } from "../decisions/revision-inputs.server";
import { CatalogueForms, type CatalogueIntent } from "../catalogue/ui/catalogue-forms";
import { DiffView, RevisionList } from "../catalogue/ui/history";
import planningStyles from "../styles/planning.css";
import { PlanBreadcrumb } from "../catalogue/ui/plan-breadcrumb";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: planningStyles }];

/** The measure's history; a malformed or unknown plan or code is a plain 404. */
function historyOf(db: Db, actor: Actor, planSlug: string, code: string) {
  return orRefuse(measureHistory(db, actor, { planSlug, code }), { invalid: 404 });
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context, "catalogue.read");
  const [planSlug, code] = [params.planId ?? "", params.code ?? ""];
  const history = await historyOf(context.db, actor, planSlug, code);
  const measure = await getMeasure(context.db, planSlug, code, await languageOf(request));
  if (!measure) throw new Response(null, { status: 404 });
  const numbers = history.revisions.map((r) => r.number);
  const url = new URL(request.url).searchParams;
  const chosen = (name: string, fallback: number | undefined) => {
    const n = Number(url.get(name));
    return numbers.includes(n) ? n : fallback;
  };
  // By default the latest change: the revision before the newest against the newest.
  const [from, to] = [chosen("from", numbers[1]), chosen("to", numbers[0])];
  const diff = from !== undefined && to !== undefined ? await measureDiff(context.db, actor, { planSlug, code, from, to }) : null;
  // The catalogue keeps the revisions, the decisions room which inputs led to each.
  const inputs = await revisionInputs(context.db, actor, history.revisions.map((r) => r.id));
  return {
    measure: {
      code: measure.code,
      title: measure.title,
      maturity: measure.maturity,
      indicators: measure.indicators,
      contentLanguage: measure.contentLanguage,
    },
    plan: measure.plan,
    revisions: history.revisions.map(({ id, ...r }) => ({ ...r, inputs: inputs.get(id) ?? [] })),
    versions: history.revisions.map(({ number, version }) => ({ number, version })),
    diff,
    canEdit: can(actor, "catalogue.edit"),
    done: url.get("done") === "maturity" || url.get("done") === "indicator" ? (url.get("done") as CatalogueIntent) : null,
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, context, "catalogue.edit");
  const [planSlug, code] = [params.planId ?? "", params.code ?? ""];
  const before = await historyOf(context.db, actor, planSlug, code);
  const posted = await readSubmission(request);
  const intent: CatalogueIntent = posted.intent === "indicator" ? "indicator" : "maturity";
  // The page's two forms are named by their intent.
  const submission = submissionOf(posted.fields, intent);
  const { intent: _intent, formId: _formId, ...fields } = posted.fields;
  const result = await attempt(submission, () =>
    intent === "maturity"
      ? setMaturity(context.db, actor, { ...fields, planSlug, code })
      : recordIndicatorValue(context.db, actor, { ...fields, planSlug, code })
  );
  if (!result.ok) return result.reply;
  // Post, redirect, get: the history opens on what this change did.
  const search = new URLSearchParams({
    from: String(before.revisions[0]?.number ?? result.value.revision.number),
    to: String(result.value.revision.number),
    done: intent,
  });
  return redirect(
    `/plans/${encodeURIComponent(planSlug)}/measures/${encodeURIComponent(result.value.measure.code)}/history?${search}#diff-title`
  );
}

export const meta: MetaFunction<typeof loader> = ({ data: page, matches }) => [
  { title: titleFrom(matches, "catalogue:history.metaTitle", { code: page?.measure.code ?? "", title: page?.measure.title ?? "" }) },
];

export default function MeasureHistoryPage() {
  const { measure, plan, revisions, versions, diff, canEdit, done } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const measurePath = `/plans/${plan.slug}/measures/${encodeURIComponent(measure.code)}`;
  return (
    <div className="page planning">
      <PlanBreadcrumb plan={plan}>
        <li>
          <Link to={measurePath} dir="ltr">
            {measure.code}
          </Link>
        </li>
        <li aria-current="page">{t("catalogue:history.title")}</li>
      </PlanBreadcrumb>
      <h1>
        {t("catalogue:history.title")}: <span dir="ltr">{measure.code}</span>{" "}
        <span {...inLanguage(measure.contentLanguage)}>{measure.title}</span>
      </h1>
      {done && (
        <p className="notice" role="status">
          {t(`catalogue:revise.saved.${done}`)}
        </p>
      )}

      <section aria-labelledby="diff-title">
        <h2 id="diff-title">{t("catalogue:history.diffHeading")}</h2>
        <p className="hint">{t("catalogue:history.versionsExplained")}</p>
        {versions.length < 2 ? (
          <p>{t("catalogue:history.onlyOne")}</p>
        ) : (
          <DiffView diff={diff} versions={versions} contentLanguage={plan.language} />
        )}
      </section>

      <section aria-labelledby="revisions-title">
        <h2 id="revisions-title">{t("catalogue:history.revisionsHeading")}</h2>
        <RevisionList revisions={revisions} contentLanguage={plan.language} />
      </section>

      {canEdit && (
        <section aria-labelledby="update-title">
          <h2 id="update-title">{t("catalogue:revise.heading")}</h2>
          <CatalogueForms
            maturity={measure.maturity}
            indicators={measure.indicators}
            contentLanguage={plan.language}
          />
        </section>
      )}
      <p>
        <Link to={measurePath}>{t("catalogue:history.backToMeasure")}</Link>
      </p>
    </div>
  );
}
