// Partner keys: importing contact cards, key changes, safety-number verification.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PrivateKey } from '@signalapp/libsignal-client';
import { canonicalJson } from '../../../shared/canonical-json.js';
import { PartnerDetail } from '../../../shared/domain/partners.js';
import { all, get, sql } from '../../../src-main/engine/db/sql.js';
import { cardFileText, contactCardOf } from '../../../src-main/engine/identity/contact-card.js';
import { updateIdentity } from '../../../src-main/engine/identity/identity-service.js';
import { safetyNumberDigits } from '../../../src-main/engine/identity/safety-number.js';
import { signatureDigest } from '../../../src-main/engine/identity/vault-identity.js';
import { addPartner, getPartner } from '../../../src-main/engine/partners/partner-service.js';
import {
  currentKeyOf,
  findKeyByPublicKey,
  getPartnerKey,
  importContactCard,
  listPartnerKeys,
  partnerKeyBytes,
  partnerPqKeyBytes,
  partnerSafetyNumber,
  verifiedKeysOf,
  verifyPartnerKey,
} from '../../../src-main/engine/partners/partner-keys.js';
import { Vault } from '../../../src-main/engine/vault/vault.js';
import { domainContext } from '../../../src-main/engine/domain/context.js';
import { FAST_KDF, PASSPHRASE, tempDir } from '../../helpers.js';
import { codeOfSync, newDomain, type TestDomain } from '../domain-helpers.js';

async function twoVaults() {
  const us = await newDomain();
  const them = await newDomain();
  updateIdentity(them.ctx, { name: 'Grace Mwangi', organisation: 'Haki Centre' });
  return { us, them, theirCard: () => cardFileText(contactCardOf(them.ctx)) };
}

/** Everything the key import or verification could touch. */
function state(d: TestDomain) {
  return {
    keys: all(d.ctx.db, sql`SELECT * FROM partner_keys ORDER BY id`),
    partners: all(d.ctx.db, sql`SELECT * FROM partners ORDER BY id`),
    audit: d.auditCount(),
  };
}

/** A card for `vaultId` with a key of our choosing (as a partner whose vault was rebuilt would send). */
function cardWithKey(
  key: PrivateKey,
  vaultId: string,
  name = 'Grace Mwangi',
  organisation = 'Haki Centre',
  createdAt = '2026-11-22T12:00:00.000Z',
): string {
  const body = {
    format: 'case-vault/contact-card',
    version: 1,
    vaultId,
    name,
    organisation,
    publicKey: Buffer.from(key.getPublicKey().serialize()).toString('base64'),
    createdAt,
  };
  const signature = Buffer.from(
    key.sign(new Uint8Array(signatureDigest('card', Buffer.from(canonicalJson(body))))),
  ).toString('base64');
  return JSON.stringify({ ...body, signature });
}

