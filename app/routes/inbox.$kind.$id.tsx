import { randomUUID } from "node:crypto";
import { redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "../i18n/translate";
import type { Actor } from "../auth/actor";
import { requireActor } from "../auth/actor.server";
import { getCatalogue } from "../catalogue/catalogue.server";
import type { Db } from "../../db/client";
import { orRefuse } from "../errors";
import { attempt, readSubmission } from "../forms.server";
import { titleFrom } from "../i18n/meta";
import { decideInputFromForm, formFieldsOf } from "../decisions/decide-form.server";
import { outcomesFor } from "../decisions/outcomes";
import { decisionInput, type DecisionInput } from "../decisions/input.server";
import { DecideForm } from "../decisions/ui/decide-form";
import { DecisionSummary } from "../decisions/ui/decision-summary";
import { InputSummary } from "../decisions/ui/input-summary";
import { decide } from "../decisions/decide.server";
import { suggestions } from "../decisions/suggestions";
import { nextFreeCodes } from "../catalogue/codes";
import { inbox } from "../decisions/inbox.server";
import { publicOrigin } from "../live/qr.server";
import planningStyles from "../styles/planning.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: planningStyles }];

export const headers = () => ({ "Cache-Control": "no-store" });

/** The input named by the URL; a malformed or unknown one is a plain 404. */
function load(db: Db, actor: Actor, params: { kind?: string; id?: string }): Promise<DecisionInput> {
  return orRefuse(decisionInput(db, actor, { kind: params.kind, id: params.id }), { invalid: 404 });
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context, "decision.write");
  const input = await load(context.db, actor, params);
  const standing = input.decisions[0];
  const open = !standing || standing.outcome === "deferred";
  const [catalogue, openInputs] = open
    ? await Promise.all([getCatalogue(context.db, input.plan.slug), inbox(context.db, actor, { planSlug: input.plan.slug })])
    : [null, null];
  const codes = catalogue ? nextFreeCodes(catalogue.measures) : {};
  return {
    input,
    open,
    done: new URL(request.url).searchParams.has("done"),
    suggested: suggestions(input, codes),
    // The form's idempotency key: sent twice (a double click, a resend after a timeout), it decides once.
    clientId: randomUUID().replace(/-/g, ""),
    options: catalogue && {
      clusters: catalogue.clusters.map(({ key, title }) => ({ key, title })),
      sections: catalogue.sections.map(({ key, title }) => ({ key, title, nextCode: codes[key] ?? null })),
      units: catalogue.units,
      measures: catalogue.measures.map(({ code, title }) => ({ code, title })),
      proposals: (openInputs?.proposals ?? []).filter((p) => p.id !== input.id).map(({ id, title, language }) => ({ id, title, language })),
    },
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, context, "decision.write");
  const input = await load(context.db, actor, params);
  const submission = await readSubmission(request, "decide");
  const form = submission.fields;
  const decision = decideInputFromForm(input.kind, input.id, form, input.plan.language);
  const result = await attempt(
    submission,
    () => decide(context.db, actor, decision, { mailOrigin: publicOrigin(request, context) }),
    (error) => ({ ...error, fields: formFieldsOf(error, form, input.plan.language) }),
  );
  if (result.ok) {
    // The mails the decision queued go out now that it committed (and later, should the SMTP server refuse).
    context.mail?.kick();
    // Post, redirect, get: a reload shows the decision instead of sending it again.
    return redirect(`/inbox/${input.kind}/${input.id}?done`);
  }
  return result.reply;
}

export const meta: MetaFunction<typeof loader> = ({ data: page, matches }) => [
  { title: titleFrom(matches, `decisions:decide.metaTitle.${page?.input.kind ?? "proposal"}`) },
];

export default function DecidePage() {
  const { input, open, done, suggested, options, clientId } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const [standing, ...earlier] = input.decisions;
  return (
    <div className="page planning">
      <nav aria-label={t("common:nav.breadcrumb")} className="breadcrumb">
        <ol>
          <li>
            <Link to="/inbox">{t("decisions:inbox.title")}</Link>
          </li>
          <li aria-current="page">{t(`decisions:input.heading.${input.kind}`)}</li>
        </ol>
      </nav>
      <h1>{t("decisions:decide.title")}</h1>
      {done && standing && (
        <p className="notice" role="status">
          {t("decisions:decide.saved")}
        </p>
      )}
      <InputSummary input={input} />

      {standing && (
        <section aria-labelledby="decision-title" className="decision-section">
          <h2 id="decision-title">{t("decisions:decision.heading")}</h2>
          <DecisionSummary decision={standing} plan={input.plan} />
          {earlier.map((d) => (
            <DecisionSummary key={d.id} decision={d} plan={input.plan} />
          ))}
        </section>
      )}

      {open && options && (
        <section aria-labelledby="decide-title" className="decide-section">
          <h2 id="decide-title">{standing ? t("decisions:decide.again") : t("decisions:decide.heading")}</h2>
          <DecideForm
            offered={outcomesFor(input.kind)}
            options={options}
            planLanguage={input.plan.language}
            suggested={suggested}
            clientId={clientId}
          />
        </section>
      )}
      <p>
        <Link to="/inbox">{t("decisions:decide.backToInbox")}</Link>
      </p>
    </div>
  );
}
