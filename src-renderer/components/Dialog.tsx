/**
 * A modal dialog on the native <dialog> element: focus moves in and is trapped by the browser,
 * Escape closes it, focus returns to the opener. The lock closes every dialog (the App unmounts
 * the unlocked tree), so no modal can hold the vault open. The title stays at the top and a
 * form's buttons (its .form-actions) stay at the foot while the body between them scrolls, so a
 * long form never hides its Save on a small screen.
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { useT } from '../i18n/i18n.js';

export function Dialog({
  title,
  open,
  onClose,
  children,
}: {
  title: string;
  open: boolean;
  onClose: () => void;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const t = useT();
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) {
      d.showModal();
      // React's autoFocus ran before showModal() moved focus to the dialog's first button (the
      // close button); put it on the first field, where the user means to type.
      d.querySelector<HTMLElement>(
        '.dialog-body input:not([type=hidden]), .dialog-body select, .dialog-body textarea',
      )?.focus();
    }
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={open ? 'dialog-title' : undefined}
      onClose={onClose}
      onCancel={onClose}
    >
      {open && (
        <>
          <header className="dialog-header">
            <h2 id="dialog-title">{title}</h2>
            <button
              type="button"
              className="btn-icon"
              onClick={onClose}
              aria-label={t('action.close')}
              title={t('action.close')}
            >
              <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
                <path d="M3 3l10 10M13 3L3 13" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
              </svg>
            </button>
          </header>
          <div className="dialog-body">{children}</div>
        </>
      )}
    </dialog>
  );
}
