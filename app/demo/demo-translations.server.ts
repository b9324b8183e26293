import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Db } from "../../db/client";
import { importMeasureTranslations } from "../catalogue/translate.server";

/**
 * The demo catalogue's translations (issue 11): `<dir>/<plan slug>/<language>.json`, each with
 * a title and a short summary per measure code, marked draft: the demo shows a translated
 * catalogue and what still awaits a human reviewer. Every file present is loaded; a missing
 * language is simply not there yet.
 */
export const demoTranslationsDir = fileURLToPath(new URL("../../db/demo/translations", import.meta.url));

/** The nine languages the demo translates into: every interface language but German. */
export const demoTranslationLanguages = ["en", "tr", "ar", "uk", "ru", "pl", "fa", "kmr", "de-x-ls"] as const;

export async function loadDemoTranslations(db: Db, dir = demoTranslationsDir): Promise<{ plan: string; language: string; added: number }[]> {
  if (!fs.existsSync(dir)) return [];
  const loaded = [];
  for (const plan of fs.readdirSync(dir).sort()) {
    const planDir = path.join(dir, plan);
    if (!fs.statSync(planDir).isDirectory()) continue;
    for (const file of fs.readdirSync(planDir).filter((f) => f.endsWith(".json")).sort()) {
      const language = file.slice(0, -".json".length);
      const content = JSON.parse(fs.readFileSync(path.join(planDir, file), "utf8")) as { meta?: { language?: string } };
      // The file's name and its meta must agree: a copied file with a stale meta would land in the wrong language.
      if (content.meta?.language !== language) throw new Error(`${plan}/${file}: meta.language is ${content.meta?.language}`);
      loaded.push({ plan, language, added: await importMeasureTranslations(db, plan, content) });
    }
  }
  return loaded;
}
