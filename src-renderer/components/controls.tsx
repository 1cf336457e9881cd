/**
 * Form controls with their labels, hints and errors wired for screen readers: every input has a
 * visible <label>, hints and errors are linked with aria-describedby, errors are announced.
 * A control with a `name` inside a <Form> shows the error the form holds for that name; a
 * required one is marked in its label and checked by the form, not the browser. Typed text
 * takes its direction from its first strong letter (dir="auto"), whatever the interface's.
 */
import {
  useId,
  type ReactNode,
  type InputHTMLAttributes,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  type ButtonHTMLAttributes,
} from 'react';
import { useFieldError } from './Form.js';
import { useFormat, useT } from '../i18n/i18n.js';

export function Button({
  variant = 'secondary',
  ...rest
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: 'primary' | 'secondary' | 'danger' | 'link' }) {
  return <button type="button" {...rest} className={`btn btn-${variant} ${rest.className ?? ''}`} />;
}

interface FieldProps {
  label: string;
  /** the control's name: the enclosing <Form>'s errors for it are shown here */
  name?: string;
  hint?: string;
  error?: string | null;
  required?: boolean;
  /** text shown after the control (a chosen date, spelled out) */
  after?: ReactNode;
  children: (ids: { id: string; describedBy: string | undefined; invalid: boolean }) => ReactNode;
}

export function Field({ label, name, hint, error: ownError, required, after, children }: FieldProps) {
  const t = useT();
  const id = useId();
  const formError = useFieldError(name, id);
  const error = ownError ?? formError;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field ${error ? 'field-invalid' : ''}`}>
      {/* the control's own `required` tells screen readers; the mark beside the label tells the eye */}
      <div className="field-label">
        <label htmlFor={id}>{label}</label>
        {required && (
          <span className="field-required" aria-hidden="true">
            ({t('form.requiredMark')})
          </span>
        )}
      </div>
      {children({ id, describedBy, invalid: Boolean(error) })}
      {after}
      {hint && (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={errorId} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

type Labelled = { label: string; hint?: string; error?: string | null };

export function TextField({
  label,
  hint,
  error,
  ...input
}: Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> & Labelled) {
  return (
    <Field label={label} name={input.name} hint={hint} error={error} required={input.required}>
      {({ id, describedBy, invalid }) => (
        <input id={id} dir="auto" aria-describedby={describedBy} aria-invalid={invalid || undefined} {...input} />
      )}
    </Field>
  );
}

/**
 * A calendar day: the native date picker, with the chosen day spelled out in the interface's
 * own format beside it (the picker itself follows the system's, not the app's, language).
 */
export function DateField({
  label,
  hint,
  error,
  ...input
}: Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'type'> & Labelled) {
  const t = useT();
  const f = useFormat();
  const value = typeof input.value === 'string' ? input.value : '';
  const chosen = /^\d{4}-\d{2}-\d{2}$/.test(value) ? f.day(value) : '';
  return (
    <Field
      label={label}
      hint={hint}
      name={input.name}
      error={error}
      required={input.required}
      after={chosen && <p className="field-chosen">{t('form.dayChosen', { day: chosen })}</p>}
    >
      {({ id, describedBy, invalid }) => (
        <input id={id} type="date" aria-describedby={describedBy} aria-invalid={invalid || undefined} {...input} />
      )}
    </Field>
  );
}

export function TextArea({
  label,
  hint,
  error,
  ...input
}: Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> & Labelled) {
  return (
    <Field label={label} name={input.name} hint={hint} error={error} required={input.required}>
      {({ id, describedBy, invalid }) => (
        <textarea id={id} dir="auto" aria-describedby={describedBy} aria-invalid={invalid || undefined} {...input} />
      )}
    </Field>
  );
}

export function SelectField({
  label,
  hint,
  error,
  options,
  ...select
}: Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> &
  Labelled & {
    options: ReadonlyArray<{ value: string; label: string }>;
  }) {
  return (
    <Field label={label} name={select.name} hint={hint} error={error} required={select.required}>
      {({ id, describedBy, invalid }) => (
        <select id={id} aria-describedby={describedBy} aria-invalid={invalid || undefined} {...select}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export function Checkbox({
  label,
  ...input
}: Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'id'> & { label: string }) {
  const id = useId();
  return (
    <div className="checkbox">
      <input type="checkbox" id={id} {...input} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}
