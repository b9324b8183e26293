import { useTranslation } from "../../i18n/translate";
import type { ContentNote } from "../translated";

/**
 * What a reader is told about a measure's text (decision 041): German where no translation
 * exists ("content in German", the marker the phone has always shown), or a translation of an
 * older German text. Nothing when the text is current in their language.
 */
export function ContentNoteText({ note, className = "muted" }: { note: ContentNote; className?: string }) {
  const { t } = useTranslation();
  if (note === "none") return null;
  return <span className={className}>{t(note === "original" ? "common:content.inGerman" : "common:content.outdated")}</span>;
}
