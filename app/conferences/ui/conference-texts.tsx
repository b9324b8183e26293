import { InGermanMark, Picked, usePicked } from "../../components/picked-text";
import type { PickedText } from "../../i18n/content";
import type { ConferenceTexts } from "../conferences.server";

type Titled = Pick<ConferenceTexts, "title" | "titleTranslations">;

/** A conference's title in the reader's language where its team translated it, else the German (decision 046). */
export function useConferenceTitle(conference: Titled): PickedText {
  return usePicked(conference.title, conference.titleTranslations);
}

/** The picked title in its own language, for a line that mixes it with other text. */
export function ConferenceTitle({ conference }: { conference: Titled }) {
  return <Picked text={useConferenceTitle(conference)} />;
}

/**
 * What the conference is about, under its heading, and the mark when the heading or the
 * description falls back to German: one mark for the texts the page shows together.
 */
export function ConferenceAbout({ conference }: { conference: ConferenceTexts }) {
  const title = useConferenceTitle(conference);
  const description = usePicked(conference.description, conference.descriptionTranslations);
  return (
    <>
      {(title.fallback || description?.fallback) && <InGermanMark />}
      {description && (
        <p className="conference-description">
          <Picked text={description} />
        </p>
      )}
    </>
  );
}
