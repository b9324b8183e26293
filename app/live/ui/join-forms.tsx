import { useTranslation } from "../../i18n/translate";
import { usePageForm } from "../../components/page-form";
import { participantGroups } from "../limits";

/** The way in: a GET form, so the code lands in the address and works without JavaScript. */
export function JoinCodeForm({
  code = "",
  error,
}: {
  code?: string;
  error?: { messageKey: string; values: Record<string, string | number> } | null;
}) {
  const { t } = useTranslation();
  return (
    <form method="get" action="/join" className="join-form">
      {error && (
        <p id="join-code-error" className="form-error" role="alert">
          {t(error.messageKey, error.values)}
        </p>
      )}
      <div className="field">
        <label htmlFor="join-code">{t("live:join.code")}</label>
        <input
          id="join-code"
          name="code"
          className="join-form__code"
          defaultValue={code}
          required
          maxLength={6}
          dir="ltr"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "join-code-hint join-code-error" : "join-code-hint"}
        />
        <span id="join-code-hint" className="hint">
          {t("live:join.codeHint")}
        </span>
      </div>
      <button type="submit" className="button join-form__submit">
        {t("live:join.next")}
      </button>
    </form>
  );
}

type ProfileProps = {
  languages: { code: string; name: string }[];
  language: string;
  /** The conference's districts (proper names, in German). */
  districts: string[];
};

/** Language first, because it is the one thing needed; everything else may stay empty. */
export function JoinProfileForm({ languages, language, districts }: ProfileProps) {
  const { t } = useTranslation();
  // A refused join keeps what was chosen, so nothing is asked twice without JavaScript.
  const { error, errorId, describe, fieldErrorId, fieldMessage, sentText } = usePageForm("join", { wholePage: true });
  const fieldError = (field: string) =>
    fieldMessage(field) ? (
      <span id={fieldErrorId(field)} className="field-error">
        {fieldMessage(field)}
      </span>
    ) : null;
  return (
    <form method="post" className="join-form">
      {error && (
        <p id={errorId} className="form-error" role="alert">
          {t(error.messageKey, error.values)}
        </p>
      )}
      <div className="field">
        <label htmlFor="join-language">{t("live:join.language")}</label>
        <select id="join-language" name="language" defaultValue={sentText("language") ?? language} {...describe("language")}>
          {languages.map((l) => (
            <option key={l.code} value={l.code} lang={l.code}>
              {l.name}
            </option>
          ))}
        </select>
        {fieldError("language")}
      </div>
      <div className="field">
        <label htmlFor="join-displayName">{t("live:join.displayName")}</label>
        <input
          id="join-displayName"
          name="displayName"
          maxLength={60}
          autoComplete="nickname"
          defaultValue={sentText("displayName")}
          {...describe("displayName", "join-displayName-hint")}
        />
        <span id="join-displayName-hint" className="hint">
          {t("live:join.displayNameHint")}
        </span>
        {fieldError("displayName")}
      </div>
      <div className="field">
        <label htmlFor="join-group">{t("live:join.group")}</label>
        <select id="join-group" name="group" defaultValue={sentText("group") ?? ""} {...describe("group")}>
          <option value="">{t("live:join.groupNone")}</option>
          {participantGroups.map((group) => (
            <option key={group} value={group}>
              {t(`live:group.${group}`)}
            </option>
          ))}
        </select>
        {fieldError("group")}
      </div>
      <div className="field">
        <label htmlFor="join-district">{t("live:join.district")}</label>
        <select id="join-district" name="district" defaultValue={sentText("district") ?? ""} {...describe("district")}>
          <option value="">{t("live:join.districtNone")}</option>
          {districts.map((district) => (
            <option key={district} value={district} lang="de">
              {district}
            </option>
          ))}
        </select>
        {fieldError("district")}
      </div>
      <button type="submit" className="button join-form__submit">
        {t("live:join.submit")}
      </button>
    </form>
  );
}
