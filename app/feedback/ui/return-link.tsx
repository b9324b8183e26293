import { Form } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useTranslation } from "../../i18n/translate";
import { usePageForm } from "../../components/page-form";

export type ReturnLinkShown = { url: string; qrSvg: string };

/**
 * The participant's personal link back to their input (docs/decisions/031). Only its hash is kept,
 * so the link shows once, right after it is made; making one again replaces it.
 */
export function ReturnLink({ conferenceId }: { conferenceId: string }) {
  const { t } = useTranslation();
  const headingId = `return-link-${conferenceId}`;
  const shown = usePageForm<ReturnLinkShown>(headingId).done;
  return (
    <section aria-labelledby={headingId} className="card return-link">
      <h3 id={headingId} tabIndex={-1}>
        {t("feedback:returnLink.heading")}
      </h3>
      <p>{t("feedback:returnLink.intro")}</p>
      {shown ? (
        <>
          <p className="notice" role="status">
            {t("feedback:returnLink.ready")}
          </p>
          <label htmlFor={`${headingId}-url`}>{t("feedback:returnLink.label")}</label>
          <input id={`${headingId}-url`} className="return-link__url" dir="ltr" readOnly value={shown.url} />
          <CopyButton text={shown.url} />
          <div
            className="qr return-link__qr"
            role="img"
            aria-label={t("feedback:returnLink.qr")}
            // Made on our server from our own link (qr.server.ts), never from user input.
            dangerouslySetInnerHTML={{ __html: shown.qrSvg }}
          />
          <p>
            <strong>{t("feedback:returnLink.secret")}</strong>
          </p>
        </>
      ) : null}
      <p className="hint">{t("feedback:returnLink.replaces")}</p>
      <Form method="post" action="/my-input" className="actions">
        <input type="hidden" name="intent" value="returnLink" />
        <input type="hidden" name="conferenceId" value={conferenceId} />
        <button type="submit" className={shown ? "button button--secondary" : "button"}>
          {shown ? t("feedback:returnLink.makeAgain") : t("feedback:returnLink.make")}
        </button>
      </Form>
    </section>
  );
}

/** Copying needs the clipboard API, so the button appears only once the page's script runs. */
function CopyButton({ text }: { text: string }) {
  const { t } = useTranslation();
  const [available, setAvailable] = useState(false);
  const [copied, setCopied] = useState(false);
  useEffect(() => setAvailable(typeof navigator !== "undefined" && Boolean(navigator.clipboard)), []);
  if (!available) return null;
  return (
    <p className="actions">
      <button type="button" className="button button--secondary" onClick={() => void navigator.clipboard.writeText(text).then(() => setCopied(true))}>
        {t("feedback:returnLink.copy")}
      </button>
      <span role="status">{copied ? t("feedback:returnLink.copied") : ""}</span>
    </p>
  );
}
