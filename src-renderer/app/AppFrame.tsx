/**
 * The unlocked app: skip link, navigation (grouped, with badges counting what needs action),
 * the lock button (and Ctrl/Cmd+L everywhere), the panic button (Ctrl/Cmd+Shift+L, state/session.ts),
 * and the current screen. Unmounted entirely when
 * the vault locks, which closes any open dialog with it.
 */
import { useEffect, useRef } from 'react';
import { useT } from '../i18n/i18n.js';
import { useNav } from '../state/navigation.js';
import { useSession } from '../state/session.js';
import { NAV_GROUPS, SCREENS, type NavBadge } from './screens.js';
import { useSearchShortcut } from '../features/search/use-search-shortcut.js';
import { useAgenda } from '../features/home/agenda-store.js';
import type { MessageKey } from '../i18n/catalogue.js';
import './app-frame.css';

export function AppFrame() {
  const t = useT();
  const route = useNav((s) => s.route);
  const go = useNav((s) => s.go);
  const lock = useSession((s) => s.lock);
  const panic = useSession((s) => s.panic);
  const mainRef = useRef<HTMLElement>(null);
  const Screen = SCREENS[route.name];
  useSearchShortcut(); // Ctrl/Cmd+K: the search field, from anywhere
  const counts = useAgenda((s) => s.agenda?.counts);
  const loadAgenda = useAgenda((s) => s.load);
  useEffect(() => {
    void loadAgenda();
  }, [loadAgenda]);
  const badges: Record<NavBadge, { count: number; text: MessageKey }> = {
    overdue: { count: counts?.overdueDeadlines ?? 0, text: 'nav.badge.overdue' },
    enquiries: { count: counts?.openEnquiries ?? 0, text: 'nav.badge.enquiries' },
    inbox: { count: counts?.inboxNeedsAction ?? 0, text: 'nav.badge.inbox' },
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'l') {
        e.preventDefault();
        void lock();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [lock]);

  // Move focus to the new screen's heading so screen-reader users hear where they are (or to the
  // part of the screen the route names, marked data-arrival-focus, e.g. Settings → Backup).
  useEffect(() => {
    const main = mainRef.current;
    (main?.querySelector<HTMLElement>('[data-arrival-focus]') ?? main?.querySelector<HTMLElement>('h1'))?.focus();
  }, [route.name]);

  return (
    <div className="frame">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="topbar">
        <p className="brand">{t('app.name')}</p>
        <div className="topbar-actions">
          <button
            type="button"
            className="btn btn-secondary lock-button"
            onClick={() => void lock()}
            title={t('lock.hint')}
            aria-keyshortcuts="Control+L"
          >
            {t('lock.button')}
          </button>
          <button
            type="button"
            className="btn btn-danger panic-button"
            onClick={panic}
            title={t('panic.hint')}
            aria-describedby="panic-hint"
            aria-keyshortcuts="Control+Shift+L Meta+Shift+L"
          >
            {t('panic.button')}
          </button>
          <span id="panic-hint" className="visually-hidden">
            {t('panic.hint')}
          </span>
        </div>
      </header>
      <nav className="sidebar" aria-label={t('nav.label')}>
        {NAV_GROUPS.map((group) => (
          <div className="nav-group" key={group.label}>
            <h2 className="nav-group-heading" id={`nav-${group.label}`}>
              {t(group.label)}
            </h2>
            <ul aria-labelledby={`nav-${group.label}`}>
              {group.items.map((item) => {
                const current = item.match.includes(route.name);
                const badge = item.badge ? badges[item.badge] : undefined;
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
                      {badge && badge.count > 0 ? (
                        <span className={`nav-badge nav-badge-${item.badge}`}>
                          <span aria-hidden="true">{badge.count}</span>
                          <span className="visually-hidden">, {t(badge.text, { count: badge.count })}</span>
                        </span>
                      ) : null}
                    </a>
                  </li>
                );
              })}
            </ul>
          </div>
        ))}
      </nav>
      <main className="content" id="main" ref={mainRef} tabIndex={-1}>
        {Screen ? <Screen /> : null}
      </main>
    </div>
  );
}
