/**
 * One button that opens a short list of actions (the WAI-ARIA menu button pattern): Enter, Space
 * or ↓ open it on the first action, ↑ on the last; ↑ ↓ Home End move, Escape closes and returns to
 * the button, Tab closes and moves on. Choosing an action closes the menu and puts focus back on
 * the button first, so a dialog the action opens hands focus back there when it closes.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';

export interface MenuAction {
  label: string;
  onSelect: () => void;
  disabled?: boolean;
}

export function ActionsMenu({
  label,
  accessibleLabel,
  actions,
}: {
  /** the button's visible text */
  label: string;
  /** what a screen reader hears, naming the item (rows of a table all read "Actions" otherwise) */
  accessibleLabel?: string;
  actions: MenuAction[];
}) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);

  useEffect(() => {
    if (!open) return;
    menu.current?.querySelectorAll<HTMLElement>('[role=menuitem]')[active]?.focus();
  }, [open, active]);

  useEffect(() => {
    if (!open) return;
    const outside = (e: MouseEvent) => {
      const target = e.target as Node;
      if (!menu.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('mousedown', outside);
    return () => document.removeEventListener('mousedown', outside);
  }, [open]);

  const show = (at: number) => {
    setActive(at);
    setOpen(true);
  };
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  const choose = (action: MenuAction) => {
    if (action.disabled) return;
    close();
    action.onSelect();
  };

  const onButtonKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      show(0);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      show(actions.length - 1);
    }
  };
  const onMenuKey = (e: KeyboardEvent) => {
    const last = actions.length - 1;
    const moves: Record<string, number> = {
      ArrowDown: active === last ? 0 : active + 1,
      ArrowUp: active === 0 ? last : active - 1,
      Home: 0,
      End: last,
    };
    if (e.key in moves) {
      e.preventDefault();
      setActive(moves[e.key]!);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      close();
    } else if (e.key === 'Tab') {
      setOpen(false);
    }
  };

  return (
    <div className="actions-menu">
      <button
        ref={button}
        type="button"
        id={`${id}-button`}
        className="btn btn-secondary actions-menu-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? `${id}-menu` : undefined}
        aria-label={accessibleLabel}
        onClick={() => (open ? setOpen(false) : show(0))}
        onKeyDown={onButtonKey}
      >
        {label} <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <ul
          ref={menu}
          id={`${id}-menu`}
          role="menu"
          aria-labelledby={`${id}-button`}
          className="actions-menu-list"
          onKeyDown={onMenuKey}
        >
          {actions.map((action, i) => (
            <li key={action.label} role="none">
              <button
                type="button"
                role="menuitem"
                tabIndex={i === active ? 0 : -1}
                aria-disabled={action.disabled || undefined}
                className="actions-menu-item"
                onClick={() => choose(action)}
                onMouseEnter={() => setActive(i)}
              >
                {action.label}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
