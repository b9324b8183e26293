import { useActionData, useFetcher } from "@remix-run/react";
import { useEffect, useRef, type ReactNode } from "react";
import { useTranslation } from "../i18n/translate";
import type { FormError } from "../forms.server";
import type { ActionResult } from "./action-result";

export type FormState = {
  error: FormError | undefined;
  done: boolean;
  busy: boolean;
  /** What was sent when the command was refused, to fill the form in again. */
  sent: Record<string, string | string[]> | undefined;
  /** Ties an input to its own error and to the form's message, for screen readers. */
  describe(field: string, hintId?: string): { "aria-invalid"?: true; "aria-describedby"?: string };
  /** The field's error message, placed where the form wants it; `messageKey` words it for this form. */
  fieldError(field: string, messageKey?: string): ReactNode;
};

type Props = {
  formId: string;
  intent: string;
  /** Hidden inputs the command needs, such as the item's id. */
  values?: Record<string, string>;
  className?: string;
  "aria-label"?: string;
  "aria-labelledby"?: string;
  /** Clear what was typed once the command went through (a reason, a question). */
  resetOnSuccess?: boolean;
  children: ReactNode | ((state: FormState) => ReactNode);
};

const domId = (value: string) => value.replace(/[^A-Za-z0-9_-]/g, "-");

/**
 * A moderator's command as a real form: a plain POST without JavaScript, a fetcher with it, so
 * the page stays where it is and the socket events bring the change. The answer of either way
 * is shown at this form only.
 */
export function ActionForm({ formId, intent, values = {}, className, resetOnSuccess, children, ...labels }: Props) {
  const { t } = useTranslation();
  const fetcher = useFetcher<ActionResult>({ key: formId });
  const page = useActionData<ActionResult>();
  const result = fetcher.data ?? (page?.formId === formId ? page : undefined);
  const error = result && "error" in result ? result.error : undefined;
  const done = Boolean(result && "ok" in result && fetcher.state === "idle");
  const formRef = useRef<HTMLFormElement>(null);
  const base = domId(formId);
  const errorId = `${base}-error`;

  useEffect(() => {
    if (resetOnSuccess && fetcher.state === "idle" && fetcher.data && "ok" in fetcher.data) formRef.current?.reset();
  }, [resetOnSuccess, fetcher.state, fetcher.data]);

  const state: FormState = {
    error,
    done,
    busy: fetcher.state !== "idle",
    sent: result && "error" in result ? result.values : undefined,
    describe(field, hintId) {
      const own = error?.fields[field] ? `${base}-${domId(field)}-error` : undefined;
      const ids = [hintId, own, error ? errorId : undefined].filter(Boolean).join(" ");
      return { ...(own ? { "aria-invalid": true as const } : {}), ...(ids ? { "aria-describedby": ids } : {}) };
    },
    fieldError(field, messageKey) {
      const key = error?.fields[field];
      return key ? (
        <span id={`${base}-${domId(field)}-error`} className="field-error">
          {t(messageKey ?? key)}
        </span>
      ) : null;
    },
  };

  return (
    <fetcher.Form method="post" ref={formRef} className={className} {...labels}>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="formId" value={formId} />
      {Object.entries(values).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {typeof children === "function" ? children(state) : children}
      {error && (
        <p id={errorId} className="form-error" role="alert">
          {t(error.messageKey, error.values)}
        </p>
      )}
    </fetcher.Form>
  );
}
