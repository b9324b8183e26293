import { useTranslation } from "../../i18n/translate";
import type { ContentNote } from "../translated";

const noteKeys = {
  original: "common:content.inGerman",
  outdated: "common:content.outdated",
  draft: "common:content.draft",
  machine: "common:content.machine",
} as const satisfies Record<Exclude<ContentNote, "none">, string>;

/**
 * What a reader is told about a measure's text (decision 041): German where no translation
 * exists ("content in German", the marker the phone has always shown), a translation of an
 * older German text, or one nobody has reviewed yet. Nothing when the text is a reviewed
 * translation or the reader's own language.
 */
export function ContentNoteText({ note, className = "muted" }: { note: ContentNote; className?: string }) {
  const { t } = useTranslation();
  if (note === "none") return null;
  return <span className={className}>{t(noteKeys[note])}</span>;
}
