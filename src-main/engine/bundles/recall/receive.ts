/**
 * Applying a partner's recall notice (docs/bundle-format.md "Recall notices", "Authority").
 *
 * After the notice passed every check of notice.ts (age, archive, schema, signature, addressed
 * to us, not expired, not from us):
 *
 *   the signer's key is a VERIFIED partner key, presented by the vault the card names
 *     (else BUNDLE_SENDER_NOT_VERIFIED: no quarantine, the user verifies the key and imports again)
 *   the same notice again (same id, same bytes) → nothing changes, the stored receipt is returned
 *     ('already-applied'); another notice under a known id → DUPLICATE
 *
 * Authority: a notice reaches only records its signer originated (origin_vault = the signer's
 * vault id). Each listed record is
 *   absent   not in this vault;
 *   ignored  in this vault but originated here or at a third vault ('other-origin'), or a
 *            consent of another person than the notice's ('not-this-person'): never touched;
 *   applied  otherwise.
 *
 *   restrict: each applied record gets a row in restricted_records (restricted.ts says what that
 *     prevents); a record already restricted stays as it is.
 *   erase: the person's row (when the signer originated it) and everything of theirs from that
 *     origin are deleted: every consent of the person with that origin (listed or not), the
 *     person's names (the enquiry conflict-check index), roles (case_people), the import
 *     bookkeeping that names them (received_records, import_conflicts — which hold a received
 *     copy —, restricted_records) and their matches stored on enquiries. If records that did
 *     not come from the signer still refer to the person (consents recorded here), the person's
 *     row cannot go: it is restricted instead and listed as 'kept-for-records-here'. People are
 *     not in a full-text index (migrations/0002: notes, cases and evidence are), so no index
 *     keeps their values; secure_delete zeroes the freed pages and the WAL is checkpointed after
 *     the commit. Free text that merely mentions the person (a note) is not scanned.
 *
 * One transaction: the changes, the recall ledger row ('applied', with our signed recall
 * receipt and the counts) and the audit entry `recall.applied` (ids and counts only).
 */
import fsp from 'node:fs/promises';
import { z } from 'zod';
import { canonicalJson } from '../../../../shared/canonical-json.js';
import {
  RecallCounts,
  type RecallIgnored,
  type RecallImportResult,
  RecallReceiptFile,
} from '../../../../shared/domain/recall.js';
import { VaultError } from '../../../../shared/errors.js';
import { all, get, run, sql } from '../../db/sql.js';
import { type DomainContext, mutate, nowIso, parseInput } from '../../domain/context.js';
import { mergeSearchIndexes } from '../../search/merge-indexes.js';
import { findKeyByPublicKey } from '../../partners/partner-keys.js';
import { type CheckedNotice, readNoticeFile } from './notice.js';
import { makeRecallReceipt } from './receipts.js';
import { purgeChangesFor } from '../../sync/sync-service.js';

const PathArg = z.strictObject({
  path: z
    .string()
    .min(1)
    .max(4096)
    .refine((s) => !s.includes('\0'), 'must not contain a NUL character'),
});

async function requireFile(path: string): Promise<void> {
  try {
    const st = await fsp.stat(path);
    if (!st.isFile()) throw new VaultError('IO_ERROR', 'That is not a file.');
  } catch (e) {
    if (e instanceof VaultError) throw e;
    if ((e as NodeJS.ErrnoException).code === 'ENOENT')
      throw new VaultError('NOT_FOUND', 'There is no file at that path.');
    throw new VaultError('IO_ERROR', 'The recall notice cannot be read.', { cause: e });
  }
}

/** The signer must be a verified partner key presented by the vault its card names. */
function requireVerifiedSender(ctx: DomainContext, n: CheckedNotice): { id: string; name: string } {
  const found = findKeyByPublicKey(ctx, n.senderKey);
  const who = [n.card.organisation, n.card.name].filter((s) => s.length > 0).join(' — ') || `vault ${n.card.vaultId}`;
  if (!found || found.key.vaultId !== n.card.vaultId) {
    throw new VaultError(
      'BUNDLE_SENDER_NOT_VERIFIED',
      `This recall notice was signed by ${who}, which is not a partner of this vault. Import their contact card and verify it by comparing the safety number, then import the notice again. Nothing was changed.`,
    );
  }
  if (found.key.status !== 'verified') {
    const state =
      found.key.status === 'replaced' ? 'a key that partner has since replaced' : 'a key you have not verified yet';
    throw new VaultError(
      'BUNDLE_SENDER_NOT_VERIFIED',
      `This recall notice was signed by ${who} (partner ${found.partner.name}) with ${state}. Verify their current key by comparing the safety number (partner verify), then import the notice again. Nothing was changed.`,
    );
  }
  return { id: found.partner.id, name: found.partner.name };
}

