import type { Namespace } from "./config";

/**
 * Which messages a page's HTML carries. Most pages get every namespace of their language; the
 * phone's pages (joining and the live session) get what they render: the site's chrome, the live
 * room's texts and the refusals a participant's command can bring (docs/decisions/026). A path
 * with another set reloads the root's data on a client-side navigation (root.tsx).
 * An entry is a namespace, or a namespace and one of its top-level keys.
 */
export type MessagePart = Namespace | `${Namespace}:${string}`;

const chrome: MessagePart[] = [
  "common",
  "auth:nav",
  "accessibility:nav",
  "conferences:nav",
  "decisions:nav",
];

const phone: MessagePart[] = [...chrome, "live", "auth:error", "auth:csrf", "feedback:participant", "feedback:returnLink"];

const phonePaths = [/^\/join\/?$/, /^\/j\/[^/]+\/?$/, /^\/live\/[^/]+\/?$/];

/** The parts of the messages the page at this path renders; `undefined` means all of them. */
export function messagePartsOf(pathname: string): readonly MessagePart[] | undefined {
  return phonePaths.some((pattern) => pattern.test(pathname)) ? phone : undefined;
}
