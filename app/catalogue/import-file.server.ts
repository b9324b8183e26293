import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { plans } from "../../db/schema";
import type { Actor } from "../auth/actor";
import { authorize } from "../auth/permissions";
import { DomainError } from "../errors";
import { catalogueFileSchema } from "./catalogue-file";
import { importPlan, type ImportResult } from "./import.server";

/** The largest catalogue file the import page takes; the demo catalogues are well under 1 MB. */
export const importLimit = 5_000_000;

/**
 * A planner's import of a catalogue file (the JSON that exportCatalogue writes) as a new plan.
 * Unlike loading the demo data, a slug that exists already is refused rather than skipped, so a
 * planner never believes a file was imported when nothing happened. A refused file changes
 * nothing: importPlan runs in one transaction.
 */
export async function importCatalogueFile(db: Db, actor: Actor, text: string): Promise<ImportResult> {
  authorize(actor, "catalogue.edit");
  if (text.trim() === "") throw new DomainError("invalid", "catalogue:import.empty");
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new DomainError("invalid", "catalogue:import.notJson");
  }
  const parsed = catalogueFileSchema.safeParse(json);
  if (!parsed.success) {
    // The first place that is wrong, as a path into the file (`measures.3.code`); zod's own wording is English only.
    const where = parsed.error.issues[0]!.path.join(".") || "–";
    throw new DomainError("invalid", "catalogue:import.invalidFile", {}, { where });
  }
  // /plans/import is this page: a plan of that slug could never be opened.
  if (parsed.data.slug === "import") throw new DomainError("invalid", "catalogue:import.slugReserved", {}, { slug: "import" });
  const taken = () => new DomainError("conflict", "catalogue:import.slugTaken", {}, { slug: parsed.data.slug });
  const [existing] = await db.select({ id: plans.id }).from(plans).where(eq(plans.slug, parsed.data.slug));
  if (existing) throw taken();
  const result = await importPlan(db, parsed.data, {
    reason: "Import einer Katalogdatei",
    createdBy: actor.kind === "staff" ? actor.userId : null,
  });
  // Another import of the same slug may have won the race between the check and the transaction.
  if (!result.created) throw taken();
  return result;
}
