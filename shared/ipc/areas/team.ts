/**
 * Team sync (docs/team-sync.md): the team members — other vaults of this organisation, added
 * from their contact card and verified by safety number like a partner — and the exchange of
 * sync bundles with them: to a file, from a file, or through a shared folder; the conflicts two
 * members' concurrent edits left, and the status the Team and home screens show.
 *
 * Files are handles from main's dialogs: a card from files.chooseOpen({kind: 'contact-card'}), a
 * bundle to import from files.chooseOpen({kind: 'sync'}), a bundle to write from
 * files.chooseSaveTarget({kind: 'sync'}), a folder from files.chooseFolder (a 'save' handle: a
 * place the engine reads from and writes into). Answers leave paths out.
 */
import { z } from 'zod';
import { Id, ShortText } from '../../domain/common.js';
import { engineCall, NoInput } from '../kit.js';
import { FileHandle } from './app.js';

const Count = z.number().int().nonnegative();
const Instant = z.string();
const KeyStatus = z.enum(['unverified', 'verified', 'replaced']).nullable();
const FieldValue = z.union([z.string(), z.number(), z.null()]);
const ConflictId = z.string().regex(/^[0-9a-f]{64}$/, 'must be a conflict id');

export const TeamMember = z.strictObject({
  id: Id,
  name: z.string(),
  vaultId: z.string(),
  /** the member's current key (its safety number: partners.safetyNumber({keyId})) */
  keyId: z.string().nullable(),
  keyStatus: KeyStatus,
  fingerprint: z.string().nullable(),
  addedAt: Instant,
  removedAt: Instant.nullable(),
  /** this vault's changes the member acknowledged holding */
  acknowledged: Count,
});
export type TeamMember = z.infer<typeof TeamMember>;

export const SyncMemberStatus = z.strictObject({
  id: Id,
  name: z.string(),
  /** the name on the member's contact card (a person or laptop; `name` is the organisation's) */
  cardName: z.string().nullable(),
  vaultId: z.string(),
  keyStatus: KeyStatus,
  removedAt: Instant.nullable(),
  lastReceivedAt: Instant.nullable(),
  lastSentAt: Instant.nullable(),
  /** changes made here the member has not acknowledged */
  pending: Count,
});
export type SyncMemberStatus = z.infer<typeof SyncMemberStatus>;

export const SyncStatus = z.strictObject({
  members: z.array(SyncMemberStatus),
  lastSyncAt: Instant.nullable(),
  openConflicts: Count,
  /** cases with an open conflict on the case or one of its records */
  conflictCaseIds: z.array(z.string()),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

export const SyncConflict = z.strictObject({
  id: ConflictId,
  kind: z.string(),
  recordId: z.string(),
  field: z.string(),
  /** the value each side wrote, who (origin vault) and when (clock: wall ms and a counter) */
  sides: z.array(
    z.strictObject({
      origin: z.string().nullable(),
      hlc: z.string().nullable(),
      value: FieldValue,
      local: z.boolean(),
    }),
  ),
  shown: FieldValue,
  detectedAt: Instant,
  resolvedAt: Instant.nullable(),
});
export type SyncConflict = z.infer<typeof SyncConflict>;

export const SyncExported = z.strictObject({ bundleId: z.string(), memberId: Id, changes: Count, bytes: Count });
export type SyncExported = z.infer<typeof SyncExported>;

export const SyncImported = z.strictObject({
  bundleId: z.string(),
  memberId: Id,
  received: Count,
  duplicates: Count,
  applied: Count,
  held: Count,
  openConflicts: Count,
  /** records erased here because the member erased them */
  erased: Count,
  /** relayed changes left out: their origin is not a verified member here */
  notFromMembers: Count,
});
export type SyncImported = z.infer<typeof SyncImported>;

export const SyncFolderResult = z.strictObject({
  applied: z.array(
    z.strictObject({
      name: z.string(),
      memberId: Id,
      received: Count,
      applied: Count,
      duplicates: Count,
      held: Count,
    }),
  ),
  written: z.array(z.strictObject({ name: z.string(), memberId: Id, changes: Count, bytes: Count })),
  refused: z.array(z.strictObject({ name: z.string(), code: z.string(), message: z.string() })),
  skipped: z.array(
    z.strictObject({
      name: z.string(),
      reason: z.enum([
        'not-a-sync-file',
        'not-a-regular-file',
        'too-large',
        'for-another-vault',
        'written-here',
        'already-applied',
      ]),
    }),
  ),
  notWritten: z.array(
    z.strictObject({ memberId: Id, reason: z.enum(['not-verified', 'up-to-date', 'already-in-folder']) }),
  ),
  failed: z.array(z.strictObject({ memberId: Id, code: z.string(), message: z.string() })),
  removed: z.array(z.string()),
  openConflicts: Count,
});
export type SyncFolderResult = z.infer<typeof SyncFolderResult>;

export const teamArea = {
  /** every member, removed ones too (with removedAt), oldest first */
  list: engineCall(NoInput, z.array(TeamMember)),
  /** add a member from its contact card (`file` from files.chooseOpen({kind: 'contact-card'})); unverified until verify */
  add: engineCall(z.strictObject({ file: FileHandle }), TeamMember, { fileFields: { file: 'open' } }),
  /** verify the member's current key by the safety number compared with them; a mismatch is SAFETY_NUMBER_MISMATCH */
  verifyMember: engineCall(
    z.strictObject({ id: Id, safetyNumber: z.string().min(1).max(400), verifiedBy: ShortText }),
    TeamMember,
  ),
  /** nothing is sent to the member any more and its bundles are refused (kept, with the date) */
  remove: engineCall(z.strictObject({ id: Id }), TeamMember),
} as const;

export const syncArea = {
  /** per member: last received and sent, pending changes; open conflicts and the cases they touch */
  status: engineCall(NoInput, SyncStatus),
  /** a sync bundle for a member, to a new file (`target` from files.chooseSaveTarget({kind: 'sync'})) */
  export: engineCall(z.strictObject({ to: Id, target: FileHandle }), SyncExported, {
    fileFields: { target: 'save' },
  }),
  /** apply a member's sync bundle (`file` from files.chooseOpen({kind: 'sync'})) */
  import: engineCall(z.strictObject({ file: FileHandle }), SyncImported, { fileFields: { file: 'open' } }),
  /** exchange with every member through a shared folder (`folder` from files.chooseFolder) */
  folder: engineCall(z.strictObject({ folder: FileHandle }), SyncFolderResult, { fileFields: { folder: 'save' } }),
  /** open conflicts (every one with `all`), oldest first */
  conflicts: engineCall(z.strictObject({ all: z.boolean().optional() }), z.array(SyncConflict)),
  /** settle a conflict: keep the value written here (local) or the other member's (incoming) */
  resolveConflict: engineCall(z.strictObject({ id: ConflictId, keep: z.enum(['local', 'incoming']) }), SyncConflict),
} as const;
