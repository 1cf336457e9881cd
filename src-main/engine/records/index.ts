/**
 * The table description of every record kind a bundle carries (table.ts says what a
 * description holds and what is derived from it).
 */
import type { SharingKind } from '../../../shared/domain/partners.js';
import { CASES } from './cases.js';
import { CONSENTS } from './consents.js';
import { DEADLINES } from './deadlines.js';
import { EVIDENCE } from './evidence.js';
import { NOTES } from './notes.js';
import { OUTCOMES } from './outcomes.js';
import { PEOPLE } from './people.js';
import type { TableDescription } from './table.js';

export const RECORD_DESCRIPTIONS = {
  cases: CASES,
  people: PEOPLE,
  consents: CONSENTS,
  evidence: EVIDENCE,
  notes: NOTES,
  deadlines: DEADLINES,
  outcomes: OUTCOMES,
} as const satisfies Record<SharingKind, TableDescription>;
