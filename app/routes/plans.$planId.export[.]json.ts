import type { LoaderFunctionArgs } from "@remix-run/node";
import { catalogueExport } from "../feedback/exports.server";

/** The whole catalogue as JSON: the file /plans/import takes back. */
export const loader = (args: LoaderFunctionArgs) => catalogueExport(args, "json");
