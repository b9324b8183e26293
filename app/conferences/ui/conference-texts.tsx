import { InGermanMark, Picked, usePicked } from "../../components/picked-text";
import type { ConferenceTexts } from "../conferences.server";

/** A conference's title in the reader's language where its team translated it, else the German (decision 046). */
export function ConferenceTitle({ conference }: { conference: Pick<ConferenceTexts, "title" | "titleTranslations"> }) {
  return <Picked text={usePicked(conference.title, conference.titleTranslations)} />;
}

/**
 * What the conference is about, under its heading, and the mark when the heading or the
 * description falls back to German: one mark for the texts the page shows together.
 */
export function ConferenceAbout({ conference }: { conference: ConferenceTexts }) {
  const title = usePicked(conference.title, conference.titleTranslations);
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
