/**
 * Sync through a shared folder (docs/team-sync.md "Sync folder"): a folder replicated by
 * Syncthing, a network share, or a USB stick passed around. Each vault of the team runs
 * `syncFolder` on its own copy of the folder:
 *
 *   1. read every sync file in the folder addressed to this vault (by its name) that may hold
 *      changes not here yet, and import it (sync-service importSync: every check, one
 *      transaction per file). A file that fails is reported with its code and skipped; the
 *      others are still read. Applying a file twice changes nothing (changes are identified by
 *      origin and sequence), and a file whose sender's changes are all here already is not even
 *      opened (its name says up to which change of the sender it carries).
 *   2. write, for every active, verified member, one NEW file with what it lacks (nothing when
 *      it lacks nothing, or when the file for this point is already in the folder).
 *   3. remove the files this vault wrote that their member has acknowledged.
 *
 * File names: `to-<member vault id>.from-<this vault id>.<sequence>.cvsync`, where sequence is
 * this vault's change counter when it was written. Names are only hints for what to open: the
 * content is checked as fully as `sync import` checks it, so a renamed, tampered or foreign file
 * is refused, never applied. Hidden files (a replicator's or the new-file rule's temp files) are
 * passed over in silence.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { VaultError, isVaultError } from '../../../shared/errors.js';
import { get, sql } from '../db/sql.js';
import { type DomainContext, parseInput } from '../domain/context.js';
import { SYNC_EXTENSION, SYNC_LIMITS } from './bundle.js';
import { listTeamMembers } from './members.js';
import { appendSnapshot, exportSync, importSync } from './sync-service.js';

const FolderInput = z
  .string()
  .min(1)
  .max(4096)
  .refine((s) => !s.includes('\0'), 'must not contain a NUL character');

/** At most this many entries of the folder are looked at in one run. */
export const SYNC_FOLDER_MAX_ENTRIES = 10_000;
/** A sync file larger than this is not opened (its document is capped at 64 MiB; age adds little). */
export const SYNC_FOLDER_MAX_FILE_BYTES = SYNC_LIMITS.documentBytes + 4 * 1024 * 1024;

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const NAME = new RegExp(`^to-(${UUID})\\.from-(${UUID})\\.(\\d{1,15})\\${SYNC_EXTENSION}$`);

/** The name of the file from `from` to `to` at `from`'s change counter `seq`. */
export function syncFileName(to: string, from: string, seq: number): string {
  return `to-${to}.from-${from}.${seq}${SYNC_EXTENSION}`;
}

export type SyncFolderSkip =
  | 'not-a-sync-file'
  | 'not-a-regular-file'
  | 'too-large'
  | 'for-another-vault'
  | 'written-here'
  | 'already-applied'
  | 'refused';

export interface SyncFolderResult {
  folder: string;
  /** files imported, with what each brought */
  applied: Array<{
    name: string;
    memberId: string;
    received: number;
    applied: number;
    duplicates: number;
    held: number;
  }>;
  /** files written, one per member that lacked something */
  written: Array<{ name: string; memberId: string; changes: number; bytes: number }>;
  /** files refused: the code and sentence `sync import` would give */
  refused: Array<{ name: string; code: string; message: string }>;
  /** files passed over without opening (not refused): why */
  skipped: Array<{ name: string; reason: Exclude<SyncFolderSkip, 'refused'> }>;
  /** members nothing was written for, and why (not verified, nothing new, file already there) */
  notWritten: Array<{ memberId: string; reason: 'not-verified' | 'up-to-date' | 'already-in-folder' }>;
  /** members whose file could not be written (a full stick, a folder gone read-only) */
  failed: Array<{ memberId: string; code: string; message: string }>;
  /** files this vault wrote earlier that their member has acknowledged, removed */
  removed: string[];
  openConflicts: number;
}

/** Errors of this vault itself, not of one file: they stop the run. */
const FATAL = new Set(['INTERNAL', 'VAULT_LOCKED', 'DISK_FULL']);

function openFolder(dir: string): { folder: string; names: string[] } {
  const folder = path.resolve(dir);
  let st: fs.Stats;
  try {
    st = fs.statSync(folder);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT')
      throw new VaultError('NOT_FOUND', 'There is no folder at that path. Nothing was read or written.');
    throw new VaultError('IO_ERROR', 'The sync folder cannot be read. Nothing was read or written.', { cause: e });
  }
  if (!st.isDirectory()) throw new VaultError('IO_ERROR', 'That is not a folder. Nothing was read or written.');
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch (e) {
    throw new VaultError('IO_ERROR', 'The sync folder cannot be listed. Nothing was read or written.', { cause: e });
  }
  return { folder, names: names.sort().slice(0, SYNC_FOLDER_MAX_ENTRIES) };
}

function throughFrom(ctx: DomainContext, origin: string): number {
  return (
    get<{ through_seq: number }>(ctx.db, sql`SELECT through_seq FROM sync_applied WHERE origin = ${origin}`)
      ?.through_seq ?? 0
  );
}

