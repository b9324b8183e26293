import { Form, Link, useLocation, useMatches } from "@remix-run/react";
import { useTranslation } from "../i18n/translate";
import type { Viewer } from "../auth/actor";

type LanguageName = { code: string; name: string };

/**
 * Ten languages in a GET form: a select fits a 360 px phone, works without JavaScript, and changes
 * the page only when the visitor submits (WCAG 3.2.2). The path and its filters stay; `lng` changes.
 */
function LanguageSwitcher({ languageNames, current }: { languageNames: LanguageName[]; current: string }) {
  const { t } = useTranslation();
  const { pathname, search } = useLocation();
  const kept = [...new URLSearchParams(search)].filter(([name]) => name !== "lng");
  // A conference's pages offer the languages the conference chose (a loader says so as `offeredLanguages`).
  const offered = useMatches()
    .map((match) => (match.data as { offeredLanguages?: string[] } | undefined)?.offeredLanguages)
    .find(Boolean);
  const choices = offered ? languageNames.filter(({ code }) => offered.includes(code) || code === current) : languageNames;
  return (
    <form method="get" action={pathname} className="language-switcher" aria-label={t("common:nav.language")}>
      {kept.map(([name, value], i) => (
        <input key={`${name}-${i}`} type="hidden" name={name} value={value} />
      ))}
      <label htmlFor="language-select" className="visually-hidden">
        {t("common:nav.language")}
      </label>
      <select id="language-select" name="lng" defaultValue={current}>
        {choices.map(({ code, name }) => (
          <option key={code} value={code} lang={code}>
            {name}
          </option>
        ))}
      </select>
      <button type="submit" className="button button--secondary">
        {t("common:nav.languageSubmit")}
      </button>
    </form>
  );
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
  languageNames: LanguageName[];
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
