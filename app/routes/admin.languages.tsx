import { type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "../i18n/translate";
import { requireStaff } from "../auth/actor.server";
import { languages } from "../i18n/config";
import { LanguageName } from "../i18n/language-name";
import { isReviewed, resources } from "../i18n/resources.server";
import { titleFrom } from "../i18n/meta";

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireStaff(request, context, "site.manage");
  return {
    languages: languages.map((code) => ({
      code,
      state: Object.keys(resources[code].common).length === 0 ? "missing" : isReviewed(code) ? "reviewed" : "awaitingReview",
    })),
  };
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => [{ title: titleFrom(matches, "common:languages.title") }];

/** Which languages still await a native speaker's review (`common:meta.reviewed`). */
export default function AdminLanguages() {
  const { languages: rows } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="page auth-page auth-page--wide">
      <h1 id="languages-title">{t("common:languages.title")}</h1>
      <p>{t("common:languages.intro")}</p>
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling region must be reachable by keyboard */}
      <div className="table-scroll" role="region" aria-labelledby="languages-title" tabIndex={0}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("common:languages.language")}</th>
              <th scope="col">{t("common:languages.code")}</th>
              <th scope="col">{t("common:languages.state")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ code, state }) => (
              <tr key={code}>
                <th scope="row">
                  <LanguageName code={code} />
                </th>
                <td>
                  <code>{code}</code>
                </td>
                <td>{t(`common:languages.${state}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
