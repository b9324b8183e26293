import { Form, Link, useLocation } from "@remix-run/react";
import { useTranslation } from "../i18n/translate";
import type { Viewer } from "../auth/actor";
import type { LanguageChoice } from "../i18n/provider";
import { LanguageSwitcher } from "./language-switcher";

/** Sign-in for visitors, the account links for staff; participants have no account to show. */
function AccountNav({ viewer }: { viewer: Viewer }) {
  const { t } = useTranslation();
  const { pathname, search } = useLocation();
  if (viewer.kind === "participant") return null;
  const loginLink = pathname === "/login" ? "/login" : `/login?redirectTo=${encodeURIComponent(pathname + search)}`;
  return (
    <nav aria-label={t("auth:nav.menu")} className="account-nav">
      {viewer.kind === "staff" ? (
        <ul>
          <li className="account-nav__name">{t("auth:nav.signedInAs", { name: viewer.displayName })}</li>
          {viewer.canManageConferences ? (
            <li>
              <Link to="/conferences">{t("conferences:nav.link")}</Link>
            </li>
          ) : (
            // Language mediators manage no conference: their way in is their sessions' consoles.
            viewer.canTranslate && (
              <li>
                <Link to="/mediation">{t("conferences:mediation.navLink")}</Link>
              </li>
            )
          )}
          {viewer.canDecide && (
            <li>
              <Link to="/inbox">{t("decisions:nav.inbox")}</Link>
            </li>
          )}
          <li>
            <Link to="/account">{t("auth:nav.account")}</Link>
          </li>
          {viewer.canManageUsers && (
            <li>
              <Link to="/admin/users">{t("auth:nav.users")}</Link>
            </li>
          )}
          {viewer.canManageUsers && (
            <li>
              <Link to="/admin/privacy">{t("auth:nav.retention")}</Link>
            </li>
          )}
          {viewer.canManageSite && (
            <>
              <li>
                <Link to="/admin/languages">{t("common:nav.languagesAdmin")}</Link>
              </li>
              <li>
                <Link to="/admin/accessibility">{t("accessibility:nav.admin")}</Link>
              </li>
            </>
          )}
          <li>
            <Form method="post" action="/logout">
              <button type="submit" className="account-nav__button">
                {t("auth:nav.signOut")}
              </button>
            </Form>
          </li>
        </ul>
      ) : (
        <ul>
          <li>
            <Link to={loginLink}>{t("auth:nav.signIn")}</Link>
          </li>
        </ul>
      )}
    </nav>
  );
}

export function SiteHeader({
  languageNames,
  current,
  viewer,
}: {
  languageNames: LanguageChoice[];
  current: string;
  viewer: Viewer;
}) {
  const { t } = useTranslation();
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        {t("common:nav.skipToContent")}
      </a>
      <div className="site-header__inner">
        <Link to="/" className="brand">
          <span className="brand__name">{t("common:app.name")}</span>
          <span className="brand__tagline">{t("common:app.tagline")}</span>
        </Link>
        <LanguageSwitcher languageNames={languageNames} current={current} />
        <AccountNav viewer={viewer} />
      </div>
    </header>
  );
}

export function SiteFooter() {
  const { t } = useTranslation();
  return (
    <footer className="site-footer">
      <p>{t("common:footer.text")}</p>
      <ul className="site-footer__links">
        <li>
          <Link to="/datenschutz">{t("common:footer.privacy")}</Link>
        </li>
        <li>
          <Link to="/barrierefreiheit">{t("accessibility:nav.statement")}</Link>
        </li>
      </ul>
    </footer>
  );
}
