import type { LoaderFunctionArgs } from "@remix-run/node";
import { conferenceExport } from "../feedback/exports.server";

/** `?dataset=results|breakdowns|proposals|comments|decisions` as CSV in the reader's language (docs/decisions/029); results when none is named. */
export const loader = (args: LoaderFunctionArgs) => conferenceExport(args, "csv");
