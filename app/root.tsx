import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  useRouteError,
  useRouteLoaderData,
  type ShouldRevalidateFunction,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "./i18n/translate";
import { actorFrom, viewerOf } from "./auth/actor.server";
import { useNonce } from "./components/nonce";
import { PageScripts } from "./components/page-scripts";
import { SiteFooter, SiteHeader } from "./components/site-chrome";
import { directionOf, fallbackLanguage, languages } from "./i18n/config";
import { languageCookie, languageOf, messagesOf } from "./i18n/i18n.server";
import { messagePartsOf } from "./i18n/page-messages";
import { MessagesProvider } from "./i18n/provider";
import { languageNames } from "./i18n/resources.server";
import { fallbackMessages } from "./i18n/fallback-messages";
import { titleFrom } from "./i18n/meta";
import stylesheet from "./styles/app.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", type: "image/svg+xml", href: "/favicon.svg" },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const language = await languageOf(request);
  const chosen = new URL(request.url).searchParams.get("lng");
  const headers = new Headers();
  if (chosen === language) headers.append("Set-Cookie", await languageCookie.serialize(language));
  // The root loader runs on every page load, so it is the one place that renews a session.
  const { actor, setCookie } = await actorFrom(request, context.db, { renew: true });
  for (const cookie of setCookie) headers.append("Set-Cookie", cookie);
  return data(
    {
      language,
      dir: directionOf(language),
      messages: messagesOf(language, new URL(request.url).pathname),
      languageNames: languages.map((code) => ({ code, name: languageNames[code] })),
      viewer: viewerOf(actor),
    },
    { headers },
  );
}

export const meta: MetaFunction<typeof loader> = ({ error, matches }) => {
  if (!error) return [{ title: titleFrom(matches, "common:app.name") }];
  const status = isRouteErrorResponse(error) ? error.status : 500;
  return [{ title: titleFrom(matches, errorKeys(status).title) }];
};

function errorKeys(status: number) {
  if (status === 404) return { title: "common:error.notFoundTitle", text: "common:error.notFoundText" };
  if (status === 403) return { title: "common:error.forbiddenTitle", text: "common:error.forbiddenText" };
  return { title: "common:error.serverTitle", text: "common:error.serverText" };
}

export type RootData = Awaited<ReturnType<typeof loader>>["data"];

/** The messages change with the language and with the page's set of them; all else keeps the root's data. */
export const shouldRevalidate: ShouldRevalidateFunction = ({
  currentUrl,
  nextUrl,
  formMethod,
  defaultShouldRevalidate,
}) => {
  if (formMethod && formMethod !== "GET") return defaultShouldRevalidate;
  return (
    currentUrl.searchParams.get("lng") !== nextUrl.searchParams.get("lng") ||
    messagePartsOf(currentUrl.pathname) !== messagePartsOf(nextUrl.pathname)
  );
};

export function Layout({ children }: { children: ReactNode }) {
  const root = useRouteLoaderData<typeof loader>("root");
  const language = root?.language ?? fallbackLanguage;
  const nonce = useNonce();
  const page = root
    ? { language, messages: root.messages, languageNames: root.languageNames }
    : { language, messages: fallbackMessages };
  return (
    <html lang={language} dir={root?.dir ?? "ltr"}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light" />
        <Meta />
        <Links />
      </head>
      <body>
        <MessagesProvider page={page}>
          <SiteHeader
            languageNames={root?.languageNames ?? []}
            current={language}
            viewer={root?.viewer ?? { kind: "anonymous" }}
          />
          <main id="main" tabIndex={-1}>
            {children}
          </main>
          <SiteFooter />
        </MessagesProvider>
        <PageScripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const keys = errorKeys(status);
  return (
    <section className="page error-page" aria-labelledby="error-title">
      <p className="eyebrow">{t("common:error.status", { status })}</p>
      <h1 id="error-title">{t(keys.title)}</h1>
      <p>{t(keys.text)}</p>
      <p>
        <a href="/">{t("common:error.backHome")}</a>
      </p>
    </section>
  );
}
