/**
 * THE IPC contract: every call the renderer can make, one entry each (channel = `area.method`).
 * See kit.ts for what an entry holds and who reads the table. Adding a call means adding it
 * here, answering it in the engine (src-main/engine/api/handlers) or in main
 * (src-main/app/core/shell.ts), and nothing else: the preload and the router follow the table.
 */
import type { ApiOf, ChannelOf } from './kit.js';
import { auditArea } from './areas/audit.js';
import { vaultArea } from './areas/vault.js';
import { clipboardArea, filesArea, sessionArea, settingsArea, viewerArea } from './areas/app.js';
// case-domain areas (one import per area)
import { casesArea } from './areas/cases.js';
import { peopleArea } from './areas/people.js';
import { enquiriesArea } from './areas/enquiries.js';
import { consentsArea } from './areas/consents.js';
import { evidenceArea } from './areas/evidence.js';
import { notesArea } from './areas/notes.js';
import { searchArea } from './areas/search.js';
import { deadlinesArea } from './areas/deadlines.js';
import { outcomesArea } from './areas/outcomes.js';
import { partnersArea } from './areas/partners.js';
import { risksArea } from './areas/risks.js';
import { identityArea } from './areas/identity.js';
import { bundlesArea } from './areas/bundles.js';
import { proposalsArea } from './areas/proposals.js';
import { reportsArea } from './areas/reports.js';
import { policyArea } from './areas/policy.js';
import { agendaArea } from './areas/agenda.js';
import { backupArea } from './areas/backup.js';
import { importArea } from './areas/import.js';
import { syncArea, teamArea } from './areas/team.js';

export const CONTRACT = {
  vault: vaultArea,
  audit: auditArea,
  session: sessionArea,
  settings: settingsArea,
  files: filesArea,
  clipboard: clipboardArea,
  viewer: viewerArea,
  // case-domain areas (one line per area)
  cases: casesArea,
  people: peopleArea,
  enquiries: enquiriesArea,
  consents: consentsArea,
  evidence: evidenceArea,
  notes: notesArea,
  search: searchArea,
  deadlines: deadlinesArea,
  outcomes: outcomesArea,
  partners: partnersArea,
  risks: risksArea,
  identity: identityArea,
  bundles: bundlesArea,
  proposals: proposalsArea,
  reports: reportsArea,
  policy: policyArea,
  agenda: agendaArea,
  backup: backupArea,
  import: importArea,
  team: teamArea,
  sync: syncArea,
} as const;

export type Contract = typeof CONTRACT;
export type Channel = ChannelOf<Contract>;
export type VaultCalls = ApiOf<Contract>;
