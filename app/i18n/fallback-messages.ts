import deAccessibility from "../../locales/de/accessibility.json";
import deAuth from "../../locales/de/auth.json";
import deCommon from "../../locales/de/common.json";
import type { Namespace } from "./config";
import type { Messages } from "./resources";

/**
 * The fallback language's messages, for the rare page whose root loader failed: its error page
 * still needs words, in the browser too. Only what that page shows (the header, the footer and
 * the error text) ships in the bundle; pages otherwise get their own language's messages with the
 * root loader's data.
 */
export const fallbackMessages: Partial<Record<Namespace, Messages>> = {
  common: deCommon,
  auth: deAuth,
  accessibility: deAccessibility,
};