interface ReceivedRow {
  id: string;
  direction: 'sent' | 'received';
  notice_hash: Uint8Array;
  action: 'restrict' | 'erase';
  person_id: string;
  sender_vault: string;
  receipt: string | null;
  counts: string | null;
}

/** Import (apply) a recall notice file (see the rules at the top). */
export async function importRecallNotice(ctx: DomainContext, file: string): Promise<RecallImportResult> {
  const p = parseInput(PathArg, { path: file });
  await requireFile(p.path);
  const checked = await readNoticeFile(ctx, p.path);
  const n = checked.notice;
  const partner = requireVerifiedSender(ctx, checked);
  const reported = checked.unknownFields.length > 0 ? { unknownFields: checked.unknownFields } : {};

  const existing = get<ReceivedRow>(
    ctx.db,
    sql`SELECT id, direction, notice_hash, action, person_id, sender_vault, receipt, counts FROM recall_notices WHERE id = ${n.noticeId}`,
  );
  if (existing) {
    if (existing.direction !== 'received' || Buffer.from(existing.notice_hash).toString('hex') !== checked.sha256) {
      throw new VaultError(
        'DUPLICATE',
        `A different recall notice with the same id (${n.noticeId}) is already in the recall ledger; this one cannot be trusted. Nothing was changed.`,
      );
    }
    return {
      noticeId: n.noticeId,
      result: 'already-applied',
      action: n.action,
      fromVault: checked.card.vaultId,
      partner,
      personId: n.personId,
      counts: RecallCounts.parse(JSON.parse(existing.counts!)),
      ignored: [],
      receipt: RecallReceiptFile.parse(JSON.parse(existing.receipt!)),
      ...reported,
    };
  }

  const origin = checked.card.vaultId;
  const result = mutate(ctx, (audit) => {
    const at = nowIso(ctx);
    const counts: RecallCounts = { restricted: 0, erased: 0, absent: 0, ignored: 0 };
    const ignored: RecallIgnored[] = [];
    const person = get<{ origin_vault: string }>(ctx.db, sql`SELECT origin_vault FROM people WHERE id = ${n.personId}`);
    const targets: Array<{ kind: 'people' | 'consents'; id: string }> = [];
    for (const r of n.records) {
      if (r.kind === 'people') {
        if (!person) counts.absent++;
        else if (person.origin_vault !== origin) ignored.push({ kind: 'people', id: r.id, reason: 'other-origin' });
        else targets.push(r);
        continue;
      }
      const c = get<{ person_id: string; origin_vault: string }>(
        ctx.db,
        sql`SELECT person_id, origin_vault FROM consents WHERE id = ${r.id}`,
      );
      if (!c) counts.absent++;
      else if (c.origin_vault !== origin) ignored.push({ kind: 'consents', id: r.id, reason: 'other-origin' });
      else if (c.person_id !== n.personId) ignored.push({ kind: 'consents', id: r.id, reason: 'not-this-person' });
      else targets.push(r);
    }

    // the ledger row first: restricted_records names it
    run(
      ctx.db,
      sql`INSERT INTO recall_notices (id, direction, partner_id, sender_vault, sender_key, notice_hash, notice, action, person_id, consent_id, bundles, records, created_at, expires_at, status, recorded_at, updated_at, receipt, counts)
          VALUES (${n.noticeId}, 'received', ${partner.id}, ${origin}, ${checked.senderKey}, ${Buffer.from(checked.sha256, 'hex')}, ${checked.bytes.toString('utf8')}, ${n.action},
                  ${n.personId}, ${n.consentId}, ${n.bundles.length}, ${n.records.length}, ${n.createdAt}, ${n.expiresAt ?? null}, 'applied', ${at}, ${at}, '{}', '{}')`,
    );
    const restrict = (kind: 'people' | 'consents', id: string) => {
      run(
        ctx.db,
        sql`INSERT INTO restricted_records (kind, record_id, origin_vault, notice_id, restricted_at) VALUES (${kind}, ${id}, ${origin}, ${n.noticeId}, ${at}) ON CONFLICT (kind, record_id) DO NOTHING`,
      );
      counts.restricted++;
    };

    if (n.action === 'restrict') {
      for (const t of targets) restrict(t.kind, t.id);
    } else {
      counts.erased += erasePersonFrom(ctx, n.personId, origin, person?.origin_vault === origin, (why) => {
        // the person's row must stay: restricted instead (listed, but not counted as ignored)
        ignored.push({ kind: 'people', id: n.personId, reason: why });
        restrict('people', n.personId);
      });
    }
    counts.ignored = ignored.filter((i) => i.reason !== 'kept-for-records-here').length;
    // the names and pseudonym just deleted must not live on in old full-text segments
    if (n.action === 'erase' && counts.erased > 0) mergeSearchIndexes(ctx.db);

    const receipt = makeRecallReceipt(ctx, {
      noticeId: n.noticeId,
      noticeSha256: checked.sha256,
      action: n.action,
      counts,
    });
    run(
      ctx.db,
      sql`UPDATE recall_notices SET receipt = ${canonicalJson(receipt)}, counts = ${JSON.stringify(counts)} WHERE id = ${n.noticeId}`,
    );
    audit({
      action: 'recall.applied',
      subject: { kind: 'recall', id: n.noticeId },
      details: {
        fromVault: origin,
        partnerId: partner.id,
        action: n.action,
        personId: n.personId,
        bundles: n.bundles.length,
        records: n.records.length,
        ...counts,
      },
    });
    return {
      noticeId: n.noticeId,
      result: 'applied' as const,
      action: n.action,
      fromVault: origin,
      partner,
      personId: n.personId,
      counts,
      ignored,
      receipt,
      ...reported,
    };
  });
  if (n.action === 'erase' && result.counts.erased > 0) {
    // the freed pages (zeroed by secure_delete) reach the main file; the WAL holds no copy
    ctx.db.pragma('wal_checkpoint(TRUNCATE)');
  }
  return result;
}

