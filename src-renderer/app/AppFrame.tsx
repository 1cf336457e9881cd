/**
 * The unlocked app: skip link, navigation, the lock button (and Ctrl/Cmd+L everywhere), and the
 * current screen. Unmounted entirely when the vault locks, which closes any open dialog with it.
 */
import { useEffect, useRef } from 'react';
import { useT } from '../i18n/i18n.js';
import { useNav } from '../state/navigation.js';
import { useSession } from '../state/session.js';
import { NAV_ITEMS, SCREENS } from './screens.js';
import { useSearchShortcut } from '../features/search/use-search-shortcut.js';

export function AppFrame() {
  const t = useT();
  const route = useNav((s) => s.route);
  const go = useNav((s) => s.go);
  const lock = useSession((s) => s.lock);
  const mainRef = useRef<HTMLElement>(null);
  const Screen = SCREENS[route.name];
  useSearchShortcut(); // Ctrl/Cmd+K: the search field, from anywhere

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'l') {
        e.preventDefault();
        void lock();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [lock]);

  // Move focus to the new screen's heading so screen-reader users hear where they are.
  useEffect(() => {
    mainRef.current?.querySelector<HTMLElement>('h1')?.focus();
  }, [route.name]);

  return (
    <div className="frame">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="topbar">
        <p className="brand">{t('app.name')}</p>
        <button
          type="button"
          className="btn btn-secondary lock-button"
          onClick={() => void lock()}
          title={t('lock.hint')}
          aria-keyshortcuts="Control+L"
        >
          {t('lock.button')}
        </button>
      </header>
      <nav className="sidebar" aria-label={t('nav.label')}>
        <ul>
          {NAV_ITEMS.map((item) => {
            const current = item.match.includes(route.name);
            return (
              <li key={item.label}>
                <a
                  href="#"
                  aria-current={current ? 'page' : undefined}
                  onClick={(e) => {
                    e.preventDefault();
                    go(item.route);
                  }}
                >
                  {t(item.label)}
                </a>
              </li>
            );
          })}
        </ul>
      </nav>
      <main className="content" id="main" ref={mainRef} tabIndex={-1}>
        {Screen ? <Screen /> : null}
      </main>
    </div>
  );
}
