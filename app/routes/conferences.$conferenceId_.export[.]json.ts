import type { LoaderFunctionArgs } from "@remix-run/node";
import { conferenceExport } from "../feedback/exports.server";

/** `?dataset=results|breakdowns|proposals|comments|decisions` as JSON; results when none is named. */
export const loader = (args: LoaderFunctionArgs) => conferenceExport(args, "json");
