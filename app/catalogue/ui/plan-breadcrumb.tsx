import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { inLanguage } from "../../i18n/parts";
import { useTranslation } from "../../i18n/translate";

/** The trail every page below a plan starts with: home, the plan (in its language), then the page's own steps. */
export function PlanBreadcrumb({
  plan,
  children,
}: {
  plan: { slug: string; title: string; language: string };
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t("common:nav.breadcrumb")} className="breadcrumb">
      <ol>
        <li>
          <Link to="/">{t("common:nav.home")}</Link>
        </li>
        <li>
          <Link to={`/plans/${plan.slug}`} {...inLanguage(plan.language)}>
            {plan.title}
          </Link>
        </li>
        {children}
      </ol>
    </nav>
  );
}
