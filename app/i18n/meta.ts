import type { Messages } from "./resources";

type RootMatch = { id: string; data: unknown };

/**
 * Page titles are made in `meta`, outside React, from the messages the root loader sent:
 * a key written as namespace, colon, dotted path, with `{{name}}` placeholders.
 */
export function titleFrom(
  matches: RootMatch[],
  key: string,
  values: Record<string, string | number> = {},
): string {
  const root = matches.find((m) => m.id === "root")?.data as
    | { messages?: Record<string, Messages> }
    | undefined;
  const [namespace, path] = key.split(":") as [string, string];
  let node: string | boolean | Messages | undefined = root?.messages?.[namespace];
  for (const part of path.split(".")) node = typeof node === "object" ? node[part] : undefined;
  const template = typeof node === "string" ? node : path;
  const text = template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(values[name] ?? ""));
  const appName = root?.messages?.common && (root.messages.common as { app?: { name?: string } }).app?.name;
  return key === "common:app.name" || !appName ? text : `${text} · ${appName}`;
}
