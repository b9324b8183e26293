/**
 * Fails when code uses a translation key that `de` or `en` lacks, or when a locale misses a key
 * that `de` has. Keys are written in full (`ns:path.to.key`); a template key such as
 * `catalogue:maturity.${level}` must match at least one key.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

type Tree = { [key: string]: string | Tree };
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const localesDir = path.join(root, "locales");
const pluralSuffix = /_(zero|one|two|few|many|other)$/;

function flatten(tree: Tree, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === "string" ? [prefix + k] : flatten(v, `${prefix}${k}.`),
  );
}

function keysOf(language: string): Set<string> {
  const dir = path.join(localesDir, language);
  const keys = new Set<string>();
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".json"))) {
    const ns = file.replace(/\.json$/, "");
    const tree = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")) as Tree;
    for (const key of flatten(tree)) keys.add(`${ns}:${key.replace(pluralSuffix, "")}`);
  }
  return keys;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) ? [full] : [];
  });
}

const languages = fs.readdirSync(localesDir).filter((d) => fs.statSync(path.join(localesDir, d)).isDirectory());
const keys = new Map(languages.map((l) => [l, keysOf(l)]));
// Any `ns:a.b` literal counts as a key, so a key in a namespace that does not exist is caught too.
const literal = /["'`]([a-z][A-Za-z]*:[A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z0-9_${}]+)+)["'`]/g;

const problems: string[] = [];
const files = [...sourceFiles(path.join(root, "app")), ...sourceFiles(path.join(root, "realtime"))];
for (const file of files) {
  const text = fs.readFileSync(file, "utf8");
  for (const match of text.matchAll(literal)) {
    const used = match[1]!;
    const pattern = new RegExp(`^${used.replace(/\./g, "\\.").replace(/\$\{[^}]*\}/g, "[^.]+")}$`);
    for (const language of ["de", "en"]) {
      if (![...keys.get(language)!].some((k) => pattern.test(k))) {
        problems.push(`${path.relative(root, file)}: "${used}" is missing in locales/${language}`);
      }
    }
  }
}
for (const language of languages.filter((l) => l !== "de")) {
  for (const key of keys.get("de")!) {
    if (!keys.get(language)!.has(key)) problems.push(`locales/${language} lacks "${key}" (present in de)`);
  }
}

if (problems.length > 0) {
  console.error(problems.join("\n"));
  process.exit(1);
}
console.log(`locales: ${keys.get("de")!.size} keys in ${languages.join(", ")}; every key used in code exists`);
