/**
 * A form that says what is wrong, on the field: the browser's own validation bubbles are off
 * (noValidate), required fields left empty are reported by the app in the interface language,
 * and the engine's INVALID_INPUT naming a field is shown under that field (aria-invalid,
 * aria-describedby), focus moving to it. Only an error that belongs to no field on the form
 * shows as the general notice.
 */
import {
  createContext,
  useCallback,
  useContext,
  useLayoutEffect,
  useRef,
  useState,
  type FormEvent,
  type FormHTMLAttributes,
  type ReactNode,
} from 'react';
import type { CallError } from '../../shared/ipc/kit.js';
import { invalidFieldOf } from '../../shared/zod-message.js';
import { useT, type Translate } from '../i18n/i18n.js';
import { ErrorNotice } from './feedback.js';

/** Field name → the sentence to show under it. */
export type FieldErrors = Readonly<Record<string, string>>;

const FieldErrorContext = createContext<FieldErrors>({});
const GeneralErrorContext = createContext<CallError | null>(null);

/**
 * The error the enclosing <Form> holds for a control: by its name (how the engine's errors are
 * matched), else by its id (a required control the form found blank, named or not).
 */
export function useFieldError(name: string | undefined, id: string): string | null {
  const errors = useContext(FieldErrorContext);
  return (name ? errors[name] : undefined) ?? errors[id] ?? null;
}

/**
 * The form's error that belongs to no field, where the form wants it (above its buttons). A
 * <Form> given `actions` places it itself.
 */
export function FormNotice({ onRetry }: { onRetry?: () => void }) {
  return <ErrorNotice error={useContext(GeneralErrorContext)} onRetry={onRetry} />;
}

/** The field of `form` an INVALID_INPUT error names (its full path, else its first segment). */
function fieldForError(form: HTMLFormElement, error: CallError, t: Translate): FieldErrors | null {
  if (error.code !== 'INVALID_INPUT') return null;
  const field = invalidFieldOf(error.message);
  if (!field) return null;
  const candidates = [field.path, field.path.split('.')[0]!];
  const name = candidates.find((n) => form.querySelector(`[name="${CSS.escape(n)}"]`));
  if (!name) return null;
  const sentence =
    field.reason === 'required'
      ? t('form.error.required')
      : field.reason === 'too-long'
        ? t('form.error.tooLong', { max: field.max ?? 0 })
        : t('form.error.invalid');
  return { [name]: sentence };
}

/** Required controls of `form` left blank, by name. */
function missingRequired(form: HTMLFormElement, t: Translate): FieldErrors {
  const out: Record<string, string> = {};
  for (const el of Array.from(form.elements)) {
    if (!(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement)) {
      continue;
    }
    const key = el.name || el.id;
    if (!el.required || !key || el.disabled) continue;
    const blank = el instanceof HTMLInputElement && el.type === 'checkbox' ? !el.checked : el.value.trim() === '';
    if (blank) out[key] = t('form.error.required');
  }
  return out;
}

function focusFirstInvalid(form: HTMLFormElement, errors: FieldErrors) {
  const first = Array.from(form.elements).find(
    (el): el is HTMLElement =>
      el instanceof HTMLElement &&
      (Object.hasOwn(errors, el.id) || ('name' in el && Object.hasOwn(errors, String(el.name)))),
  );
  first?.focus();
}

export function Form({
  onSubmit,
  error,
  busy,
  fieldErrors,
  actions,
  children,
  ...rest
}: Omit<FormHTMLAttributes<HTMLFormElement>, 'onSubmit' | 'noValidate'> & {
  /** runs only when every required field is filled */
  onSubmit: (e: FormEvent<HTMLFormElement>) => void | Promise<void>;
  /** the last failed call of this form */
  error?: CallError | null;
  busy?: boolean;
  /** errors the form found itself (an amount it could not read), by field name */
  fieldErrors?: FieldErrors;
  /** the buttons, after the general notice (else place <FormNotice/>); kept in view in a dialog */
  actions?: ReactNode;
  children: ReactNode;
}) {
  const t = useT();
  const ref = useRef<HTMLFormElement>(null);
  const [missing, setMissing] = useState<FieldErrors>({});
  const [fromEngine, setFromEngine] = useState<FieldErrors | null>(null);

  // The engine's answer is matched to a field once the form is on screen, before paint.
  useLayoutEffect(() => {
    const form = ref.current;
    const mapped = form && error ? fieldForError(form, error, t) : null;
    setFromEngine(mapped);
    if (form && mapped) focusFirstInvalid(form, mapped);
  }, [error, t]);

  const submit = useCallback(
    (e: FormEvent<HTMLFormElement>) => {
      e.preventDefault();
      const form = e.currentTarget;
      const blank = missingRequired(form, t);
      setMissing(blank);
      if (Object.keys(blank).length) {
        focusFirstInvalid(form, blank);
        return;
      }
      void onSubmit(e);
    },
    [onSubmit, t],
  );

  // Editing a field withdraws what was said about it.
  const edited = (e: FormEvent<HTMLFormElement>) => {
    const target = e.target as { name?: unknown; id?: unknown };
    for (const key of [target.name, target.id]) {
      if (typeof key !== 'string' || !key) continue;
      if (Object.hasOwn(missing, key)) setMissing(({ [key]: _, ...others }) => others);
      if (fromEngine && Object.hasOwn(fromEngine, key)) setFromEngine(null);
    }
  };

  const errors: FieldErrors = { ...fromEngine, ...fieldErrors, ...missing };
  const general = error && !fromEngine ? error : null;
  return (
    <FieldErrorContext.Provider value={errors}>
      <GeneralErrorContext.Provider value={general}>
        <form ref={ref} noValidate onSubmit={submit} onInput={edited} aria-busy={busy} {...rest}>
          {children}
          {actions && (
            <>
              <ErrorNotice error={general} />
              <div className="form-actions">{actions}</div>
            </>
          )}
        </form>
      </GeneralErrorContext.Provider>
    </FieldErrorContext.Provider>
  );
}
