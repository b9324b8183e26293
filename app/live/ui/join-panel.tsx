import { useTranslation } from "../../i18n/translate";
import type { JoinLink } from "../qr.server";
import { LocalLinkWarning } from "./local-link-warning";

/** How people get in: the code to type, the short link, and the same link as a QR code. */
export function JoinPanel({ join }: { join: JoinLink }) {
  const { t } = useTranslation();
  return (
    <section className="join-panel" aria-labelledby="join-title">
      <h2 id="join-title">{t("conferences:join.heading")}</h2>
      <div className="join-panel__text">
        <p className="join-panel__label">{t("conferences:join.code")}</p>
        {/* Read letter by letter: a screen reader would otherwise try to pronounce the code as a word. */}
        <p className="join-code" dir="ltr" aria-hidden="true">
          {join.code}
        </p>
        <p className="visually-hidden">{join.code.split("").join(" ")}</p>
        <p className="join-panel__label">{t("conferences:join.link")}</p>
        <p dir="ltr" className="join-link">
          <a href={join.url}>{join.url}</a>
        </p>
      </div>
      {join.local && <LocalLinkWarning />}
      <div
        className="qr"
        role="img"
        aria-label={t("conferences:join.qrLabel", { url: join.url })}
        // The SVG is made on our server from our own link (qr.server.ts), never from user input.
        dangerouslySetInnerHTML={{ __html: join.qrSvg }}
      />
    </section>
  );
}