/** Exchange with every member through `dir` (see the top). */
export async function syncFolder(ctx: DomainContext, dir: unknown): Promise<SyncFolderResult> {
  const { folder, names } = openFolder(parseInput(FolderInput, dir));
  const result: SyncFolderResult = {
    folder,
    applied: [],
    written: [],
    refused: [],
    skipped: [],
    notWritten: [],
    failed: [],
    removed: [],
    openConflicts: 0,
  };
  const ours: Array<{ name: string; to: string; seq: number }> = [];

  // 1. read what is addressed to this vault
  for (const name of names) {
    if (name.startsWith('.')) continue;
    const m = NAME.exec(name);
    if (!m) {
      result.skipped.push({ name, reason: 'not-a-sync-file' });
      continue;
    }
    const [, to, from, seqText] = m as unknown as [string, string, string, string];
    const seq = Number(seqText);
    if (from === ctx.vaultId) {
      ours.push({ name, to, seq });
      continue;
    }
    if (to !== ctx.vaultId) {
      result.skipped.push({ name, reason: 'for-another-vault' });
      continue;
    }
    const file = path.join(folder, name);
    let st: fs.Stats;
    try {
      st = fs.lstatSync(file);
    } catch {
      // gone since the listing (a replicator moved it): nothing to read
      continue;
    }
    if (!st.isFile()) {
      result.skipped.push({ name, reason: 'not-a-regular-file' });
      continue;
    }
    if (st.size > SYNC_FOLDER_MAX_FILE_BYTES) {
      result.skipped.push({ name, reason: 'too-large' });
      continue;
    }
    if (seq <= throughFrom(ctx, from)) {
      result.skipped.push({ name, reason: 'already-applied' });
      continue;
    }
    try {
      const r = await importSync(ctx, file);
      result.applied.push({
        name,
        memberId: r.memberId,
        received: r.received,
        applied: r.applied,
        duplicates: r.duplicates,
        held: r.held,
      });
    } catch (e) {
      if (!isVaultError(e) || FATAL.has(e.code)) throw e;
      result.refused.push({ name, code: e.code, message: e.message });
    }
  }

  // 2. write what each active, verified member lacks
  for (const member of listTeamMembers(ctx)) {
    if (member.removedAt !== null) continue;
    if (member.keyStatus !== 'verified') {
      result.notWritten.push({ memberId: member.id, reason: 'not-verified' });
      continue;
    }
    // a member that has nothing from us yet gets the snapshot first (exportSync would append it
    // while writing): the file's name must carry the counter after it, or the next run would
    // name the same content anew and write it again
    const started = get(
      ctx.db,
      sql`SELECT 1 AS one FROM sync_acks WHERE member_vault = ${member.vaultId} AND origin = ${ctx.vaultId}`,
    );
    if (!started) appendSnapshot(ctx, member.vaultId, member.id);
    const head = get<{ last_seq: number }>(ctx.db, sql`SELECT last_seq FROM sync_clock WHERE id = 1`)?.last_seq ?? 0;
    const pending = Number(
      get<{ n: number }>(
        ctx.db,
        sql`SELECT count(*) AS n FROM sync_changes WHERE origin = ${ctx.vaultId} AND origin_seq > ${member.acknowledged}`,
      )?.n ?? 0,
    );
    if (pending === 0) {
      result.notWritten.push({ memberId: member.id, reason: 'up-to-date' });
      continue;
    }
    const name = syncFileName(member.vaultId, ctx.vaultId, head);
    if (ours.some((o) => o.name === name) || fs.existsSync(path.join(folder, name))) {
      result.notWritten.push({ memberId: member.id, reason: 'already-in-folder' });
      continue;
    }
    try {
      const r = await exportSync(ctx, { to: member.id, out: path.join(folder, name) });
      result.written.push({ name, memberId: member.id, changes: r.changes, bytes: r.bytes });
    } catch (e) {
      // a full stick is this file's problem (DISK_FULL here is the folder's disk, not the vault's)
      if (!isVaultError(e) || e.code === 'INTERNAL' || e.code === 'VAULT_LOCKED') throw e;
      result.failed.push({ memberId: member.id, code: e.code, message: e.message });
    }
  }

  // 3. remove what this vault wrote earlier and its member holds now
  const acked = new Map(listTeamMembers(ctx).map((m) => [m.vaultId, m]));
  for (const o of ours) {
    const member = acked.get(o.to);
    // a file for a removed member is of no use to anyone; one for a vault that is no member
    // here was not written by this vault's rules: left alone
    if (!member || (member.removedAt === null && member.acknowledged < o.seq)) continue;
    try {
      const file = path.join(folder, o.name);
      if (!fs.lstatSync(file).isFile()) continue;
      fs.rmSync(file);
      result.removed.push(o.name);
    } catch {
      // already gone, or not ours to remove: leave it
    }
  }

  result.openConflicts = Number(
    get<{ n: number }>(ctx.db, sql`SELECT count(*) AS n FROM sync_conflicts WHERE resolved_at IS NULL`)?.n ?? 0,
  );
  return result;
}
