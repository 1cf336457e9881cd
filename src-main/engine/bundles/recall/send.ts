/**
 * Sending recall notices after a consent withdrawal (docs/bundle-format.md "Recall notices",
 * docs/consents.md "Withdrawal reaches partners").
 *
 * The bundle ledger already knows who received what: every sent bundle keeps its exact signed
 * manifest, and the manifest lists every entry by name (`records/people/<id>.json`,
 * `records/consents/<id>.json`). A consent names its person; the person's data went to a partner
 * in every sent bundle whose manifest listed the person's record or one of the person's consent
 * records (any series, any version). Those bundles, grouped by partner, are what a notice recalls.
 *
 *   planRecall   who received the person, per partner (the app's prompt); changes nothing
 *   writeRecalls one notice per partner into a folder (CLI `bundle recall`)
 *   writeRecall  one notice for one partner to a file the user chose (the app)
 *
 * Rules: the consent's series must be withdrawn (INVALID_TRANSITION); no sent bundle carried the
 * person → RECALL_NOTHING_TO_RECALL; a partner without a verified key → BUNDLE_PARTNER_NOT_VERIFIED
 * naming it, checked for every partner before anything is written. Files are new files (never
 * overwritten, util/new-file.ts), named `recall-<partner>-<notice id>.cvrecall`; they get their
 * names in the one transaction that records every notice in the recall ledger (status 'sent')
 * and audits each (`recall.sent`, ids and counts only). On any failure no file is left and
 * nothing is recorded.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  RECALL_EXTENSION,
  RECALL_FORMAT,
  RECALL_FORMAT_VERSION,
  PlanRecallInput,
  type RecallAction,
  type RecallNotice,
  type RecallPlan,
  type RecallRecordRef,
  type RecallWritten,
  WriteRecallInput,
  WriteRecallsInput,
} from '../../../../shared/domain/recall.js';
import { VaultError } from '../../../../shared/errors.js';
import { all, get, pluck, run, sql } from '../../db/sql.js';
import { type AuditNote, type DomainContext, mutate, nowIso, parseInput } from '../../domain/context.js';
import { contactCardOf } from '../../identity/contact-card.js';
import { keyFingerprint } from '../../identity/vault-identity.js';
import { verifiedKeysOf } from '../../partners/partner-keys.js';
import { requirePartner } from '../../partners/partner-service.js';
import { uuidv7 } from '../../util/ids.js';
import { checkNewFileTarget, newFileIoError, quotedName } from '../../util/new-file.js';
import type { AgeRecipient } from '../../age/index.js';
import { bundleRecipients } from '../age-recipients.js';
import { type SignedNotice, signNotice, writeNoticeFile } from './notice.js';

interface ConsentFacts {
  /** the id of the series' latest version (the withdrawal, when withdrawn) */
  consentId: string;
  personId: string;
  withdrawn: boolean;
}

function consentFacts(ctx: DomainContext, id: string): ConsentFacts {
  const row = get<{ series_id: string }>(ctx.db, sql`SELECT series_id FROM consents WHERE id = ${id}`);
  if (!row) throw new VaultError('NOT_FOUND', `No consent with id ${id} in this vault.`);
  const latest = get<{ id: string; person_id: string; state: string }>(
    ctx.db,
    sql`SELECT id, person_id, state FROM consents WHERE series_id = ${row.series_id} ORDER BY version DESC LIMIT 1`,
  )!;
  return { consentId: latest.id, personId: latest.person_id, withdrawn: latest.state === 'withdrawn' };
}

interface Carried {
  partnerId: string;
  bundles: string[];
  records: RecallRecordRef[];
}

/**
 * Every partner that received the person, with the sent bundles that carried the person's
 * record or consents and which of those records they carried. Partners in the order of their
 * first such bundle; bundle ids and records sorted.
 */
