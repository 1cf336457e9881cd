/**
 * What team sync carries: the record kinds (src-main/engine/records/) and the side tables that
 * are casework too (a case's tags and team, a person's role in a case, a person's names).
 *
 * A record kind is keyed by its `id`; every column travels except the local ones below. A side
 * table is keyed by its primary key columns (its record id is the JSON array of them); its rows
 * are added and removed as a whole (last writer by clock wins the row's existence).
 */
import { RECORD_DESCRIPTIONS } from '../records/index.js';

/** Columns that stay in this vault, and why. */
const LOCAL_COLUMNS: Readonly<Record<string, string>> = {
  seq: 'the local row number behind the list and search indexes',
  version: "this vault's edit counter (optimistic concurrency of its own forms)",
  next_deadline_on: 'computed here from the deadlines by triggers',
  blob_id: "the file's place in this vault's blob store (evidence files do not travel yet)",
  enquiry_id: 'links to an enquiry of this vault (enquiries are not synced)',
};

/** Columns whose concurrent edits are settled by clock without recording a conflict. */
export const QUIET_COLUMNS: ReadonlySet<string> = new Set(['created_at', 'updated_at', 'origin_vault']);

export interface RecordKind {
  readonly shape: 'record';
  readonly name: string;
  readonly columns: readonly string[];
  /** versions are never edited nor deleted: only inserts travel (consents) */
  readonly appendOnly: boolean;
}

export interface SideKind {
  readonly shape: 'side';
  readonly name: string;
  readonly key: readonly string[];
  readonly values: readonly string[];
  /** the record kind each key column points to (for purging and for the record-exists check) */
  readonly parent: { readonly column: string; readonly kind: string };
}

export type SyncKind = RecordKind | SideKind;

const records: RecordKind[] = Object.values(RECORD_DESCRIPTIONS).map((d) => ({
  shape: 'record',
  name: d.name,
  // a consent's version is its place in its series (a withdrawal is version + 1), not an edit counter
  columns: Object.keys(d.columns).filter((c) => !(c in LOCAL_COLUMNS) || (d.name === 'consents' && c === 'version')),
  appendOnly: d.name === 'consents',
}));

const sides: SideKind[] = [
  {
    shape: 'side',
    name: 'case_tags',
    key: ['case_id', 'tag'],
    values: [],
    parent: { column: 'case_id', kind: 'cases' },
  },
  {
    shape: 'side',
    name: 'case_team',
    key: ['case_id', 'member'],
    values: ['role'],
    parent: { column: 'case_id', kind: 'cases' },
  },
  {
    shape: 'side',
    name: 'case_people',
    key: ['case_id', 'person_id', 'role'],
    values: ['added_at'],
    parent: { column: 'case_id', kind: 'cases' },
  },
  {
    shape: 'side',
    name: 'person_names',
    key: ['person_id', 'kind', 'name'],
    values: ['name_key'],
    parent: { column: 'person_id', kind: 'people' },
  },
];

export const SYNC_KINDS: ReadonlyMap<string, SyncKind> = new Map<string, SyncKind>(
  [...records, ...sides].map((k) => [k.name, k]),
);

export function columnsOf(k: SyncKind): readonly string[] {
  return k.shape === 'record' ? k.columns : [...k.key, ...k.values];
}

/**
 * Two kinds of change that are no record: an erasure made on the origin (record id: the erased
 * person, case or evidence item; fields: `{ kind }`), applied through the erasure service; and
 * a purged change (record id '-', no values): the place in its origin's sequence of a change
 * whose values an erasure removed, kept so that the sequence has no gap.
 */
export const ERASURE_KIND = 'erasures';
export const PURGED_KIND = 'purged';
export const ERASED_KINDS = ['person', 'case', 'evidence'] as const;
export type ErasedKind = (typeof ERASED_KINDS)[number];
export const TABLE_OF_ERASED: Readonly<Record<ErasedKind, string>> = {
  person: 'people',
  case: 'cases',
  evidence: 'evidence',
};
