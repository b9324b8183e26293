import { Form, Link, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Viewer } from "../auth/actor";

type LanguageName = { code: string; name: string };

/** The same page in another language: the URL keeps its path and filters, only `lng` changes. */
function withLanguage(pathname: string, search: string, code: string): string {
  const params = new URLSearchParams(search);
  params.set("lng", code);
  return `${pathname}?${params.toString()}`;
}

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
          {/* Every staff role may manage conferences (app/auth/permissions.ts), so staff is enough here. */}
          <li>
            <Link to="/conferences">{t("conferences:nav.link")}</Link>
          </li>
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
  languageNames: LanguageName[];
  current: string;
  viewer: Viewer;
}) {
  const { t } = useTranslation();
  const location = useLocation();
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
        <nav aria-label={t("common:nav.language")} className="language-switcher">
          <ul>
            {languageNames.map(({ code, name }) => (
              <li key={code}>
                <Link
                  to={withLanguage(location.pathname, location.search, code)}
                  lang={code}
                  hrefLang={code}
                  aria-current={code === current ? "true" : undefined}
                  reloadDocument
                >
                  {name}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
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
      <p>
        <Link to="/datenschutz">{t("common:footer.privacy")}</Link>
      </p>
    </footer>
  );
}
