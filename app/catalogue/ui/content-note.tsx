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

/**
 * The notes of measures named where no note fits beside each title (a chart's bars, a ranking's
 * options): one line per note, naming the measures by code ("W-2, W-3 · Content in German"). A
 * measure without a note (named in the original, for a reader of it) adds nothing.
 */
export function MeasureNotes({ measures }: { measures: readonly { code: string; note?: ContentNote }[] | null }) {
  const byNote = new Map<Exclude<ContentNote, "none">, string[]>();
  for (const { code, note } of measures ?? []) if (note && note !== "none") byNote.set(note, [...(byNote.get(note) ?? []), code]);
  return [...byNote].map(([note, codes]) => (
    <p key={note} className="muted">
      <span dir="ltr">{codes.join(", ")}</span> · <ContentNoteText note={note} className="" />
    </p>
  ));
}
