import type { ContentNote } from "../../catalogue/translated";
import { ContentNoteText } from "../../catalogue/ui/content-note";
import { inLanguage } from "../../i18n/parts";
import type { MeasureName } from "../measure-names.server";

/** A measure's code and its title in the language it is shown in (the reader's, or the catalogue's German). */
export function MeasureNameText({ measure }: { measure: MeasureName }) {
  return (
    <>
      <span dir="ltr">{measure.code}</span> <span {...inLanguage(measure.language)}>{measure.title}</span>
    </>
  );
}

/**
 * What the reader is told about the title beside it, as the catalogue tells it: in German, a
 * draft or machine translation, or one that may be out of date; nothing for a reviewed one.
 */
export function MeasureNote({ measure }: { measure: MeasureName }) {
  if (measure.note === "none") return null;
  return (
    <>
      {" · "}
      <ContentNoteText note={measure.note} />
    </>
  );
}

/**
 * The notes of a ranking's measures, whose titles sit in a chart where no note fits: one line per
 * note, naming the measures by code ("W-2, W-3 · Content in German").
 */
export function RankingNotes({ ranking }: { ranking: MeasureName[] | null }) {
  const byNote = new Map<Exclude<ContentNote, "none">, string[]>();
  for (const { code, note } of ranking ?? []) if (note !== "none") byNote.set(note, [...(byNote.get(note) ?? []), code]);
  return [...byNote].map(([note, codes]) => (
    <p key={note} className="muted">
      <span dir="ltr">{codes.join(", ")}</span> · <ContentNoteText note={note} className="" />
    </p>
  ));
}