/**
 * Delete the person (when `ownsPerson`) and everything of theirs that `origin` originated;
 * returns the number of records (person and consent rows) deleted. `keep` is called when the
 * person's row must stay because records of another origin refer to it.
 */
function erasePersonFrom(
  ctx: DomainContext,
  personId: string,
  origin: string,
  ownsPerson: boolean,
  keep: (why: 'kept-for-records-here') => void,
): number {
  const consentIds = all<{ id: string }>(
    ctx.db,
    sql`SELECT id FROM consents WHERE person_id = ${personId} AND origin_vault = ${origin}`,
  ).map((r) => r.id);
  const idsJson = JSON.stringify(consentIds);
  const inConsents = sql`(SELECT value FROM json_each(${idsJson}))`;
  let erased = 0;
  if (consentIds.length > 0) {
    run(ctx.db, sql`DELETE FROM import_conflicts WHERE kind = 'consents' AND record_id IN ${inConsents}`);
    run(ctx.db, sql`DELETE FROM received_records WHERE kind = 'consents' AND record_id IN ${inConsents}`);
    run(ctx.db, sql`DELETE FROM restricted_records WHERE kind = 'consents' AND record_id IN ${inConsents}`);
    run(
      ctx.db,
      sql`INSERT INTO erasure_in_progress (kind, record_id) SELECT 'consents', value FROM json_each(${idsJson})`,
    );
    erased += Number(run(ctx.db, sql`DELETE FROM consents WHERE id IN ${inConsents}`).changes);
    run(ctx.db, sql`DELETE FROM erasure_in_progress`);
    // the team-sync change log holds their values too (and now the deletions, with them)
    for (const id of consentIds) purgeChangesFor(ctx.db, 'consents', id);
  }
  if (!ownsPerson) return erased;
  const othersRefer =
    get<{ n: number }>(ctx.db, sql`SELECT count(*) AS n FROM consents WHERE person_id = ${personId}`)!.n > 0;
  if (othersRefer) {
    keep('kept-for-records-here');
    return erased;
  }
  run(ctx.db, sql`DELETE FROM import_conflicts WHERE kind = 'people' AND record_id = ${personId}`);
  run(ctx.db, sql`DELETE FROM received_records WHERE kind = 'people' AND record_id = ${personId}`);
  run(ctx.db, sql`DELETE FROM restricted_records WHERE kind = 'people' AND record_id = ${personId}`);
  run(ctx.db, sql`DELETE FROM person_names WHERE person_id = ${personId}`);
  run(ctx.db, sql`DELETE FROM case_people WHERE person_id = ${personId}`);
  scrubEnquiryMatches(ctx, personId);
  erased += Number(run(ctx.db, sql`DELETE FROM people WHERE id = ${personId}`).changes);
  purgeChangesFor(ctx.db, 'people', personId);
  return erased;
}

/** Conflict-check matches stored on enquiries keep the matched name: those naming the person go. */
function scrubEnquiryMatches(ctx: DomainContext, personId: string): void {
  const rows = all<{ id: string; conflict_matches: string }>(
    ctx.db,
    sql`SELECT id, conflict_matches FROM enquiries WHERE instr(conflict_matches, ${personId}) > 0`,
  );
  for (const r of rows) {
    const matches = JSON.parse(r.conflict_matches) as Array<{ personId?: string }>;
    const kept = matches.filter((m) => m.personId !== personId);
    if (kept.length !== matches.length)
      run(ctx.db, sql`UPDATE enquiries SET conflict_matches = ${JSON.stringify(kept)} WHERE id = ${r.id}`);
  }
}
