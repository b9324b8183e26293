import type { RequestHandler } from "express";
import { i18nServer, languageOf } from "../i18n/i18n.server";
import { isSameOrigin } from "./origin";

const mutating = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** CSRF protection for every mutating request, before Remix sees it. */
export const rejectCrossSiteRequests: RequestHandler = async (req, res, next) => {
  if (!mutating.has(req.method) || isSameOrigin(req.headers)) return next();
  const headers = new Headers();
  if (req.headers.cookie) headers.set("cookie", req.headers.cookie);
  if (req.headers["accept-language"]) headers.set("accept-language", req.headers["accept-language"]);
  const language = await languageOf(new Request(`http://localhost${req.originalUrl}`, { headers }));
  const t = await i18nServer.getFixedT(language);
  res.status(403).type("text/plain; charset=utf-8").send(t("auth:csrf.rejected"));
};
