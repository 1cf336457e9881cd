// Two vaults that know each other, a realistic case to share, and a builder for bundles made
// from arbitrary parts (for the refusal suite).
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PrivateKey } from '@signalapp/libsignal-client';
import { canonicalJson } from '../../../shared/canonical-json.js';
import { all, sql } from '../../../src-main/engine/db/sql.js';
import { type DomainContext, domainContext } from '../../../src-main/engine/domain/context.js';
import { type AgeRecipient, X25519Recipient, encryptAge } from '../../../src-main/engine/age/index.js';
import { writeTar } from '../../../src-main/engine/tar/tar.js';
import { createCase } from '../../../src-main/engine/cases/case-service.js';
import { addConsent, withdrawConsent } from '../../../src-main/engine/consents/consent-service.js';
import { addDeadline } from '../../../src-main/engine/deadlines/deadline-service.js';
import { addEvidenceFromSource } from '../../../src-main/engine/evidence/evidence-service.js';
import { cardFileText, contactCardOf } from '../../../src-main/engine/identity/contact-card.js';
import { updateIdentity } from '../../../src-main/engine/identity/identity-service.js';
import { safetyNumberDigits } from '../../../src-main/engine/identity/safety-number.js';
import { signatureDigest } from '../../../src-main/engine/identity/vault-identity.js';
import { addNote } from '../../../src-main/engine/notes/note-service.js';
import { addOutcome } from '../../../src-main/engine/outcomes/outcome-service.js';
import {
  addAgreement,
  getPartner,
  setSharingProfile,
  updatePartner,
} from '../../../src-main/engine/partners/partner-service.js';
import { importContactCard, verifyPartnerKey } from '../../../src-main/engine/partners/partner-keys.js';
import { createPerson, linkPerson } from '../../../src-main/engine/people/person-service.js';
import { uuidv7 as uuid7 } from '../../../src-main/engine/util/ids.js';
import { Vault } from '../../../src-main/engine/vault/vault.js';
import { FAST_KDF, PASSPHRASE, collect, newVault, openVault, snapshot, tempDir } from '../../helpers.js';

export interface Side {
  vault: Vault;
  dir: string;
  ctx: DomainContext;
  setNow(iso: string): void;
  /** the other vault, as a partner of this one */
  partnerId: string;
  /** lock, snapshot the whole vault folder, unlock again (ctx keeps working) */
  frozen(): Promise<Map<string, Buffer>>;
}

/** Vaults that outlive one test (beforeAll): not in tests/helpers' per-test clean-up; closeAll() in afterAll. */
const persistentDirs: string[] = [];
const persistentVaults: Array<() => Vault> = [];

export function closePersistent(): void {
  for (const v of persistentVaults.splice(0)) v().lock();
  for (const d of persistentDirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
}

async function persistentVault(): Promise<{ vault: Vault; dir: string }> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cv-bundle-suite-'));
  persistentDirs.push(root);
  const dir = path.join(root, 'vault');
  const { vault } = await Vault.create(dir, { passphrase: PASSPHRASE, kdf: FAST_KDF });
  return { vault, dir };
}

export async function side(
  name: string,
  organisation: string,
  persistent: boolean,
): Promise<Omit<Side, 'partnerId'> & { partnerId: string }> {
  const { vault, dir } = persistent ? await persistentVault() : await newVault();
  let now = new Date('2026-11-21T12:00:00.000Z');
  let current = vault;
  const ctx: DomainContext = {
    get db() {
      return current.db;
    },
    get blobs() {
      return current.blobs;
    },
    get identity() {
      return current.identity;
    },
    vaultId: vault.id,
    now: () => now,
  };
  updateIdentity(domainContext(vault), { name, organisation });
  if (persistent) persistentVaults.push(() => current);
  const s = {
    get vault() {
      return current;
    },
    dir,
    ctx,
    setNow: (iso: string) => {
      now = new Date(iso.length === 10 ? `${iso}T12:00:00.000Z` : iso);
    },
    partnerId: '',
    frozen: async () => {
      current.lock();
      const snap = snapshot(dir);
      current = persistent ? await Vault.open(dir, { passphrase: PASSPHRASE }) : await openVault(dir);
      return snap;
    },
  };
  return s;
}

