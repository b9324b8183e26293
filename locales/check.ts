/**
 * `npm run i18n:check` (docs/decisions/021) fails for:
 * - a key code uses that German lacks (`ns:path.to.key`; a template key such as
 *   `catalogue:maturity.${level}` must match at least one key);
 * - a key German has that another language lacks, or a key only another language has;
 * - a plural form a language needs (its `Intl.PluralRules` categories) and lacks, or one it cannot use;
 * - an interpolation variable that differs from German (a plural form may leave out `{{count}}`);
 * - a German or English text standing in for another language's;
 * - `common:meta` without the language's name or its review state.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { intlLocaleOf, languages, namespaces } from "../app/i18n/config";

type Tree = { [key: string]: string | boolean | Tree };
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
// Tests point it at a broken copy.
const localesDir = process.env.LOCALES_DIR ?? path.join(root, "locales");
const pluralSuffix = /_(zero|one|two|few|many|other)$/;
const source = "de";

function flatten(tree: Tree, prefix = ""): [string, string | boolean][] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === "object" ? flatten(v, `${prefix}${k}.`) : [[prefix + k, v] as [string, string | boolean]],
  );
}

/** Every message of a language as `ns:path`, or undefined where a namespace file is missing. */
function messagesOf(language: string, problems: string[]): Map<string, string> {
  const messages = new Map<string, string>();
  for (const ns of namespaces) {
    const file = path.join(localesDir, language, `${ns}.json`);
    if (!fs.existsSync(file)) {
      problems.push(`locales/${language}/${ns}.json is missing`);
      continue;
    }
    let tree: Tree;
    try {
      tree = JSON.parse(fs.readFileSync(file, "utf8")) as Tree;
    } catch (error) {
      problems.push(`locales/${language}/${ns}.json is not JSON: ${(error as Error).message}`);
      continue;
    }
    for (const [key, value] of flatten(tree)) {
      if (ns === "common" && key.startsWith("meta.")) continue;
      if (typeof value !== "string") problems.push(`locales/${language}/${ns}.json: ${key} is not text`);
      else messages.set(`${ns}:${key}`, value);
    }
    if (ns === "common") {
      const meta = tree.meta as Tree | undefined;
      if (typeof meta?.name !== "string" || meta.name === "") problems.push(`locales/${language}/common.json lacks meta.name`);
      if (typeof meta?.reviewed !== "boolean") problems.push(`locales/${language}/common.json lacks meta.reviewed (true or false)`);
    }
  }
  return messages;
}

const variables = (text: string) =>
  [...new Set([...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]!))].sort();
const same = (a: string[], b: string[]) => a.join(",") === b.join(",");
const withoutCount = (vars: string[]) => vars.filter((v) => v !== "count");
/** Long enough that an identical text is a stand-in, not a name or an abbreviation. */
const isWords = (text: string) => text.replace(/\{\{[^}]*\}\}/g, "").replace(/[^\p{L}]/gu, "").length > 8;

type Base = { plural: boolean; zero: boolean; text: string };

function basesOf(messages: Map<string, string>): Map<string, Base> {
  const bases = new Map<string, Base>();
  for (const [key, text] of messages) {
    const base = key.replace(pluralSuffix, "");
    const plural = pluralSuffix.test(key);
    const known = bases.get(base);
    bases.set(base, {
      plural: plural || (known?.plural ?? false),
      zero: key.endsWith("_zero") || (known?.zero ?? false),
      text: key.endsWith("_other") || !known ? text : known.text,
    });
  }
  return bases;
}

/** The keys a language must have: German's, with each plural in the forms the language's rules name. */
function expectedKeys(language: string, bases: Map<string, Base>): Set<string> {
  const categories = new Intl.PluralRules(intlLocaleOf(language)).resolvedOptions().pluralCategories;
  const keys = new Set<string>();
  for (const [base, info] of bases) {
    if (!info.plural) keys.add(base);
    else {
      for (const category of categories) keys.add(`${base}_${category}`);
      // An explicit "none" wording German chose to have (i18next uses `_zero` for count 0 in any language).
      if (info.zero) keys.add(`${base}_zero`);
    }
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

const problems: string[] = [];
const all = new Map(languages.map((language) => [language, messagesOf(language, problems)]));
const german = all.get(source)!;
const germanBases = basesOf(german);
const english = all.get("en")!;

// Any `ns:a.b` literal counts as a key, so a key in a namespace that does not exist is caught too.
const literal = /["'`]([a-z][A-Za-z]*:[A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z0-9_${}]+)+)["'`]/g;
const germanKeys = [...germanBases.keys()];
for (const file of [...sourceFiles(path.join(root, "app")), ...sourceFiles(path.join(root, "realtime"))]) {
  for (const match of fs.readFileSync(file, "utf8").matchAll(literal)) {
    const used = match[1]!;
    const pattern = new RegExp(`^${used.replace(/\./g, "\\.").replace(/\$\{[^}]*\}/g, "[^.]+")}$`);
    if (used.startsWith("common:meta.")) continue;
    if (!germanKeys.some((k) => pattern.test(k))) problems.push(`${path.relative(root, file)}: "${used}" is missing in locales/de`);
  }
}

for (const language of languages) {
  const messages = all.get(language)!;
  const expected = expectedKeys(language, germanBases);
  const presentNamespaces = new Set([...messages.keys()].map((k) => k.split(":")[0]));
  for (const key of expected) {
    // A missing file is said once above, not once per key.
    if (!messages.has(key) && presentNamespaces.has(key.split(":")[0])) problems.push(`locales/${language} lacks "${key}"`);
  }
  for (const [key, text] of messages) {
    if (!expected.has(key)) {
      problems.push(`locales/${language} has "${key}", which ${germanBases.has(key.replace(pluralSuffix, "")) ? "its plural rules do not use" : "German does not have"}`);
      continue;
    }
    const reference = germanBases.get(key.replace(pluralSuffix, ""))!;
    const mine = variables(text);
    const theirs = variables(reference.text);
    const fits = same(mine, theirs) || (pluralSuffix.test(key) && same(withoutCount(mine), withoutCount(theirs)));
    if (!fits) problems.push(`locales/${language} "${key}" uses {${mine.join(", ")}}, German {${theirs.join(", ")}}`);
    if (language === source || !isWords(text)) continue;
    // Leichte Sprache is German; it may keep a sentence that is already easy.
    if (language !== "de-x-ls" && text === german.get(key)) problems.push(`locales/${language} "${key}" is the German text`);
    if (language !== "en" && text === english.get(key)) problems.push(`locales/${language} "${key}" is the English text`);
  }
}

if (problems.length > 0) {
  console.error(problems.join("\n"));
  console.error(`${problems.length} problem(s)`);
  process.exit(1);
}
console.log(`locales: ${german.size} messages in ${languages.join(", ")}; every key used in code exists`);
