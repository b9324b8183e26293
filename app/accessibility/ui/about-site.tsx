import { Link } from "@remix-run/react";
import { useTranslation } from "../../i18n/translate";

/**
 * What BITV 2.0 § 4 asks a public body's start page to say (what the site is, how to use it, the
 * essentials of the accessibility statement, where to find more). In Leichte Sprache on the
 * Leichte Sprache page, with the way there from every other language, and the German Sign
 * Language video beside it.
 */
export function AboutSite({ signVideoUrl }: { signVideoUrl: string | null }) {
  const { t, i18n } = useTranslation();
  return (
    <section className="about-site" aria-labelledby="about-title">
      <div>
        <h2 id="about-title">{t("accessibility:about.heading")}</h2>
        <p>{t("accessibility:about.what")}</p>
        <p>{t("accessibility:about.how")}</p>
        <p>{t("accessibility:about.statement")}</p>
        <p>
          <Link to="/barrierefreiheit">{t("accessibility:about.more")}</Link>
        </p>
        {i18n.language !== "de-x-ls" && (
          <p>
            <a href="/?lng=de-x-ls" hrefLang="de-x-ls">
              {t("accessibility:about.easyLink")}
            </a>
          </p>
        )}
      </div>
      <aside className="about-site__sign" aria-labelledby="sign-title">
        <h2 id="sign-title">{t("accessibility:about.signHeading")}</h2>
        {signVideoUrl ? (
          <p>
            <a href={signVideoUrl}>
              {t("accessibility:about.signLink")}
            </a>
          </p>
        ) : (
          <p>{t("accessibility:about.signMissing")}</p>
        )}
      </aside>
    </section>
  );
}