/**
 * Clear a partner under the default partner policy (docs/partners.md): due diligence approved
 * and a signed confidentiality agreement with no end date.
 */
export function clearPartner(ctx: DomainContext, partnerId: string): void {
  const p = getPartner(ctx, partnerId);
  if (p.ddOutcome !== 'approved')
    updatePartner(ctx, { id: partnerId, expectedVersion: p.version, ddOutcome: 'approved' });
  addAgreement(ctx, { partnerId, kind: 'confidentiality', signedOn: '2026-01-05' });
}

/**
 * Sender and recipient: each imported the other's card and verified it (safety number), and
 * each cleared the other under the partner policy (unless `clear: false`).
 */
export async function twoVaults(
  opts: {
    verify?: { sender?: boolean; recipient?: boolean };
    persistent?: boolean;
    clear?: boolean;
    /** exchange version 1 cards (no post-quantum key), as with a partner on an older Case Vault */
    classic?: boolean;
  } = {},
): Promise<{ sender: Side; recipient: Side }> {
  const sender = await side('Asha Njeri', 'Haki Litigation Centre', opts.persistent === true);
  const recipient = await side('Tomás Ruiz', 'Partner Legal Aid', opts.persistent === true);
  const card = (s: Side) => cardFileText(contactCardOf(s.ctx, { postQuantum: opts.classic !== true }));
  const a = importContactCard(sender.ctx, { card: card(recipient), kind: 'ngo' });
  const b = importContactCard(recipient.ctx, { card: card(sender), kind: 'ngo' });
  sender.partnerId = a.partner.id;
  recipient.partnerId = b.partner.id;
  const digits = safetyNumberDigits(
    { vaultId: sender.ctx.vaultId, publicKey: sender.ctx.identity.publicKey },
    { vaultId: recipient.ctx.vaultId, publicKey: recipient.ctx.identity.publicKey },
  ).digits;
  if (opts.verify?.sender !== false)
    verifyPartnerKey(sender.ctx, { keyId: a.key.id, safetyNumber: digits, verifiedBy: 'Asha', how: 'in-person' });
  if (opts.verify?.recipient !== false)
    verifyPartnerKey(recipient.ctx, { keyId: b.key.id, safetyNumber: digits, verifiedBy: 'Tomás', how: 'in-person' });
  if (opts.clear !== false) {
    clearPartner(sender.ctx, sender.partnerId);
    clearPartner(recipient.ctx, recipient.partnerId);
  }
  return { sender, recipient };
}

/** Verify, on `s`, the key of its partner (after the fact). */
export function verifyPartner(s: Side, other: Side): void {
  const key = getPartner(s.ctx, s.partnerId).keys.find((k) => k.status === 'unverified')!;
  const digits = safetyNumberDigits(
    { vaultId: s.ctx.vaultId, publicKey: s.ctx.identity.publicKey },
    { vaultId: other.ctx.vaultId, publicKey: other.ctx.identity.publicKey },
  ).digits;
  verifyPartnerKey(s.ctx, { keyId: key.id, safetyNumber: digits, verifiedBy: 'someone', how: 'read-aloud' });
}

export interface Seeded {
  caseId: string;
  survivorId: string;
  witnessId: string;
  survivorConsentId: string;
  witnessConsentId: string;
  evidenceId: string;
  metaOnlyEvidenceId: string;
  fileBytes: Buffer;
  noteId: string;
  deadlineId: string;
  outcomeId: string;
}

/**
 * A case with a survivor (consented to sharing with the partner) and a witness (consented to
 * "partner organisations", then withdrew), two evidence items (one will travel with its file),
 * a note, a deadline and an outcome. The partner's profile shares a realistic selection.
 */
