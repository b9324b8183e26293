import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "../i18n/translate";
import { retentionMonths } from "../auth/participant-data.server";
import { titleFrom } from "../i18n/meta";
import { minGroupSize } from "../results/privacy";

/** Public: what is stored about participants and for how long, with the periods in force. */
export async function loader({ context }: LoaderFunctionArgs) {
  return { months: await retentionMonths(context.db), minimum: minGroupSize() };
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => [{ title: titleFrom(matches, "feedback:privacy.metaTitle") }];

export default function PrivacyPage() {
  const { months, minimum } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="page prose">
      <h1>{t("feedback:privacy.title")}</h1>
      <section aria-labelledby="privacy-stored">
        <h2 id="privacy-stored">{t("feedback:privacy.storedHeading")}</h2>
        <ul>
          <li>{t("feedback:privacy.token")}</li>
          <li>{t("feedback:privacy.profile")}</li>
          <li>{t("feedback:privacy.input")}</li>
          <li>{t("feedback:privacy.returnLink")}</li>
          <li>{t("feedback:privacy.email")}</li>
          <li>{t("feedback:privacy.addresses")}</li>
        </ul>
      </section>
      <section aria-labelledby="privacy-shown">
        <h2 id="privacy-shown">{t("feedback:privacy.shownHeading")}</h2>
        <p>{t("feedback:privacy.shown", { minimum })}</p>
      </section>
      <section aria-labelledby="privacy-how-long">
        <h2 id="privacy-how-long">{t("feedback:privacy.howLongHeading")}</h2>
        <ul>
          <li>{t("feedback:privacy.cookie")}</li>
          <li>{t("feedback:privacy.retention", { count: months })}</li>
        </ul>
      </section>
      <section aria-labelledby="privacy-rights">
        <h2 id="privacy-rights">{t("feedback:privacy.rightsHeading")}</h2>
        <p>{t("feedback:privacy.rights")}</p>
        <p>
          <Link to="/my-input">{t("feedback:privacy.myInput")}</Link>
        </p>
      </section>
    </div>
  );
}