export function carriedTo(ctx: DomainContext, personId: string): Carried[] {
  const consentIds = all<{ id: string }>(ctx.db, sql`SELECT id FROM consents WHERE person_id = ${personId}`).map(
    (r) => r.id,
  );
  const names = [`records/people/${personId}.json`, ...consentIds.map((id) => `records/consents/${id}.json`)];
  const rows = all<{ bundle_id: string; partner_id: string | null; name: string }>(
    ctx.db,
    sql`SELECT b.id AS bundle_id, b.partner_id, json_extract(e.value, '$.name') AS name
          FROM bundles b, json_each(b.manifest, '$.entries') e
         WHERE b.direction = 'sent' AND json_extract(e.value, '$.name') IN (SELECT value FROM json_each(${JSON.stringify(names)}))
         ORDER BY b.recorded_at, b.id`,
  );
  const byPartner = new Map<string, { bundles: Set<string>; records: Map<string, RecallRecordRef> }>();
  for (const r of rows) {
    if (r.partner_id === null) continue; // a sent bundle always names its partner
    const entry = byPartner.get(r.partner_id) ?? {
      bundles: new Set<string>(),
      records: new Map<string, RecallRecordRef>(),
    };
    entry.bundles.add(r.bundle_id);
    const m = /^records\/(people|consents)\/([0-9a-f-]{36})\.json$/.exec(r.name);
    if (m) entry.records.set(r.name, { kind: m[1] as RecallRecordRef['kind'], id: m[2]! });
    byPartner.set(r.partner_id, entry);
  }
  const order = (a: RecallRecordRef, b: RecallRecordRef) =>
    a.kind === b.kind ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.kind === 'people' ? -1 : 1;
  return [...byPartner].map(([partnerId, e]) => ({
    partnerId,
    bundles: [...e.bundles].sort(),
    records: [...e.records.values()].sort(order),
  }));
}

function sentBefore(ctx: DomainContext, personId: string, partnerId: string): number {
  return Number(
    pluck<number>(
      ctx.db,
      sql`SELECT count(*) FROM recall_notices WHERE direction = 'sent' AND person_id = ${personId} AND partner_id = ${partnerId}`,
    ) ?? 0,
  );
}

/** Which partners received the person whose consent this is (the app's prompt). Changes nothing. */
export function planRecall(ctx: DomainContext, input: unknown): RecallPlan {
  const p = parseInput(PlanRecallInput, input);
  const facts = consentFacts(ctx, p.consentId);
  return {
    consentId: facts.consentId,
    personId: facts.personId,
    withdrawn: facts.withdrawn,
    partners: carriedTo(ctx, facts.personId).map((c) => ({
      partnerId: c.partnerId,
      name: requirePartner(ctx.db, c.partnerId).name,
      bundles: c.bundles,
      records: c.records,
      verifiedKeys: verifiedKeysOf(ctx, c.partnerId).length,
      sentBefore: sentBefore(ctx, facts.personId, c.partnerId),
    })),
  };
}

/** A file name for a partner's notice: letters and digits of its name, then the notice id. */
export function noticeFileName(partnerName: string, noticeId: string): string {
  const slug =
    partnerName
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40)
      .replace(/-+$/, '') || 'partner';
  return `recall-${slug}-${noticeId}${RECALL_EXTENSION}`;
}

interface Prepared {
  partnerId: string;
  out: string;
  signed: SignedNotice;
  recipients: AgeRecipient[];
  bytes: number;
}

function prepare(
  ctx: DomainContext,
  facts: ConsentFacts,
  carried: Carried,
  action: RecallAction,
  reason: string | undefined,
  out: (partnerName: string, noticeId: string) => string,
): Prepared {
  const partner = requirePartner(ctx.db, carried.partnerId);
  const keys = verifiedKeysOf(ctx, carried.partnerId);
  if (keys.length === 0) {
    throw new VaultError(
      'BUNDLE_PARTNER_NOT_VERIFIED',
      `Partner “${partner.name}” (${partner.id}) received this person's data but has no verified key, so no recall notice can be encrypted to them. Verify their key (partner verify), then write the notices again. Nothing was written.`,
    );
  }
  const createdAt = ctx.now();
  const { recipients, postQuantum } = bundleRecipients(ctx, keys);
  const notice: RecallNotice = {
    format: RECALL_FORMAT,
    formatVersion: RECALL_FORMAT_VERSION,
    noticeId: uuidv7(createdAt.getTime()),
    createdAt: createdAt.toISOString(),
    sender: contactCardOf(ctx, { postQuantum }),
    recipients: [
      ...keys.map((k) => ({ vaultId: k.vaultId, publicKey: k.publicKey })),
      { vaultId: ctx.vaultId, publicKey: ctx.identity.publicKey.toString('base64') },
    ],
    action,
    personId: facts.personId,
    consentId: facts.consentId,
    bundles: carried.bundles,
    records: carried.records,
    ...(reason !== undefined ? { reason } : {}),
  };
  const signed = signNotice(ctx, notice);
  const dest = checkNewFileTarget(out(partner.name, notice.noticeId));
  return {
    partnerId: carried.partnerId,
    out: dest,
    signed,
    recipients,
    bytes: 0,
  };
}

