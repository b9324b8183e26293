import { redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireActor } from "../auth/actor.server";
import { confirmMeasureTranslation, reviewMeasureTranslation, saveMeasureTranslation } from "../catalogue/translate.server";
import { translationEditor } from "../catalogue/workbench.server";
import { TranslationForm } from "../catalogue/ui/translation-form";
import { orRefuse } from "../errors";
import { attempt, readSubmission } from "../forms.server";
import { titleFrom } from "../i18n/meta";
import { inLanguage } from "../i18n/parts";
import { useTranslation } from "../i18n/translate";
import planningStyles from "../styles/planning.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: planningStyles }];

const languageParam = (request: Request) => new URL(request.url).searchParams.get("language") ?? "";
const doneValues = ["saved", "confirmed", "reviewed"] as const;
type Done = (typeof doneValues)[number];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context, "catalogue.translate");
  const editor = await orRefuse(translationEditor(context.db, actor, params.planId ?? "", params.code ?? "", languageParam(request)), { invalid: 404 });
  const done = new URL(request.url).searchParams.get("done");
  return { editor, done: (doneValues as readonly string[]).includes(done ?? "") ? (done as Done) : null };
}

/** One form, three intents: save (as draft or reviewed), confirm that it still matches, review. */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, context, "catalogue.translate");
  const submission = await readSubmission(request, "translation");
  const input = { ...submission.fields, planSlug: params.planId ?? "", code: params.code ?? "", language: languageParam(request) };
  const run = {
    draft: () => saveMeasureTranslation(context.db, actor, { ...input, state: "draft" }),
    reviewed: () => saveMeasureTranslation(context.db, actor, { ...input, state: "reviewed" }),
    confirm: () => confirmMeasureTranslation(context.db, actor, input),
    review: () => reviewMeasureTranslation(context.db, actor, input),
  }[submission.intent] ?? (() => saveMeasureTranslation(context.db, actor, { ...input, state: "draft" }));
  const result = await attempt(submission, run);
  if (!result.ok) return result.reply;
  const done: Done = submission.intent === "confirm" ? "confirmed" : submission.intent === "review" ? "reviewed" : "saved";
  const { planSlug, code, language } = result.value;
  return redirect(`/plans/${encodeURIComponent(planSlug)}/translations/${encodeURIComponent(code)}?${new URLSearchParams({ language, done })}#status`);
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: titleFrom(matches, "catalogue:translations.editor.metaTitle", { code: data?.editor.code ?? "" }) },
];

export default function TranslationEditorPage() {
  const { editor, done } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const { plan } = editor;
  const bench = `/plans/${plan.slug}/translations?language=${editor.language}`;
  return (
    <div className="page planning">
      <nav aria-label={t("common:nav.breadcrumb")} className="breadcrumb">
        <ol>
          <li>
            <Link to={`/plans/${plan.slug}`} {...inLanguage(plan.language)}>
              {plan.title}
            </Link>
          </li>
          <li>
            <Link to={bench}>{t("catalogue:translations.heading")}</Link>
          </li>
          <li aria-current="page">{editor.code}</li>
        </ol>
      </nav>
      <TranslationForm editor={editor} done={done} />
      <p>
        <Link to={bench}>{t("catalogue:translations.editor.back")}</Link>
      </p>
    </div>
  );
}