export async function seedCase(s: Side, fileSize = 200_000): Promise<Seeded> {
  const { ctx } = s;
  const partner = getPartner(ctx, s.partnerId);
  setSharingProfile(ctx, {
    partnerId: s.partnerId,
    expectedVersion: partner.version,
    allow: [
      {
        kind: 'cases',
        fields: ['reference', 'title', 'status', 'forum', 'country', 'sensitivity', 'opened-on', 'tags', 'recorded-at'],
      },
      { kind: 'people', fields: ['pseudonym', 'gender', 'birth-year', 'country', 'roles'] },
      { kind: 'consents' },
      {
        kind: 'evidence',
        fields: ['title', 'type', 'file-name', 'media-type', 'size', 'sha256', 'received-at', 'file'],
      },
      { kind: 'notes' },
      { kind: 'deadlines' },
      { kind: 'outcomes' },
    ],
  });
  const c = createCase(ctx, {
    title: 'Detention of A.B. at Kilima station',
    forum: 'regional-commission',
    country: 'KE',
    sensitivity: 'extreme',
    summary: 'Secret summary',
    strategy: 'Secret strategy',
    tags: ['detention', 'torture'],
  });
  const survivor = createPerson(ctx, {
    fullName: 'Amina Bekele',
    pseudonym: 'AB-1',
    gender: 'female',
    birthDate: '1990-04-02',
    country: 'KE',
    contact: '+254 700 000 001',
    safetyNotes: 'Lives near the border crossing',
  });
  const witness = createPerson(ctx, { fullName: 'Juma Otieno', pseudonym: 'W-2', contact: 'juma@example.org' });
  linkPerson(ctx, { personId: survivor.id, caseId: c.id, role: 'survivor' });
  linkPerson(ctx, { personId: witness.id, caseId: c.id, role: 'witness' });
  const told = ['nature', 'purpose', 'use', 'consequences', 'right-to-refuse', 'right-to-withdraw'] as const;
  const sc = addConsent(ctx, {
    personId: survivor.id,
    caseId: c.id,
    purpose: 'sharing',
    recipient: { partnerId: s.partnerId },
    told: [...told],
    method: 'written',
    givenAt: '2026-01-10',
  });
  const wc = addConsent(ctx, {
    personId: witness.id,
    caseId: c.id,
    purpose: 'sharing',
    recipient: { class: 'partner' },
    told: [...told],
    method: 'written',
    givenAt: '2026-01-11',
  });
  withdrawConsent(ctx, { id: wc.id, reason: 'Afraid of reprisals', at: '2026-03-01' });
  const fileBytes = randomBytes(fileSize);
  const ev = await addEvidenceFromSource(
    ctx,
    {
      caseId: c.id,
      fileName: 'statement.pdf',
      type: 'testimony',
      title: 'Statement of AB-1',
      description: 'Names the officers',
      source: 'Interview at the clinic',
    },
    [fileBytes],
  );
  const meta = await addEvidenceFromSource(
    ctx,
    { caseId: c.id, fileName: 'photo.jpg', type: 'photo', title: 'Cell photo' },
    [randomBytes(1000)],
  );
  const note = addNote(ctx, { caseId: c.id, body: 'Hearing strategy discussed with AB-1.', author: 'AN' });
  const deadline = addDeadline(ctx, {
    caseId: c.id,
    kind: 'filing',
    title: 'File the communication',
    dueOn: '2027-02-01',
  });
  const outcome = addOutcome(ctx, {
    caseId: c.id,
    kind: 'compensation',
    description: 'Compensation ordered',
    currency: 'KES',
    amountAwarded: '150000.00',
  });
  return {
    caseId: c.id,
    survivorId: survivor.id,
    witnessId: witness.id,
    survivorConsentId: sc.id,
    witnessConsentId: wc.id,
    evidenceId: ev.id,
    metaOnlyEvidenceId: meta.id,
    fileBytes,
    noteId: note.id,
    deadlineId: deadline.id,
    outcomeId: outcome.id,
  };
}

export function outPath(name = 'case.cvbundle'): string {
  return path.join(tempDir('cv-bundle-'), name);
}

