import { ContentNoteText } from "../../catalogue/ui/content-note";
import { inLanguage } from "../../i18n/parts";
import type { MeasureName } from "../../catalogue/translated";

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
