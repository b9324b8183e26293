import { useActionData } from "@remix-run/react";
import { createContext, useContext, useState, type FormEvent, type ReactNode } from "react";
import { useTranslation } from "../../i18n/translate";
import { DomainError } from "../../errors";
import { formView, type FormReply } from "../../forms";
import type { CommandReply } from "../contract";
import { newClientId, type LiveConnection, type useLiveSession } from "../use-live-session";
import { fieldsOf, participantCommands, type ParticipantEvent } from "./participant-commands";

export type ParticipantForms = {
  liveSessionId: string;
  /** Made when the page was rendered: a form posted twice from the same page counts once. */
  clientIdBase: string;
  connection: LiveConnection;
  send: ReturnType<typeof useLiveSession>["send"];
  /** Apply each command's acknowledgement to the page's state. */
  received: Receivers;
  /** The form whose plain post went through (PRG: the redirect names it). */
  saved: string | null;
};

/** What a command's acknowledgement carries when it went through (the live contract's reply). */
export type Acknowledged<E extends ParticipantEvent> = Extract<CommandReply<E>, { ok: true }>["data"];
export type Receivers = { [E in ParticipantEvent]: (data: Acknowledged<E>) => void };

/** Hands an acknowledgement to its command's receiver, typed by the command. */
function deliver<E extends ParticipantEvent>(receivers: Receivers, event: E, data: Acknowledged<E>) {
  receivers[event](data);
}

const FormsContext = createContext<ParticipantForms | null>(null);
export const ParticipantFormsProvider = FormsContext.Provider;

function useForms(): ParticipantForms {
  const forms = useContext(FormsContext);
  if (!forms) throw new Error("LiveForm needs a ParticipantFormsProvider");
  return forms;
}

/**
 * The refused plain post of this form, if the page shows one (decision 036), with what was sent,
 * so a form without JavaScript can be filled in again.
 */
export function useRefusedPost(formId: string) {
  const view = formView(useActionData<FormReply>(), formId);
  return view.error ? { ...view, error: view.error } : null;
}

/** A text the refused post sent, to put back into its field. */
export function sentText(refused: ReturnType<typeof useRefusedPost>, name: string): string | undefined {
  return refused?.sentText(name);
}

type Status =
  | { kind: "idle" | "pending" | "saved" }
  | { kind: "refused"; messageKey: string; values?: Record<string, string | number> };

type Props = {
  /**
   * The form's id: unique on the page, sent as the `formId` field the reply names (decision 036),
   * and the element id the redirect after a plain post scrolls back to.
   */
  formId: string;
  intent: string;
  /**
   * A short tag that makes this form's clientId unique on the page: the server stores a
   * submission that arrives twice (a retry, a second click on the same page) once.
   */
  once?: string;
  hidden?: Record<string, string>;
  /** Clear what was typed once it went through (comments, proposals), keep choices (ratings). */
  resetOnSuccess?: boolean;
  className?: string;
  "aria-labelledby"?: string;
  children: ReactNode;
};

/**
 * A participant's action as a real form: without JavaScript a plain POST to the page (which
 * redirects back), with it the matching socket command, acknowledged in place. The answer appears
 * in this form's status line, which screen readers announce.
 */
export function LiveForm({ formId, intent, once, hidden = {}, resetOnSuccess = false, className, children, ...labels }: Props) {
  const forms = useForms();
  const { t } = useTranslation();
  const refused = useRefusedPost(formId);
  const [status, setStatus] = useState<Status>(
    refused
      ? { kind: "refused", messageKey: refused.error.messageKey, values: refused.error.values }
      : forms.saved === formId
        ? { kind: "saved" }
        : { kind: "idle" },
  );

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (status.kind === "pending") return;
    const form = event.currentTarget;
    const fields = fieldsOf(form);
    // Each submission without a reload is new; socket.io's retries resend this same id.
    if (once) fields.clientId = newClientId();
    let commands;
    try {
      commands = participantCommands(fields, forms.liveSessionId);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      setStatus({ kind: "refused", messageKey: error.messageKey, values: error.values });
      return;
    }
    setStatus({ kind: "pending" });
    for (const command of commands) {
      const reply = await forms.send(command.event, command.payload);
      if (!reply.ok) {
        setStatus({ kind: "refused", messageKey: reply.error.messageKey, values: reply.error.values });
        return;
      }
      deliver(forms.received, command.event, reply.data);
    }
    setStatus({ kind: "saved" });
    if (resetOnSuccess) form.reset();
  }

  const message =
    status.kind === "refused"
      ? t(status.messageKey, status.values)
      : status.kind === "saved"
        ? t("live:form.saved")
        : status.kind === "pending"
          ? t(forms.connection === "offline" ? "live:form.queued" : "live:form.sending")
          : "";

  return (
    <form method="post" id={formId} className={className} onSubmit={submit} {...labels}>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="formId" value={formId} />
      {once && <input type="hidden" name="clientId" value={`${forms.clientIdBase}-${once}`} />}
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      <p role="status" className={`live-form__status live-form__status--${status.kind}`}>
        {message}
      </p>
    </form>
  );
}
