import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireActor } from "../auth/actor.server";
import { exportCatalogue } from "../catalogue/export.server";
import { download } from "../files.server";
import { languageOf } from "../i18n/i18n.server";
import { exportConference } from "./conference-export.server";

type Format = "csv" | "json";

/**
 * A conference's results, breakdowns, proposals, comments or decisions (`?dataset=`, results by default, so the
 * plain address gives the main table). exportConference decides what the actor may see: hidden
 * comments and proposals and running sessions go only to the conference's team.
 */
export async function conferenceExport({ request, context, params }: LoaderFunctionArgs, format: Format) {
  const actor = await requireActor(request, context, "catalogue.read");
  const dataset = new URL(request.url).searchParams.get("dataset") ?? "results";
  const language = await languageOf(request);
  return download(request, () => exportConference(context.db, actor, { conferenceId: params.conferenceId, dataset, format, language }));
}

/** A plan's whole catalogue; the JSON is what the import page takes back. CSV files are in the reader's language. */
export async function catalogueExport({ request, context, params }: LoaderFunctionArgs, format: Format) {
  const actor = await requireActor(request, context, "catalogue.read");
  const language = await languageOf(request);
  const dataset = new URL(request.url).searchParams.get("dataset") ?? undefined;
  return download(request, () => exportCatalogue(context.db, actor, { planSlug: params.planId, format, language, dataset }));
}
