import { MaxPartSizeExceededError, unstable_parseMultipartFormData, type UploadHandler } from "@remix-run/node";
import { DomainError, refusalInit } from "./errors";
import { translatorFor } from "./i18n/i18n.server";

/**
 * A file for download. `filename*` carries the name in UTF-8 for browsers that read it, the plain
 * `filename` an ASCII fallback. Exports differ by who asks (staff see hidden comments), so no
 * shared cache may keep one.
 */
/** A file to download, made by an export. */
export type ExportFile = { filename: string; contentType: string; body: string };

function downloadResponse(file: ExportFile): Response {
  const ascii = file.filename.replace(/[^A-Za-z0-9._-]/g, "_");
  return new Response(file.body, {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
      // nosniff comes with every response (app/http.server.ts).
      "Cache-Control": "private, no-store",
    },
  });
}

/** Runs an export for a resource route; a refusal becomes its HTTP status with the reason as plain text. */
export async function download(request: Request, run: () => Promise<ExportFile>): Promise<Response> {
  try {
    return downloadResponse(await run());
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const t = await translatorFor(request);
    const init = refusalInit(error);
    return new Response(t(error.messageKey, error.values), {
      status: init.status,
      headers: { ...init.headers, "Content-Type": "text/plain; charset=utf-8" },
    });
  }
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * The text fields and text files of a form, each as a string, refused as a whole once the request
 * holds more than `limit` bytes. The limit counts every part, so many small parts cannot add up to
 * more; a plain form post (no file chosen without JavaScript still posts multipart) is read the
 * same way. Anything that is not UTF-8 counts as unreadable.
 */
export async function readTextForm(request: Request, limit: number): Promise<Record<string, string>> {
  const invalid = (key: string) => new DomainError("invalid", key, {}, { megabytes: Math.round(limit / 1_000_000) });
  if (Number(request.headers.get("content-length") ?? 0) > limit) throw invalid("catalogue:import.tooLarge");
  let total = 0;
  const handler: UploadHandler = async ({ data }) => {
    const chunks: Uint8Array[] = [];
    for await (const chunk of data) {
      total += chunk.byteLength;
      if (total > limit) throw new MaxPartSizeExceededError("form", limit);
      chunks.push(chunk);
    }
    return utf8.decode(Buffer.concat(chunks));
  };
  try {
    const multipart = (request.headers.get("content-type") ?? "").startsWith("multipart/form-data");
    const form = multipart ? await unstable_parseMultipartFormData(request, handler) : await request.formData();
    const fields: Record<string, string> = {};
    for (const [name, value] of form) if (typeof value === "string") fields[name] = value;
    return fields;
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) throw invalid("catalogue:import.tooLarge");
    if (error instanceof TypeError) throw invalid("catalogue:import.unreadable");
    throw error;
  }
}
