import { useActionData, useFetcher } from "@remix-run/react";
import { useEffect, useRef, type ReactNode } from "react";
import { useTranslation } from "../i18n/translate";
import { formView, type FormReply, type FormView } from "../forms";

export type FormState = Omit<FormView<unknown>, "done"> & {
  /** The command went through and nothing is on its way. */
  done: boolean;
  busy: boolean;
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

/**
 * A moderator's command as a real form: a plain POST without JavaScript, a fetcher with it, so
 * the page stays where it is and the socket events bring the change. The reply of either way
 * (decision 036) is shown at this form only.
 */
export function ActionForm({ formId, intent, values = {}, className, resetOnSuccess, children, ...labels }: Props) {
  const { t } = useTranslation();
  const fetcher = useFetcher<FormReply<unknown>>({ key: formId });
  const page = useActionData<FormReply<unknown>>();
  const view = formView(fetcher.data ?? page, formId);
  const formRef = useRef<HTMLFormElement>(null);
  const { error } = view;

  useEffect(() => {
    if (resetOnSuccess && fetcher.state === "idle" && fetcher.data?.ok) formRef.current?.reset();
  }, [resetOnSuccess, fetcher.state, fetcher.data]);

  const state: FormState = {
    ...view,
    done: view.accepted && fetcher.state === "idle",
    busy: fetcher.state !== "idle",
    fieldError(field, messageKey) {
      const key = view.fieldKey(field);
      return key ? (
        <span id={view.fieldErrorId(field)} className="field-error">
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
        <p id={view.errorId} className="form-error" role="alert">
          {t(error.messageKey, error.values)}
        </p>
      )}
    </fetcher.Form>
  );
}
