import { useTranslation } from "../../i18n/translate";
import { formatTime } from "../../i18n/format";
import { inLanguage } from "../../i18n/parts";

/** A short, single-line version of a text, for a list of choices. */
export function excerpt(text: string, length = 80): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > length ? `${line.slice(0, length - 1)}…` : line;
}

type Props = {
  hidden: { reason: string; at: string; by: string | null } | null;
  merged: boolean;
  /** The entry it was merged into, when it is in the list. */
  mergedInto?: { text: string; language: string };
};

/** Who hid an entry, when and why, and what a duplicate was merged into: the record stays visible to moderators. */
export function ModerationNote({ hidden, merged, mergedInto }: Props) {
  const { t, i18n } = useTranslation();
  const time = (iso: string) => formatTime(iso, i18n.language);
  return (
    <>
      {hidden && (
        <p className="moderation-note">
          <strong>{t("conferences:moderation.hiddenLabel")}</strong>{" "}
          {t("conferences:moderation.hiddenBy", {
            name: hidden.by ?? t("conferences:moderation.someone"),
            time: time(hidden.at),
          })}{" "}
          {t("conferences:moderation.reasonLabel")} <q>{hidden.reason}</q>
        </p>
      )}
      {merged && (
        <p className="moderation-note">
          <strong>{t("conferences:moderation.mergedLabel")}</strong>
          {mergedInto && (
            <>
              {" "}
              <q {...inLanguage(mergedInto.language)}>{excerpt(mergedInto.text)}</q>
            </>
          )}
        </p>
      )}
    </>
  );
}
