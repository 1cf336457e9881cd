/** Which gate or the app, by session phase; the document's language and direction follow settings. */
import { useEffect } from 'react';
import { useSession } from '../state/session.js';
import { isRtl, useT } from '../i18n/i18n.js';
import { CreateVault } from '../features/vault/CreateVault.js';
import { Unlock } from '../features/vault/Unlock.js';
import { AppFrame } from './AppFrame.js';

/** The whole tree is keyed by the lock epoch: a lock drops every component and its state. */
export function App() {
  const epoch = useSession((s) => s.epoch);
  return <Gate key={epoch} />;
}

function Gate() {
  const phase = useSession((s) => s.phase);
  const language = useSession((s) => s.language);
  const t = useT();

  useEffect(() => {
    document.documentElement.lang = language;
    document.documentElement.dir = isRtl(language) ? 'rtl' : 'ltr';
    document.title = t('app.name');
  }, [language, t]);

  switch (phase) {
    case 'starting':
      return (
        <main className="gate" id="main">
          <p role="status">{t('vault.starting')}</p>
        </main>
      );
    case 'absent':
      return <CreateVault />;
    case 'locked':
      return <Unlock />;
    case 'unlocked':
      return <AppFrame />;
  }
}
