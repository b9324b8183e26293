import type { ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

/** The ids a control is described by: its hint, its own error, and e.g. the form's error. */
export function describedBy(id: string, hint?: string, error?: string, also?: string): string | undefined {
  return [hint && `${id}-hint`, error && `${id}-error`, also].filter(Boolean).join(" ") || undefined;
}

function Messages({ id, hint, error }: { id: string; hint?: string; error?: string }) {
  return (
    <>
      {hint && (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      )}
      {error && (
        <span id={`${id}-error`} className="field-error">
          {error}
        </span>
      )}
    </>
  );
}

type Common = { id: string; label: ReactNode; hint?: string; error?: string; alsoDescribedBy?: string };

/** A labelled textarea whose hint and error a screen reader announces with it (as Field does for inputs). */
export function TextAreaField({
  id,
  label,
  hint,
  error,
  alsoDescribedBy,
  ...rest
}: Common & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id">) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        rows={4}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error, alsoDescribedBy)}
        {...rest}
      />
      <Messages id={id} hint={hint} error={error} />
    </div>
  );
}

/** A labelled select, with the same hint and error wiring. */
export function SelectField({
  id,
  label,
  hint,
  error,
  alsoDescribedBy,
  children,
  ...rest
}: Common & Omit<SelectHTMLAttributes<HTMLSelectElement>, "id">) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error, alsoDescribedBy)} {...rest}>
        {children}
      </select>
      <Messages id={id} hint={hint} error={error} />
    </div>
  );
}
