import { useContext } from "react";
import { Scripts, ScrollRestoration, UNSAFE_RemixContext, useMatches, type UNSAFE_AssetsManifest } from "@remix-run/react";

/**
 * A route's `handle` may say that its page needs no script of its own and leads on to another
 * route's page (decision 053): the join pages, whose forms post as plain forms either way, lead to
 * the participant's page.
 */
export type PageHandle = { leadsTo?: string };

/**
 * The page's scripts; on a page that leads on, none, but a prefetch of every module the next page
 * runs. On a weak link the phone then spends the seconds on the join form downloading what the
 * participant's page needs, and a prefetch, unlike a page's own script, is not cut off when the
 * join form's post leaves the page: the browser finishes it into its cache.
 */
export function PageScripts({ nonce }: { nonce: string }) {
  const leadsTo = useMatches()
    .map(({ handle }) => (handle as PageHandle | undefined)?.leadsTo)
    .find(Boolean);
  const remix = useContext(UNSAFE_RemixContext);
  // Reached by a link inside the running app, the page is rendered by the app's scripts, which stay.
  if (!leadsTo || !remix || typeof document !== "undefined") {
    return (
      <>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </>
    );
  }
  // Added by a script, so a phone without JavaScript does not download scripts it will never run.
  const prefetch = `for (const href of ${JSON.stringify(modulesOf(remix.manifest, leadsTo)).replace(/</g, "\\u003c")}) {
  const link = document.createElement("link");
  Object.assign(link, { rel: "prefetch", as: "script", crossOrigin: "anonymous", href });
  document.head.append(link);
}`;
  return <script nonce={nonce} dangerouslySetInnerHTML={{ __html: prefetch }} />;
}

/** Every module a page of this route loads: the entry, and each route from the root down with its chunks. */
function modulesOf(manifest: UNSAFE_AssetsManifest, routeId: string): string[] {
  const modules = [manifest.entry.module, ...manifest.entry.imports];
  for (let route = manifest.routes[routeId]; route; route = route.parentId ? manifest.routes[route.parentId] : undefined) {
    modules.push(route.module, ...(route.imports ?? []));
  }
  return [...new Set(modules)];
}