function record(ctx: DomainContext, p: Prepared, audit: (n: AuditNote) => void, at: string): void {
  const n = p.signed.notice;
  run(
    ctx.db,
    sql`INSERT INTO recall_notices (id, direction, partner_id, sender_vault, sender_key, notice_hash, notice, action, person_id, consent_id, bundles, records, created_at, expires_at, status, recorded_at, updated_at, receipt, counts)
        VALUES (${n.noticeId}, 'sent', ${p.partnerId}, ${ctx.vaultId}, ${ctx.identity.publicKey}, ${Buffer.from(p.signed.sha256, 'hex')}, ${p.signed.bytes.toString('utf8')}, ${n.action},
                ${n.personId}, ${n.consentId}, ${n.bundles.length}, ${n.records.length}, ${n.createdAt}, ${n.expiresAt ?? null}, 'sent', ${at}, ${at}, NULL, NULL)`,
  );
  audit({
    action: 'recall.sent',
    subject: { kind: 'recall', id: n.noticeId },
    details: {
      partnerId: p.partnerId,
      action: n.action,
      personId: n.personId,
      consentId: n.consentId,
      bundles: [...n.bundles],
      records: n.records.length,
      noticeSha256: p.signed.sha256,
      recipients: n.recipients.map((r) => keyFingerprint(Buffer.from(r.publicKey, 'base64'))),
      bytes: p.bytes,
    },
  });
}

/**
 * Write every prepared notice (each its own new file), then record them all in one
 * transaction in which the files get their names. Nested so that a failure anywhere removes
 * every file written (writeNewFile's own clean-up, from the innermost out).
 */
async function writeAll(ctx: DomainContext, items: Prepared[]): Promise<RecallWritten[]> {
  const step = async (i: number, publishers: Array<() => void>): Promise<RecallWritten[]> => {
    if (i === items.length) {
      return mutate(ctx, (audit) => {
        const at = nowIso(ctx);
        for (const p of items) record(ctx, p, audit, at);
        for (const publish of publishers) publish();
        return items.map((p) => ({
          noticeId: p.signed.notice.noticeId,
          partnerId: p.partnerId,
          file: p.out,
          action: p.signed.notice.action,
          bundles: p.signed.notice.bundles.length,
          records: p.signed.notice.records.length,
        }));
      });
    }
    const item = items[i]!;
    return writeNoticeFile(item.out, item.signed, item.recipients, (publish, bytes) => {
      item.bytes = bytes;
      return step(i + 1, [...publishers, publish]);
    });
  };
  return step(0, []);
}

function requireWithdrawn(facts: ConsentFacts): void {
  if (!facts.withdrawn) {
    throw new VaultError(
      'INVALID_TRANSITION',
      'This consent is not withdrawn: recall notices are written after the person withdraws their consent (consent withdraw), never before. Nothing was written.',
    );
  }
}

function nothingToRecall(): VaultError {
  return new VaultError(
    'RECALL_NOTHING_TO_RECALL',
    "No bundle sent from this vault carried this person's record or consents: there is nothing to recall. Nothing was written.",
  );
}

/** One notice per partner that received the person, into the folder `outDir` (see the rules at the top). */
export async function writeRecalls(ctx: DomainContext, input: unknown): Promise<RecallWritten[]> {
  const p = parseInput(WriteRecallsInput, input);
  const facts = consentFacts(ctx, p.consentId);
  requireWithdrawn(facts);
  const carried = carriedTo(ctx, facts.personId);
  if (carried.length === 0) throw nothingToRecall();
  const dir = path.resolve(p.outDir);
  let st: fs.Stats;
  try {
    st = fs.statSync(dir);
  } catch (e) {
    throw newFileIoError(
      `The folder ${quotedName(dir)} to write the recall notices into does not exist or cannot be read`,
      e,
    );
  }
  if (!st.isDirectory())
    throw new VaultError(
      'IO_ERROR',
      `${quotedName(dir)} is not a folder; give the folder to write the recall notices into.`,
    );
  // every partner is checked (verified key, free file name) before anything is written
  const items = carried.map((c) =>
    prepare(ctx, facts, c, p.action, p.reason, (name, id) => path.join(dir, noticeFileName(name, id))),
  );
  return writeAll(ctx, items);
}

/** One notice for one partner, to the new file `out` (the app: one save dialog per partner). */
export async function writeRecall(ctx: DomainContext, input: unknown): Promise<RecallWritten> {
  const p = parseInput(WriteRecallInput, input);
  const facts = consentFacts(ctx, p.consentId);
  requireWithdrawn(facts);
  const carried = carriedTo(ctx, facts.personId);
  if (carried.length === 0) throw nothingToRecall();
  const mine = carried.find((c) => c.partnerId === p.partnerId);
  if (!mine) {
    requirePartner(ctx.db, p.partnerId);
    throw new VaultError(
      'RECALL_NOTHING_TO_RECALL',
      "No bundle sent from this vault to that partner carried this person's record or consents: there is nothing to recall from them. Nothing was written.",
    );
  }
  const [written] = await writeAll(ctx, [prepare(ctx, facts, mine, p.action, p.reason, () => p.out)]);
  return written!;
}
