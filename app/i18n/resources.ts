import arAuth from "../../locales/ar/auth.json";
import arCatalogue from "../../locales/ar/catalogue.json";
import arCommon from "../../locales/ar/common.json";
import arConferences from "../../locales/ar/conferences.json";
import arFeedback from "../../locales/ar/feedback.json";
import arLive from "../../locales/ar/live.json";
import arDecisions from "../../locales/ar/decisions.json";
import arResults from "../../locales/ar/results.json";
import deAuth from "../../locales/de/auth.json";
import deCatalogue from "../../locales/de/catalogue.json";
import deCommon from "../../locales/de/common.json";
import deConferences from "../../locales/de/conferences.json";
import deFeedback from "../../locales/de/feedback.json";
import deLive from "../../locales/de/live.json";
import deDecisions from "../../locales/de/decisions.json";
import deResults from "../../locales/de/results.json";
import enAuth from "../../locales/en/auth.json";
import enCatalogue from "../../locales/en/catalogue.json";
import enCommon from "../../locales/en/common.json";
import enConferences from "../../locales/en/conferences.json";
import enFeedback from "../../locales/en/feedback.json";
import enLive from "../../locales/en/live.json";
import enDecisions from "../../locales/en/decisions.json";
import enResults from "../../locales/en/results.json";
import type { Language, Namespace } from "./config";

export type Messages = { [key: string]: string | Messages };

/** Bundled into the server build; a page ships only its own language's messages. */
export const resources: Record<Language, Record<Namespace, Messages>> = {
  de: { common: deCommon, catalogue: deCatalogue, live: deLive, auth: deAuth, conferences: deConferences, results: deResults, decisions: deDecisions, feedback: deFeedback },
  en: { common: enCommon, catalogue: enCatalogue, live: enLive, auth: enAuth, conferences: enConferences, results: enResults, decisions: enDecisions, feedback: enFeedback },
  ar: { common: arCommon, catalogue: arCatalogue, live: arLive, auth: arAuth, conferences: arConferences, results: arResults, decisions: arDecisions, feedback: arFeedback },
};
