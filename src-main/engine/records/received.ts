/**
 * What the writers of received records (each in its area's service) share: how a write is
 * asked for, and how a field the sender's profile left out is filled (docs/bundle-format.md,
 * "Placeholders"). Orchestration — which records are written, conflicts, origin — is
 * bundles/apply.ts.
 */
import { BUNDLE_RECORD_SCHEMAS } from '../../../shared/domain/bundles.js';
import type { SharingKind } from '../../../shared/domain/partners.js';
import { type Columns, type RowOf, type TableDescription, camelOf } from './table.js';

/** A new row, or an overwrite of the local row as this version. */
export type ReceivedWrite = { insert: true } | { insert: false; version: number };

/** Stands for a NOT NULL text the sender did not share. */
export const NOT_SHARED = 'Not shared';

const has = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/** The incoming value when the record carries the field, else the current value, else the fallback. */
export function pick<T>(rec: object, key: string, current: T | undefined, fallback: T): T {
  if (has(rec, key)) return (rec as Record<string, unknown>)[key] as T;
  return current !== undefined ? current : fallback;
}

/**
 * The columns of a received record, from the description: every column whose key the bundle
 * record may carry takes the incoming value when the record carries it, else (on an update)
 * the current one, else its placeholder, else NULL for a nullable column (a NOT NULL column
 * with no placeholder is left to its SQL default). Identity and links are the caller's.
 */
export function receivedValues<C extends Columns>(
  desc: TableDescription<C>,
  kind: SharingKind,
  rec: object,
  current: RowOf<C> | undefined,
  placeholders: Partial<RowOf<C>>,
): Partial<RowOf<C>> {
  const wire = BUNDLE_RECORD_SCHEMAS[kind].shape as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [column, spec] of Object.entries(desc.columns)) {
    const key = camelOf(column);
    if (!(key in wire) || IDENTITY.has(column)) continue;
    const fallback =
      column in placeholders
        ? (placeholders as Record<string, unknown>)[column]
        : spec.type.safeParse(null).success
          ? null
          : undefined;
    const v = pick(rec, key, current ? (current as Record<string, unknown>)[column] : undefined, fallback);
    if (v !== undefined) out[column] = v;
  }
  return out as Partial<RowOf<C>>;
}

const IDENTITY = new Set(['id', 'version', 'origin_vault', 'case_id', 'person_id', 'series_id']);
