import type { Express, NextFunction, Request, Response } from "express";
import { i18nServer } from "./i18n/i18n.server";
import { fallbackLanguage, languages } from "./i18n/config";

/**
 * A URL holding a NUL byte, raw or percent-encoded, in its path or query. No page takes one and
 * PostgreSQL cannot store one, so it is refused before any loader passes it into a query.
 */
export function hasNulByte(url: string): boolean {
  return url.includes("%00") || url.includes("\u0000");
}

async function refuseNulBytes(req: Request, res: Response, next: NextFunction) {
  if (!hasNulByte(req.originalUrl)) return next();
  const t = await i18nServer.getFixedT(req.acceptsLanguages(...languages) || fallbackLanguage, "common");
  res
    .status(400)
    .type("text/plain; charset=utf-8")
    .send(`${t("error.badRequestTitle")}\n\n${t("error.badRequestText")}\n`);
}

/** What every response passes through before the static files and pages. */
export function addHttpSafeguards(app: Express): void {
  app.use((req, res, next) => void refuseNulBytes(req, res, next).catch(next));
}
