import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode, useEffect, type ReactNode } from "react";
import { hydrateRoot } from "react-dom/client";

/*
 * With single fetch, RemixBrowser suspends for a moment at the start of hydration while it
 * decodes the loader data. A key press or tap in that moment makes React 18 hydrate
 * synchronously, which cannot suspend: it throws "Root did not complete" (#345) and the page
 * stays unhydrated, so links reload the page and live updates never start. Keyboard users, who
 * press Tab at once, hit this most, on slow phones most of all. Until hydration has committed,
 * these events are kept away from React; the browser still does what they mean (focus moves,
 * links open, forms submit), as it does before the scripts have loaded.
 * The list is React 18's discreteReplayableEvents (events that force a synchronous hydration).
 */
const eventsThatForceHydration = [
  "mousedown",
  "mouseup",
  "touchcancel",
  "touchend",
  "touchstart",
  "auxclick",
  "dblclick",
  "pointercancel",
  "pointerdown",
  "pointerup",
  "dragend",
  "dragstart",
  "drop",
  "compositionend",
  "compositionstart",
  "keydown",
  "keypress",
  "keyup",
  "input",
  "textInput",
  "copy",
  "cut",
  "paste",
  "click",
  "change",
  "contextmenu",
  "reset",
  "submit",
];
const keepFromReact = (event: Event) => event.stopImmediatePropagation();
for (const type of eventsThatForceHydration) window.addEventListener(type, keepFromReact, true);

function AfterHydration({ children }: { children: ReactNode }) {
  useEffect(() => {
    for (const type of eventsThatForceHydration) window.removeEventListener(type, keepFromReact, true);
  }, []);
  return children;
}

startTransition(() => {
  hydrateRoot(
    document,
    <StrictMode>
      <AfterHydration>
        <RemixBrowser />
      </AfterHydration>
    </StrictMode>,
  );
});
