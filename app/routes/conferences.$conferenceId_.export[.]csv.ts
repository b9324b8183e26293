import type { LoaderFunctionArgs } from "@remix-run/node";
import { conferenceExport } from "../feedback/exports.server";

/** `?dataset=results|proposals|comments|decisions` as CSV (RFC 4180); results when none is named. */
export const loader = (args: LoaderFunctionArgs) => conferenceExport(args, "csv");