describe('partner keys', () => {
  it('a card from an unknown vault creates a partner with an unverified key', async () => {
    const { us, them, theirCard } = await twoVaults();
    const before = us.auditCount();
    const r = importContactCard(us.ctx, { card: theirCard() });
    expect(r.change).toBe('new-partner');
    expect(r.partner).toMatchObject({ name: 'Haki Centre', kind: 'other', ddTier: 'small', version: 1 });
    expect(r.key).toEqual({
      id: expect.any(String),
      partnerId: r.partner.id,
      vaultId: them.ctx.vaultId,
      publicKey: them.ctx.identity.publicKey.toString('base64'),
      fingerprint: expect.stringMatching(/^([0-9a-f]{4} ){7}[0-9a-f]{4}$/),
      name: 'Grace Mwangi',
      organisation: 'Haki Centre',
      cardCreatedAt: '2026-11-21T12:00:00.000Z',
      status: 'unverified',
      addedAt: '2026-11-21T12:00:00.000Z',
      verifiedAt: null,
      verifiedBy: null,
      verifiedHow: null,
      replacedAt: null,
      postQuantum: true,
    });
    // partner.added + partner-key.added, one transaction
    expect(us.auditCount()).toBe(before + 2);
    const detail = getPartner(us.ctx, r.partner.id);
    expect(PartnerDetail.parse(detail)).toEqual(detail);
    expect(detail).toMatchObject({ keyState: 'unverified', keys: [r.key] });
    expect(findKeyByPublicKey(us.ctx, them.ctx.identity.publicKey)).toEqual({ key: r.key, partner: r.partner });
    expect(findKeyByPublicKey(us.ctx, us.ctx.identity.publicKey)).toBeNull();
    expect(verifiedKeysOf(us.ctx, r.partner.id)).toEqual([]);
    expect(partnerKeyBytes(r.key).equals(them.ctx.identity.publicKey)).toBe(true);
    expect(getPartnerKey(us.ctx, r.key.id)).toEqual(r.key);
    expect(currentKeyOf(us.ctx, r.partner.id)).toEqual(r.key);
  });

  it('the kind and tier given are used for a new partner; --partner attaches to an existing one', async () => {
    const { us, them, theirCard } = await twoVaults();
    const r = importContactCard(us.ctx, { card: theirCard(), kind: 'ngo', ddTier: 'medium' });
    expect(r.partner).toMatchObject({ kind: 'ngo', ddTier: 'medium' });

    const other = await newDomain();
    const p = addPartner(us.ctx, { name: 'Existing', kind: 'lawyer' });
    const r2 = importContactCard(us.ctx, { card: cardFileText(contactCardOf(other.ctx)), partnerId: p.id });
    expect(r2).toMatchObject({ change: 'new-key', partner: { id: p.id, name: 'Existing' } });
    // a card with neither name nor organisation gets a neutral partner name
    const third = await newDomain();
    expect(importContactCard(us.ctx, { card: cardFileText(contactCardOf(third.ctx)) }).partner.name).toBe(
      `Partner vault ${third.ctx.vaultId.slice(0, 8)}`,
    );
    // a vault already attached to one partner cannot be attached to another
    const before = state(us);
    expect(codeOfSync(() => importContactCard(us.ctx, { card: theirCard(), partnerId: p.id }))).toBe('INVALID_INPUT');
    expect(
      codeOfSync(() =>
        importContactCard(us.ctx, {
          card: cardFileText(contactCardOf((them as TestDomain).ctx)),
          partnerId: '01900000-0000-7000-8000-000000000000',
        }),
      ),
    ).toBe('INVALID_INPUT');
    expect(state(us)).toEqual(before);
  });

  it('the same key again: unchanged; a newer card refreshes the name, an older one is ignored', async () => {
    const { us, them, theirCard } = await twoVaults();
    const first = importContactCard(us.ctx, { card: theirCard() });
    const before = state(us);
    expect(importContactCard(us.ctx, { card: theirCard() })).toMatchObject({ change: 'unchanged', key: first.key });
    expect(state(us)).toEqual(before);

    updateIdentity(them.ctx, { organisation: 'Haki Centre for Justice' });
    them.setNow('2026-12-01T09:00:00.000Z');
    const newer = theirCard();
    const r = importContactCard(us.ctx, { card: newer });
    expect(r).toMatchObject({
      change: 'unchanged',
      key: {
        id: first.key.id,
        organisation: 'Haki Centre for Justice',
        cardCreatedAt: '2026-12-01T09:00:00.000Z',
        status: 'unverified',
      },
    });
    expect(us.auditCount()).toBe(before.audit + 1);
    const last = get<{ action: string; details: string }>(
      us.ctx.db,
      sql`SELECT action, details FROM audit_log ORDER BY seq DESC LIMIT 1`,
    )!;
    expect([last.action, JSON.parse(last.details)]).toEqual([
      'partner-key.card-refreshed',
      { partnerId: first.partner.id, fields: ['organisation'] },
    ]);
    // the partner's own name is the user's to change; the card only updates the key's record
    expect(getPartner(us.ctx, first.partner.id).name).toBe('Haki Centre');
    const after = state(us);
    importContactCard(us.ctx, { card: cardWithKeyOf(them, '2026-11-25T00:00:00.000Z') });
    expect(state(us)).toEqual(after);
  });

  it('a partner who updates Case Vault: their newer version 2 card adds the post-quantum key to the verified key, audited', async () => {
    const { us, them } = await twoVaults();
    const classic = importContactCard(us.ctx, {
      card: cardFileText(contactCardOf(them.ctx, { postQuantum: false })),
    });
    expect(classic.key.postQuantum).toBe(false);
    expect(partnerPqKeyBytes(us.ctx, classic.key.id)).toBeNull();
    const sn = await partnerSafetyNumber(us.ctx, classic.key.id);
    verifyPartnerKey(us.ctx, { keyId: classic.key.id, safetyNumber: sn.digits, verifiedBy: 'Amina' });

    them.setNow('2026-12-01T09:00:00.000Z');
    const r = importContactCard(us.ctx, { card: cardFileText(contactCardOf(them.ctx)) });
    // the same identity key (which signed the card): still verified, now with the post-quantum key
    expect(r).toMatchObject({
      change: 'unchanged',
      key: { id: classic.key.id, status: 'verified', postQuantum: true },
    });
    expect(partnerPqKeyBytes(us.ctx, classic.key.id)!.equals(them.ctx.identity.postQuantumPublicKey!)).toBe(true);
    const last = get<{ action: string; details: string }>(
      us.ctx.db,
      sql`SELECT action, details FROM audit_log ORDER BY seq DESC LIMIT 1`,
    )!;
    expect([last.action, JSON.parse(last.details)]).toEqual([
      'partner-key.card-refreshed',
      { partnerId: classic.partner.id, fields: ['pqPublicKey'] },
    ]);
  });

  it('a KEY CHANGE: the old key is replaced, the new one unverified, the partner shows "changed"', async () => {
    const { us, them, theirCard } = await twoVaults();
    const first = importContactCard(us.ctx, { card: theirCard() });
    const sn = safetyNumberDigits(
      { vaultId: us.ctx.vaultId, publicKey: us.ctx.identity.publicKey },
      { vaultId: them.ctx.vaultId, publicKey: them.ctx.identity.publicKey },
    );
    verifyPartnerKey(us.ctx, { keyId: first.key.id, safetyNumber: sn.digits, verifiedBy: 'Amina' });
    expect(getPartner(us.ctx, first.partner.id).keyState).toBe('verified');
    expect(verifiedKeysOf(us.ctx, first.partner.id).map((k) => k.id)).toEqual([first.key.id]);

    us.setNow('2026-11-23T10:00:00.000Z');
    const newKey = PrivateKey.generate();
    const before = us.auditCount();
    const r = importContactCard(us.ctx, { card: cardWithKey(newKey, them.ctx.vaultId) });
    expect(r.change).toBe('key-changed');
    expect(r.partner.id).toBe(first.partner.id);
    expect(r.key).toMatchObject({
      status: 'unverified',
      vaultId: them.ctx.vaultId,
      publicKey: Buffer.from(newKey.getPublicKey().serialize()).toString('base64'),
    });
    const detail = getPartner(us.ctx, first.partner.id);
    expect(detail.keyState).toBe('changed');
    expect(detail.keys.map((k) => [k.id, k.status, k.replacedAt])).toEqual([
      [first.key.id, 'replaced', '2026-11-23T10:00:00.000Z'],
      [r.key.id, 'unverified', null],
    ]);
    // the old verification stays on record; nothing is verified any more
    expect(detail.keys[0]).toMatchObject({ verifiedBy: 'Amina', verifiedHow: 'read-aloud' });
    expect(verifiedKeysOf(us.ctx, first.partner.id)).toEqual([]);
    expect(us.auditCount()).toBe(before + 1);
    const last = get<{ action: string; details: string }>(
      us.ctx.db,
      sql`SELECT action, details FROM audit_log ORDER BY seq DESC LIMIT 1`,
    )!;
    expect(last.action).toBe('partner-key.changed');
    expect(JSON.parse(last.details)).toMatchObject({
      partnerId: first.partner.id,
      replacedKeyId: first.key.id,
      previousStatus: 'verified',
    });
    expect(currentKeyOf(us.ctx, first.partner.id).id).toBe(r.key.id);

    // the old key cannot come back, nor be verified
    const s = state(us);
    expect(codeOfSync(() => importContactCard(us.ctx, { card: theirCard() }))).toBe('KEY_REPLACED');
    expect(
      codeOfSync(() => verifyPartnerKey(us.ctx, { keyId: first.key.id, safetyNumber: sn.digits, verifiedBy: 'Amina' })),
    ).toBe('KEY_REPLACED');
    expect(state(us)).toEqual(s);

    // verifying the new key clears the warning
    const sn2 = safetyNumberDigits(
      { vaultId: us.ctx.vaultId, publicKey: us.ctx.identity.publicKey },
      { vaultId: them.ctx.vaultId, publicKey: newKey.getPublicKey().serialize() },
    );
    verifyPartnerKey(us.ctx, { keyId: r.key.id, safetyNumber: sn2.digits, how: 'in-person', verifiedBy: 'Amina' });
    expect(getPartner(us.ctx, first.partner.id).keyState).toBe('verified');
  });

  it('refuses our own card, and a key that another vault already holds, writing nothing', async () => {
    const { us, them, theirCard } = await twoVaults();
    importContactCard(us.ctx, { card: theirCard() });
    const before = state(us);
    expect(codeOfSync(() => importContactCard(us.ctx, { card: cardFileText(contactCardOf(us.ctx)) }))).toBe(
      'CARD_IS_OWN',
    );
    // our key under another vault id (someone re-signing our card? impossible without our key,
    // but our own key with another id would be the same trick)
    const stolen = cardWithKey(PrivateKey.generate(), us.ctx.vaultId);
    expect(codeOfSync(() => importContactCard(us.ctx, { card: stolen }))).toBe('CARD_IS_OWN');
    // their key presented for a different vault id: signed by their key, so only they could make
    // it; a key belongs to one vault all the same
    const other = await vaultKeyCard(them, '01900000-0000-7000-8000-0000000000ff');
    expect(codeOfSync(() => importContactCard(us.ctx, { card: other }))).toBe('CARD_KEY_CONFLICT');
    expect(codeOfSync(() => importContactCard(us.ctx, { card: theirCard().replace('Haki', 'Hakki') }))).toBe(
      'CARD_SIGNATURE_INVALID',
    );
    expect(codeOfSync(() => importContactCard(us.ctx, { card: 'x'.repeat(70_000) }))).toBe('INVALID_INPUT');
    expect(codeOfSync(() => importContactCard(us.ctx, { card: theirCard(), kind: 'spy' } as never))).toBe(
      'INVALID_INPUT',
    );
    expect(state(us)).toEqual(before);
  });

  it('verification: the right safety number (typed with spaces, or scanned) verifies; a wrong one writes nothing', async () => {
    const { us, them, theirCard } = await twoVaults();
    const { key, partner } = importContactCard(us.ctx, { card: theirCard() });
    const ours = await partnerSafetyNumber(us.ctx, key.id);
    expect(ours.digits).toMatch(/^\d{60}$/);
    // the partner computes the same number on their side
    const theirs = await safetyNumberFromTheirSide(them, us);
    expect(theirs.digits).toBe(ours.digits);

    const before = state(us);
    const wrong = ours.digits.slice(0, 59) + ((Number(ours.digits[59]) + 1) % 10);
    expect(
      codeOfSync(() => verifyPartnerKey(us.ctx, { keyId: key.id, safetyNumber: wrong, verifiedBy: 'Amina' })),
    ).toBe('SAFETY_NUMBER_MISMATCH');
    expect(
      codeOfSync(() => verifyPartnerKey(us.ctx, { keyId: key.id, scanned: ours.scannable, verifiedBy: 'Amina' })),
    ).toBe('SAFETY_NUMBER_MISMATCH');
    expect(
      codeOfSync(() =>
        verifyPartnerKey(us.ctx, { keyId: key.id, safetyNumber: ours.digits.slice(1), verifiedBy: 'Amina' }),
      ),
    ).toBe('INVALID_INPUT');
    expect(codeOfSync(() => verifyPartnerKey(us.ctx, { keyId: key.id, verifiedBy: 'Amina' }))).toBe('INVALID_INPUT');
    expect(
      codeOfSync(() =>
        verifyPartnerKey(us.ctx, {
          keyId: key.id,
          safetyNumber: ours.digits,
          scanned: theirs.scannable,
          verifiedBy: 'Amina',
        }),
      ),
    ).toBe('INVALID_INPUT');
    expect(
      codeOfSync(() => verifyPartnerKey(us.ctx, { keyId: key.id, safetyNumber: ours.digits, verifiedBy: '' })),
    ).toBe('INVALID_INPUT');
    expect(
      codeOfSync(() =>
        verifyPartnerKey(us.ctx, {
          keyId: key.id,
          safetyNumber: ours.digits,
          how: 'telepathy',
          verifiedBy: 'A',
        } as never),
      ),
    ).toBe('INVALID_INPUT');
    expect(
      codeOfSync(() =>
        verifyPartnerKey(us.ctx, {
          keyId: '01900000-0000-7000-8000-000000000000',
          safetyNumber: ours.digits,
          verifiedBy: 'A',
        }),
      ),
    ).toBe('NOT_FOUND');
    expect(state(us)).toEqual(before);

    us.setNow('2026-11-21T15:30:00.000Z');
    const grouped = ours.groups.slice(0, 6).join(' ') + '\n' + ours.groups.slice(6).join(' ');
    const v = verifyPartnerKey(us.ctx, { keyId: key.id, safetyNumber: grouped, verifiedBy: 'Amina Odhiambo' });
    expect(v).toMatchObject({
      status: 'verified',
      verifiedAt: '2026-11-21T15:30:00.000Z',
      verifiedBy: 'Amina Odhiambo',
      verifiedHow: 'read-aloud',
    });
    expect(us.auditCount()).toBe(before.audit + 1);
    const last = get<{ action: string; details: string }>(
      us.ctx.db,
      sql`SELECT action, details FROM audit_log ORDER BY seq DESC LIMIT 1`,
    )!;
    // who compared is in the key's row, not in the audit details
    expect([last.action, JSON.parse(last.details)]).toEqual([
      'partner-key.verified',
      { partnerId: partner.id, how: 'read-aloud', compared: 'digits' },
    ]);
    expect(verifiedKeysOf(us.ctx, partner.id).map((k) => k.id)).toEqual([key.id]);

    // scanning their screen's code verifies too (and records the new comparison)
    us.setNow('2026-11-22T08:00:00.000Z');
    expect(verifyPartnerKey(us.ctx, { keyId: key.id, scanned: theirs.scannable, verifiedBy: 'Amina' })).toMatchObject({
      verifiedHow: 'scanned',
      verifiedAt: '2026-11-22T08:00:00.000Z',
    });
  });

  it('a partner with keys from two vaults needs the key named', async () => {
    const { us, theirCard } = await twoVaults();
    const { partner } = importContactCard(us.ctx, { card: theirCard() });
    const second = await newDomain();
    importContactCard(us.ctx, { card: cardFileText(contactCardOf(second.ctx)), partnerId: partner.id });
    expect(codeOfSync(() => currentKeyOf(us.ctx, partner.id))).toBe('INVALID_INPUT');
    const keys = listPartnerKeys(us.ctx, partner.id);
    expect(keys).toHaveLength(2);
    expect(currentKeyOf(us.ctx, partner.id, keys[1]!.id).id).toBe(keys[1]!.id);
    const lone = addPartner(us.ctx, { name: 'No keys', kind: 'ngo' });
    expect(codeOfSync(() => currentKeyOf(us.ctx, lone.id))).toBe('NOT_FOUND');
    expect(codeOfSync(() => currentKeyOf(us.ctx, lone.id, keys[0]!.id))).toBe('INVALID_INPUT');
    expect(getPartner(us.ctx, lone.id)).toMatchObject({ keys: [], keyState: 'none' });
  });

  it('keys survive a lock and unlock', async () => {
    const dir = path.join(tempDir(), 'v');
    const { vault } = await Vault.create(dir, { passphrase: PASSPHRASE, kdf: FAST_KDF });
    const them = await newDomain();
    const ctx = domainContext(vault);
    const { key } = importContactCard(ctx, { card: cardFileText(contactCardOf(them.ctx)) });
    vault.lock();
    const again = await Vault.open(dir, { passphrase: PASSPHRASE });
    try {
      expect(getPartnerKey(domainContext(again), key.id)).toEqual(key);
      expect(fs.existsSync(dir)).toBe(true);
    } finally {
      again.lock();
    }
  });
});

function cardWithKeyOf(d: TestDomain, createdAt: string): string {
  const saved = d.ctx.now();
  d.setNow(createdAt);
  const text = cardFileText(contactCardOf(d.ctx));
  d.setNow(saved.toISOString());
  return text;
}

/** A card signed by `d`'s own key but naming another vault id. */
async function vaultKeyCard(d: TestDomain, vaultId: string): Promise<string> {
  const body = { ...contactCardOf(d.ctx), vaultId } as Record<string, unknown>;
  delete body.signature;
  const signature = d.ctx.identity.sign('card', Buffer.from(canonicalJson(body))).toString('base64');
  return JSON.stringify({ ...body, signature });
}

async function safetyNumberFromTheirSide(them: TestDomain, us: TestDomain) {
  const { key } = importContactCard(them.ctx, { card: cardFileText(contactCardOf(us.ctx)) });
  return partnerSafetyNumber(them.ctx, key.id);
}
