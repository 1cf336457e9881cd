/**
 * A modal dialog on the native <dialog> element: focus moves in and is trapped by the browser,
 * Escape closes it, focus returns to the opener. The lock closes every dialog (the App unmounts
 * the unlocked tree), so no modal can hold the vault open.
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
            <button type="button" className="btn btn-link" onClick={onClose} aria-label={t('action.close')}>
              ×
            </button>
          </header>
          <div className="dialog-body">{children}</div>
        </>
      )}
    </dialog>
  );
}
