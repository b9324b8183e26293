import type { PickedText } from "../../i18n/content";
import { InGermanMark, Picked, usePicked } from "../../components/picked-text";
import type { AgendaItemView } from "../views";

/** The item's question in the reader's language where the moderator gave it, else the German (docs/decisions/039). */
export function useQuestion(item: Pick<AgendaItemView, "question" | "questionTranslations">): PickedText | null {
  return usePicked(item.question, item.questionTranslations);
}

/** The item's note under its heading, picked like its question (docs/decisions/046). */
export function useNote(item: Pick<AgendaItemView, "note" | "noteTranslations">): PickedText | null {
  return usePicked(item.note, item.noteTranslations);
}

/** The note under an item's heading on the console and the projector, its German fallback marked. */
export function ItemNote({ item, className }: { item: Pick<AgendaItemView, "note" | "noteTranslations">; className: string }) {
  const note = useNote(item);
  if (!note) return null;
  return (
    <>
      <p className={className}>
        <Picked text={note} />
      </p>
      {note.fallback && <InGermanMark />}
    </>
  );
}