/** Every row of every table (for "nothing changed" next to the folder snapshot). */
export function dumpTables(ctx: DomainContext): Record<string, unknown[]> {
  const tables = all<{ name: string }>(
    ctx.db,
    sql`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts%' ORDER BY name`,
  );
  const out: Record<string, unknown[]> = {};
  for (const t of tables) out[t.name] = ctx.db.prepare(`SELECT * FROM "${t.name}"`).all();
  return out;
}

// ---------------------------------------------------------------------------------------------
// Bundles from parts

export interface Part {
  name: string;
  data: Buffer;
}

export interface PartsSpec {
  /** the manifest object (entries filled in from `parts` unless given), or its exact bytes */
  manifest: Record<string, unknown> | Buffer;
  parts: Part[];
  /** who signs: a vault (its identity key), a raw libsignal key, or nobody (no manifest.sig) */
  signer: DomainContext | PrivateKey | null;
  /** the signature bytes to put in manifest.sig instead of a real one */
  signature?: Buffer;
  recipients: AgeRecipient[];
  /** entries to put in the archive instead of manifest.json + manifest.sig + parts */
  archive?(manifest: Part, sig: Part | null, parts: Part[]): Part[];
}

export function entryOf(p: Part): { name: string; size: number; sha256: string } {
  return { name: p.name, size: p.data.length, sha256: sha256(p.data) };
}

export function sha256(b: Buffer): string {
  return createHash('sha256').update(b).digest('hex');
}

/** A manifest like the exporter's, from `sender` to `to` (vault contexts), for `parts`. */
export function manifestFor(
  sender: DomainContext,
  to: DomainContext[],
  parts: Part[],
  over: Record<string, unknown> = {},
): Record<string, unknown> {
  const created = sender.now();
  return {
    format: 'case-vault/bundle',
    formatVersion: 1,
    bundleId: uuid7(created.getTime()),
    createdAt: created.toISOString(),
    expiresAt: new Date(created.getTime() + 30 * 86_400_000).toISOString(),
    sender: contactCardOf(sender),
    recipients: [
      ...to.map((c) => ({ vaultId: c.vaultId, publicKey: c.identity.publicKey.toString('base64') })),
      { vaultId: sender.vaultId, publicKey: sender.identity.publicKey.toString('base64') },
    ],
    purpose: 'Referral for litigation',
    consents: [],
    redactionProfile: {},
    entries: parts.map(entryOf),
    ...over,
  };
}

export function recipientsOf(...ctxs: DomainContext[]): AgeRecipient[] {
  return ctxs.map((c) => X25519Recipient.fromLibsignal(c.identity.publicKey));
}

export async function buildBundle(spec: PartsSpec): Promise<Buffer> {
  const manifestBytes = Buffer.isBuffer(spec.manifest)
    ? spec.manifest
    : Buffer.from(canonicalJson(spec.manifest), 'utf8');
  let sig: Buffer | null = null;
  if (spec.signature) sig = spec.signature;
  else if (spec.signer instanceof PrivateKey)
    sig = Buffer.from(spec.signer.sign(new Uint8Array(signatureDigest('manifest', manifestBytes))));
  else if (spec.signer) sig = spec.signer.identity.sign('manifest', manifestBytes);
  const m = { name: 'manifest.json', data: manifestBytes };
  const s = sig ? { name: 'manifest.sig', data: sig } : null;
  const entries = spec.archive ? spec.archive(m, s, spec.parts) : [m, ...(s ? [s] : []), ...spec.parts];
  const tar = writeTar(entries.map((e) => ({ name: e.name, size: e.data.length, data: e.data })));
  return collect(encryptAge(tar, spec.recipients));
}

export function writeTemp(bytes: Buffer, name = 'x.cvbundle'): string {
  const file = path.join(tempDir('cv-bundle-'), name);
  fs.writeFileSync(file, bytes);
  return file;
}

/** A record part. */
export function recordPart(kind: string, record: Record<string, unknown>): Part {
  return { name: `records/${kind}/${String(record.id)}.json`, data: Buffer.from(canonicalJson(record), 'utf8') };
}
