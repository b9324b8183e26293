import { redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "../i18n/translate";
import { requireActor } from "../auth/actor.server";
import { importCatalogueFile, importLimit } from "../catalogue/import-file.server";
import { readTextForm } from "../files.server";
import { usePageForm } from "../components/page-form";
import { attempt, submissionOf } from "../forms.server";
import { titleFrom } from "../i18n/meta";
import feedbackStyles from "../styles/feedback.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: feedbackStyles }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireActor(request, context, "catalogue.edit");
  return { megabytes: Math.round(importLimit / 1_000_000) };
}

/** An uploaded file wins over pasted text; a refused file is a 400 (409 for a slug in use) with the reason. */
export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireActor(request, context, "catalogue.edit");
  // Nothing is sent back: a file cannot be refilled, and a pasted catalogue may be megabytes.
  const outcome = await attempt(submissionOf({}, "import"), async () => {
    const fields = await readTextForm(request, importLimit);
    const text = fields.file?.trim() ? fields.file : fields.text ?? "";
    return importCatalogueFile(context.db, actor, text);
  });
  if (!outcome.ok) return outcome.reply;
  return redirect(`/plans/${outcome.value.slug}`);
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => [{ title: titleFrom(matches, "catalogue:import.title") }];

export default function ImportPage() {
  const { megabytes } = useLoaderData<typeof loader>();
  const refused = usePageForm("import", { wholePage: true });
  const busy = useNavigation().state === "submitting";
  const { t } = useTranslation();
  const { error, errorId } = refused;
  return (
    <div className="page">
      <h1>{t("catalogue:import.title")}</h1>
      <div className="prose">
        <p>{t("catalogue:import.intro")}</p>
        <p>{t("catalogue:import.slugHint")}</p>
      </div>
      <Form
        method="post"
        encType="multipart/form-data"
        className="auth-form import-form"
        aria-describedby={error ? errorId : undefined}
      >
        {error && (
          <p id={errorId} className="form-error" role="alert">
            {t(error.messageKey, error.values)}
          </p>
        )}
        <div className="field">
          <label htmlFor="import-file">{t("catalogue:import.file")}</label>
          <input id="import-file" name="file" type="file" accept=".json,application/json" aria-describedby="import-file-hint" />
          <span id="import-file-hint" className="hint">
            {t("catalogue:import.fileHint", { megabytes })}
          </span>
        </div>
        <div className="field">
          <label htmlFor="import-text">{t("catalogue:import.text")}</label>
          {/* JSON reads left to right on an Arabic page too. */}
          <textarea id="import-text" name="text" rows={8} dir="ltr" spellCheck={false} />
        </div>
        <div className="actions">
          <button type="submit" className="button" disabled={busy}>
            {t("catalogue:import.submit")}
          </button>
        </div>
      </Form>
    </div>
  );
}
