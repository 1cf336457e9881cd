/**
 * All catalogues, merged. A feature adds its messages with one import and one spread line.
 * Keys are namespaced by feature ('cases.title', 'consents.state.given', …).
 */
import type { Locale } from './define.js';
import { commonMessages } from './common-messages.js';
import { vaultMessages } from '../features/vault/messages.js';
import { casesMessages } from '../features/cases/messages.js';
import { searchMessages } from '../features/search/messages.js';
import { auditMessages } from '../features/audit/messages.js';
import { settingsMessages } from '../features/settings/messages.js';
import { caseDetailMessages } from '../features/case-detail/messages.js';
import { peopleMessages } from '../features/people/messages.js';
import { consentsMessages } from '../features/consents/messages.js';
import { evidenceMessages } from '../features/evidence/messages.js';
import { notesMessages } from '../features/notes/messages.js';
import { deadlinesMessages } from '../features/deadlines/messages.js';
import { outcomesMessages } from '../features/outcomes/messages.js';
import { enquiriesMessages } from '../features/enquiries/messages.js';
import { partnersMessages } from '../features/partners/messages.js';
import { risksMessages } from '../features/risks/messages.js';
import { identityMessages } from '../features/identity/messages.js';
import { shareMessages } from '../features/share/messages.js';
import { inboxMessages } from '../features/inbox/messages.js';
import { partnerKeysMessages } from '../features/partner-keys/messages.js';
import { reportsMessages } from '../features/reports/messages.js';
import { proposalsMessages } from '../features/proposals/messages.js';
import { homeMessages } from '../features/home/messages.js';
import { erasureMessages } from '../features/erasure/messages.js';
import { backupMessages } from '../features/backup/messages.js';
import { importMessages } from '../features/import/messages.js';
import { teamMessages } from '../features/team/messages.js';
// feature catalogues (one import per feature)

function merge<T extends Record<Locale, Record<string, string>>[]>(...parts: T) {
  const out = { en: {}, fr: {}, es: {}, ar: {} } as Record<Locale, Record<string, string>>;
  for (const p of parts) for (const l of Object.keys(out) as Locale[]) Object.assign(out[l], p[l]);
  return out;
}

export const CATALOGUE = merge(
  commonMessages,
  vaultMessages,
  casesMessages,
  searchMessages,
  auditMessages,
  settingsMessages,
  caseDetailMessages,
  peopleMessages,
  consentsMessages,
  evidenceMessages,
  notesMessages,
  deadlinesMessages,
  outcomesMessages,
  enquiriesMessages,
  partnersMessages,
  risksMessages,
  identityMessages,
  shareMessages,
  inboxMessages,
  partnerKeysMessages,
  reportsMessages,
  proposalsMessages,
  homeMessages,
  erasureMessages,
  backupMessages,
  importMessages,
  teamMessages,
  // feature catalogues (one line per feature)
);

type KeysOf<M> = M extends { en: infer E } ? keyof E : never;
export type MessageKey =
  | KeysOf<typeof commonMessages>
  | KeysOf<typeof vaultMessages>
  | KeysOf<typeof casesMessages>
  | KeysOf<typeof searchMessages>
  | KeysOf<typeof auditMessages>
  | KeysOf<typeof settingsMessages>
  | KeysOf<typeof caseDetailMessages>
  | KeysOf<typeof peopleMessages>
  | KeysOf<typeof consentsMessages>
  | KeysOf<typeof evidenceMessages>
  | KeysOf<typeof notesMessages>
  | KeysOf<typeof deadlinesMessages>
  | KeysOf<typeof outcomesMessages>
  | KeysOf<typeof enquiriesMessages>
  | KeysOf<typeof partnersMessages>
  | KeysOf<typeof risksMessages>
  | KeysOf<typeof identityMessages>
  | KeysOf<typeof shareMessages>
  | KeysOf<typeof inboxMessages>
  | KeysOf<typeof partnerKeysMessages>
  | KeysOf<typeof reportsMessages>
  | KeysOf<typeof proposalsMessages>
  | KeysOf<typeof homeMessages>
  | KeysOf<typeof erasureMessages>
  | KeysOf<typeof backupMessages>
  | KeysOf<typeof importMessages>
  | KeysOf<typeof teamMessages>;
// feature catalogues (one union member per feature)
