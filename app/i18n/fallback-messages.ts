import deAccessibility from "../../locales/de/accessibility.json";
import deAuth from "../../locales/de/auth.json";
import deCatalogue from "../../locales/de/catalogue.json";
import deCommon from "../../locales/de/common.json";
import deConferences from "../../locales/de/conferences.json";
import deFeedback from "../../locales/de/feedback.json";
import deLive from "../../locales/de/live.json";
import deDecisions from "../../locales/de/decisions.json";
import deResults from "../../locales/de/results.json";
import type { Namespace } from "./config";
import type { Messages } from "./resources";

/**
 * The fallback language's messages, for the rare page whose root loader failed (its error page
 * still needs words, in the browser too). Only this one language ships to the browser; pages
 * otherwise get their own language's messages with the root loader's data.
 */
export const fallbackMessages: Record<Namespace, Messages> = {
  common: deCommon,
  catalogue: deCatalogue,
  live: deLive,
  auth: deAuth,
  conferences: deConferences,
  results: deResults,
  decisions: deDecisions,
  feedback: deFeedback,
  accessibility: deAccessibility,
};
