import { useActionData } from "@remix-run/react";
import { useTranslation } from "../i18n/translate";
import { formView, type FormReply } from "../forms";

/**
 * The page's own reply (a plain `<Form>` post, with or without JavaScript) as the form `formId`
 * shows it (decision 036); `wholePage` when the page has one message area for all its forms.
 */
export function usePageForm<Done = null>(formId: string, options?: { wholePage?: boolean }) {
  const { t } = useTranslation();
  const reply = useActionData<FormReply<Done>>();
  const view = formView(reply, formId, options);
  return {
    ...view,
    /** The reply itself: a new one on every post, for effects that follow each answer. */
    reply,
    /** The field's own message in the reader's language, for `Field`'s `error`. */
    fieldMessage(field: string): string | undefined {
      const key = view.fieldKey(field);
      return key ? t(key) : undefined;
    },
  };
}
