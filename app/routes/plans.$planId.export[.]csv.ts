import type { LoaderFunctionArgs } from "@remix-run/node";
import { catalogueExport } from "../feedback/exports.server";

/** The whole catalogue as CSV in the reader's language, one row per measure, for reading in a spreadsheet. */
export const loader = (args: LoaderFunctionArgs) => catalogueExport(args, "csv");
