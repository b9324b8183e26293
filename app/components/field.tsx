import type { InputHTMLAttributes } from "react";

type FieldProps = {
  id: string;
  label: string;
  /** Already translated; linked to the input with aria-describedby. */
  hint?: string;
  error?: string;
  /** Ids of further descriptions, such as a form-wide error. */
  alsoDescribedBy?: string;
} & Omit<InputHTMLAttributes<HTMLInputElement>, "id">;

/** A labelled input whose hint and error a screen reader announces with it. */
export function Field({ id, label, hint, error, alsoDescribedBy, ...input }: FieldProps) {
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`, alsoDescribedBy].filter(Boolean).join(" ");
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy || undefined} {...input} />
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
    </div>
  );
}
