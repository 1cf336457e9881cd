/**
 * Ctrl+K (Cmd+K on a Mac) from anywhere in the unlocked app: go to the search screen and put the
 * cursor in its field. Mounted by the app frame, so it lives exactly as long as the vault is
 * unlocked. While a modal dialog is open the shortcut does nothing: leaving the screen under it
 * would throw away what was being typed.
 */
import { useEffect } from 'react';
import { useNav } from '../../state/navigation.js';
import { useSearch } from './search-store.js';

export function isSearchShortcut(
  e: Pick<KeyboardEvent, 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey' | 'key' | 'code'>,
): boolean {
  if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return false;
  // `code` is the physical key, so the shortcut also works with an Arabic or other non-Latin layout.
  return e.key.toLowerCase() === 'k' || e.code === 'KeyK';
}

export function useSearchShortcut(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!isSearchShortcut(e)) return;
      e.preventDefault();
      if (document.querySelector('dialog[open]')) return;
      const nav = useNav.getState();
      if (nav.route.name !== 'search') nav.go({ name: 'search' });
      useSearch.getState().requestFocus();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);
}
