/**
 * The table that holds each kind of record a bundle carries, as an SQL fragment taken from the
 * kind's table description (engine/records), so that a per-kind lookup is one query shape
 * instead of a switch of seven.
 */
import type { SharingKind } from '../../../shared/domain/partners.js';
import type { SqlFragment } from '../db/sql.js';
import { RECORD_DESCRIPTIONS } from '../records/index.js';

export const RECORD_TABLE: Readonly<Record<SharingKind, SqlFragment>> = Object.fromEntries(
  Object.entries(RECORD_DESCRIPTIONS).map(([kind, d]) => [kind, d.table]),
) as Record<SharingKind, SqlFragment>;
