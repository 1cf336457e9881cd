/**
 * identity.* and the partner-key calls of partners.* through the real router: our card and its
 * QR code, the card exported through the save dialog (file, PNG, SVG; never over a file), two
 * vaults exchanging cards through files, the safety number the same on both sides, a typed
 * mismatch refused with nothing written, a verification recorded with who, when and how, a key
 * change shown as such, and the refusals of a card import (not a card, too large, our own, a
 * handle from the wrong dialog). Also the CSP that lets the QR code show as a data: image.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { IdentityKeyPair } from '@signalapp/libsignal-client';
import { canonicalJson } from '../../shared/canonical-json.js';
import { CONTRACT } from '../../shared/ipc/contract.js';
import { appCsp } from '../../src-main/app/core/app-protocol.js';
import { cardSignedBytes } from '../../src-main/engine/identity/contact-card.js';
import { signatureDigest } from '../../src-main/engine/identity/vault-identity.js';
import type { IdentityProfile, SafetyNumber } from '../../shared/domain/identity.js';
import type { CardImportResult, Partner, PartnerDetail, PartnerKey } from '../../shared/domain/partners.js';
import { ipcVault, type IpcVault } from './ipc-helpers.js';
import {
  auditActions,
  auditTotal,
  exportCard,
  importCard,
  namedVault,
  openHandle,
  pair,
  safetyNumberOf,
  saveHandle,
  stick,
} from './exchange-ipc-helpers.js';

const open: IpcVault[] = [];
afterEach(() => {
  for (const v of open.splice(0)) v.cleanup();
});
function keep<T extends IpcVault>(v: T): T {
  open.push(v);
  return v;
}

describe('identity.* through the router', () => {
  it('shows our identity, updates what the card says (audited), and draws the card as an SVG QR code', async () => {
    const v = keep(await ipcVault());
    const before = await v.ok<IdentityProfile>('identity.show');
    expect(before).toEqual({
      vaultId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      name: '',
      organisation: '',
      publicKey: expect.stringMatching(/^[A-Za-z0-9+/]{44}$/),
      createdAt: expect.stringMatching(/Z$/),
      fingerprint: expect.stringMatching(/^([0-9a-f]{4} ){7}[0-9a-f]{4}$/),
      ageRecipient: expect.stringMatching(/^age1[02-9ac-hj-np-z]{58}$/),
      postQuantum: true,
      agePqRecipient: expect.stringMatching(/^age1pq1[02-9ac-hj-np-z]{1950,}$/),
    });
    const after = await v.ok<IdentityProfile>('identity.update', {
      name: 'Asha Njeri',
      organisation: 'Haki Litigation Centre',
    });
    expect(after).toEqual({ ...before, name: 'Asha Njeri', organisation: 'Haki Litigation Centre' });
    expect(await auditActions(v, 1)).toEqual(['identity.updated']);
    expect(await v.call('identity.update', { name: 'x'.repeat(201) })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });

    const { svg } = await v.ok<{ svg: string }>('identity.cardQr', { format: 'svg' });
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]*viewBox="0 0 (\d+) \1"/);
    expect(svg).not.toMatch(/<script|on\w+=/i);
    expect(await v.call('identity.cardQr', { format: 'png' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });

  it('exports the card as a .cvcard file, a PNG and an SVG through the save dialog, and never over an existing file', async () => {
    const v = keep(await namedVault('Asha Njeri', 'Haki Litigation Centre'));
    const me = await v.ok<IdentityProfile>('identity.show');
    const dir = stick();

    const cardPath = join(dir, 'haki.cvcard');
    expect(
      await v.ok('identity.exportCard', { target: await saveHandle(v, cardPath, 'contact-card'), format: 'card' }),
    ).toEqual({ format: 'card', fingerprint: me.fingerprint });
    const text = readFileSync(cardPath, 'utf8');
    expect(text.endsWith('}\n')).toBe(true);
    const card = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(card).sort()).toEqual([
      'createdAt',
      'format',
      'name',
      'organisation',
      'pqPublicKey',
      'publicKey',
      'signature',
      'vaultId',
      'version',
    ]);
    expect(card).toMatchObject({
      format: 'case-vault/contact-card',
      version: 2,
      vaultId: me.vaultId,
      name: 'Asha Njeri',
      organisation: 'Haki Litigation Centre',
      publicKey: me.publicKey,
    });

    const pngPath = join(dir, 'haki.png');
    expect(
      await v.ok('identity.exportCard', { target: await saveHandle(v, pngPath, 'qr-png'), format: 'png' }),
    ).toEqual({ format: 'png', fingerprint: me.fingerprint });
    expect(readFileSync(pngPath).subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));

    const svgPath = join(dir, 'haki.svg');
    await v.ok('identity.exportCard', { target: await saveHandle(v, svgPath, 'qr-svg'), format: 'svg' });
    expect(readFileSync(svgPath, 'utf8')).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect((await auditActions(v, 3)).filter((a) => a === 'identity.card-exported')).toHaveLength(3);

    // an existing file is never replaced, and a refused export is not audited
    const total = await auditTotal(v);
    writeFileSync(join(dir, 'taken.png'), 'not mine to overwrite');
    expect(
      await v.call('identity.exportCard', {
        target: await saveHandle(v, join(dir, 'taken.png'), 'qr-png'),
        format: 'png',
      }),
    ).toMatchObject({ ok: false, error: { code: 'EXPORT_TARGET_EXISTS' } });
    expect(readFileSync(join(dir, 'taken.png'), 'utf8')).toBe('not mine to overwrite');
    expect(await auditTotal(v)).toBe(total);
    // a path is not a handle, and an open-dialog handle is not a save target
    expect(await v.call('identity.exportCard', { target: join(dir, 'x.cvcard'), format: 'card' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(
      await v.call('identity.exportCard', { target: await openHandle(v, cardPath, 'contact-card'), format: 'card' }),
    ).toMatchObject({ ok: false, error: { code: 'FILE_HANDLE_INVALID' } });
  });

  it('has no call that exports the private key (the age identity is the command line’s, on purpose)', () => {
    const channels = Object.entries(CONTRACT).flatMap(([area, calls]) => Object.keys(calls).map((m) => `${area}.${m}`));
    expect(channels.filter((c) => /private|age-?(key|identity)|export-?age/i.test(c))).toEqual([]);
    expect(Object.keys(CONTRACT.identity).sort()).toEqual(['cardQr', 'exportCard', 'show', 'update']);
  });

  it('the app’s CSP lets images come from data: URLs (the QR codes) and nothing else from data:', () => {
    const directives = new Map(
      appCsp()
        .split('; ')
        .map((d) => [d.split(' ')[0]!, d.split(' ').slice(1)] as const),
    );
    expect(directives.get('img-src')).toEqual(["'self'", 'data:', 'case-evidence:']);
    for (const [name, sources] of directives) if (name !== 'img-src') expect(sources, name).not.toContain('data:');
    expect(directives.get('script-src')).toEqual(["'self'"]);
  });
});

describe('partner keys through the router', () => {
  it('two vaults exchange cards through files; the safety number is the same on both sides; typing it verifies the key', async () => {
    const p = await pair({ verifyOnA: false, verifyOnB: false });
    keep(p.a);
    keep(p.b);
    expect(p.bSeesA.change).toBe('new-partner');
    expect(p.bSeesA.partner).toMatchObject({ name: 'Haki Litigation Centre', kind: 'other' });
    const aIdentity = await p.a.ok<IdentityProfile>('identity.show');
    expect(p.bSeesA.key).toEqual({
      id: expect.any(String),
      partnerId: p.bSeesA.partner.id,
      vaultId: aIdentity.vaultId,
      publicKey: aIdentity.publicKey,
      fingerprint: aIdentity.fingerprint,
      name: 'Asha Njeri',
      organisation: 'Haki Litigation Centre',
      cardCreatedAt: expect.any(String),
      status: 'unverified',
      addedAt: expect.any(String),
      verifiedAt: null,
      verifiedBy: null,
      verifiedHow: null,
      replacedAt: null,
      postQuantum: true,
    });
    expect(p.b.host.openKinds).toEqual(['contact-card']);

    const onB = await safetyNumberOf(p.b, p.bSeesA.key.id);
    const onA = await safetyNumberOf(p.a, p.aSeesB.key.id);
    expect(onB.digits).toMatch(/^\d{60}$/);
    expect(onA.digits).toBe(onB.digits);
    expect(onB.groups).toEqual(onB.digits.match(/\d{5}/g));
    expect(onB.qrSvg).toMatch(/^<svg /);
    expect((await p.b.ok<PartnerDetail>('partners.get', { id: p.bSeesA.partner.id })).keyState).toBe('unverified');

    // a wrong number (one digit off) is refused in words and writes nothing
    const wrong = onA.digits.slice(0, 59) + String((Number(onA.digits[59]) + 1) % 10);
    const total = await auditTotal(p.b);
    const r = await p.b.call('partners.verifyKey', {
      keyId: p.bSeesA.key.id,
      safetyNumber: wrong,
      how: 'read-aloud',
      verifiedBy: 'Tomás',
    });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'SAFETY_NUMBER_MISMATCH', message: expect.stringContaining('does not match') },
    });
    expect(await auditTotal(p.b)).toBe(total);
    expect((await p.b.ok<PartnerKey[]>('partners.keys', { partnerId: p.bSeesA.partner.id }))[0]!.status).toBe(
      'unverified',
    );
    // too few digits: refused before any comparison
    expect(
      await p.b.call('partners.verifyKey', {
        keyId: p.bSeesA.key.id,
        safetyNumber: onA.groups.slice(0, 11).join(' '),
        how: 'read-aloud',
        verifiedBy: 'Tomás',
      }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });

    // what A reads out, typed on B with spaces and a line break
    const typed = `${onA.groups.slice(0, 6).join(' ')}\n${onA.groups.slice(6).join('  ')}`;
    const verified = await p.b.ok<PartnerKey>('partners.verifyKey', {
      keyId: p.bSeesA.key.id,
      safetyNumber: typed,
      how: 'read-aloud',
      verifiedBy: 'Tomás Ruiz',
    });
    expect(verified).toMatchObject({
      status: 'verified',
      verifiedBy: 'Tomás Ruiz',
      verifiedHow: 'read-aloud',
      verifiedAt: expect.any(String),
    });
    expect(await auditActions(p.b, 1)).toEqual(['partner-key.verified']);
    const detail = await p.b.ok<PartnerDetail>('partners.get', { id: p.bSeesA.partner.id });
    expect(detail.keyState).toBe('verified');
    expect(detail.keys.map((k) => k.status)).toEqual(['verified']);

    // in person: the user confirms the number on this screen matches the other screen
    const inPerson = await p.a.ok<PartnerKey>('partners.verifyKey', {
      keyId: p.aSeesB.key.id,
      safetyNumber: onA.digits,
      how: 'in-person',
      verifiedBy: 'Asha',
    });
    expect(inPerson).toMatchObject({ status: 'verified', verifiedHow: 'in-person' });
  });

  it('a card for a known vault with another key is a KEY CHANGE: the old key is replaced, the partner shows "changed" until the new key is verified', async () => {
    const p = await pair();
    keep(p.a);
    keep(p.b);
    // A's vault presents a new key (a reinstalled machine — or an impostor): a card for the same
    // vault id signed by a fresh key pair
    const aIdentity = await p.a.ok<IdentityProfile>('identity.show');
    const fresh = IdentityKeyPair.generate();
    const body = {
      format: 'case-vault/contact-card' as const,
      version: 1 as const,
      vaultId: aIdentity.vaultId,
      name: 'Asha Njeri',
      organisation: 'Haki Litigation Centre',
      publicKey: Buffer.from(fresh.publicKey.serialize()).toString('base64'),
      createdAt: new Date(Date.now() + 60_000).toISOString(),
    };
    const signature = Buffer.from(
      fresh.privateKey.sign(signatureDigest('card', cardSignedBytes(body)) as Uint8Array<ArrayBuffer>),
    ).toString('base64');
    const path = join(p.dir, 'changed.cvcard');
    writeFileSync(path, JSON.stringify({ ...body, signature }, null, 2) + '\n');

    const r = await importCard(p.b, path);
    expect(r.change).toBe('key-changed');
    expect(r.partner.id).toBe(p.bSeesA.partner.id);
    expect(r.key).toMatchObject({ status: 'unverified', publicKey: body.publicKey });
    const detail = await p.b.ok<PartnerDetail>('partners.get', { id: p.bSeesA.partner.id });
    expect(detail.keyState).toBe('changed');
    expect(detail.keys.map((k) => [k.id, k.status])).toEqual([
      [p.bSeesA.key.id, 'replaced'],
      [r.key.id, 'unverified'],
    ]);
    expect(detail.keys[0]!.replacedAt).toEqual(expect.any(String));
    // the replaced key can no longer be verified
    const old = await safetyNumberOf(p.b, r.key.id);
    expect(
      await p.b.call('partners.verifyKey', {
        keyId: p.bSeesA.key.id,
        safetyNumber: old.digits,
        how: 'in-person',
        verifiedBy: 'Tomás',
      }),
    ).toMatchObject({ ok: false, error: { code: 'KEY_REPLACED' } });
    // the new key, verified, ends the warning
    await p.b.ok('partners.verifyKey', {
      keyId: r.key.id,
      safetyNumber: old.digits,
      how: 'in-person',
      verifiedBy: 'Tomás',
    });
    expect((await p.b.ok<PartnerDetail>('partners.get', { id: p.bSeesA.partner.id })).keyState).toBe('verified');
  });

  it('attaches a card to an existing partner, and refuses what is not a card, a file too large, our own card and a save-dialog handle — writing nothing', async () => {
    const dir = stick();
    const a = keep(await namedVault('Asha Njeri', 'Haki Litigation Centre'));
    const b = keep(await namedVault('Tomás Ruiz', 'Partner Legal Aid'));
    const existing = await b.ok<Partner>('partners.add', { name: 'Haki (Nairobi office)', kind: 'ngo' });
    const aCard = await exportCard(a, dir, 'haki.cvcard');
    const bCard = await exportCard(b, dir, 'own.cvcard');

    const total = await auditTotal(b);
    const partners = await b.ok<Partner[]>('partners.list', {});
    const refusals: Array<[string, string | Buffer, string]> = [
      ['notes.txt', 'Meeting notes, not a card', 'CARD_INVALID'],
      [
        'tampered.cvcard',
        readFileSync(aCard, 'utf8').replace('Haki Litigation Centre', 'Haki Litigation Centr3'),
        'CARD_SIGNATURE_INVALID',
      ],
      ['huge.cvcard', Buffer.alloc(20_000, 0x20), 'CARD_TOO_LARGE'],
      ['latin1.cvcard', Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), 'CARD_INVALID'],
      [
        'proto.cvcard',
        canonicalJson({ __proto__: null, format: 'case-vault/contact-card' }).replace('{', '{"__proto__":{},'),
        'CARD_INVALID',
      ],
    ];
    for (const [name, content, code] of refusals) {
      const path = join(dir, name);
      writeFileSync(path, content);
      const r = await b.call('partners.importCard', { file: await openHandle(b, path, 'contact-card') });
      expect(r, name).toMatchObject({ ok: false, error: { code } });
    }
    expect(await b.call('partners.importCard', { file: await openHandle(b, bCard, 'contact-card') })).toMatchObject({
      ok: false,
      error: { code: 'CARD_IS_OWN' },
    });
    expect(
      await b.call('partners.importCard', { file: await saveHandle(b, join(dir, 'new.cvcard'), 'contact-card') }),
    ).toMatchObject({ ok: false, error: { code: 'FILE_HANDLE_INVALID' } });
    expect(existsSync(join(dir, 'new.cvcard'))).toBe(false);
    expect(await auditTotal(b)).toBe(total);
    expect(await b.ok<Partner[]>('partners.list', {})).toEqual(partners);

    const attached = await importCard(b, aCard, existing.id);
    expect(attached).toMatchObject({ change: 'new-key', partner: { id: existing.id, name: 'Haki (Nairobi office)' } });
    expect((await b.ok<PartnerKey[]>('partners.keys', { partnerId: existing.id })).map((k) => k.id)).toEqual([
      attached.key.id,
    ]);
    // the same card again changes nothing
    expect((await importCard(b, aCard)).change).toBe('unchanged');
    expect((await b.ok<Partner[]>('partners.list', {})).length).toBe(partners.length);
  });

  it('answers every partner-key call through strict schemas', async () => {
    const p = await pair();
    keep(p.a);
    keep(p.b);
    const raw = await p.b.engine.call('partners.safetyNumber', { keyId: p.bSeesA.key.id });
    if (!raw.ok) throw new Error(raw.error.code);
    const sn = raw.value as SafetyNumber;
    expect(CONTRACT.partners.safetyNumber.output.safeParse(sn).success).toBe(true);
    expect(CONTRACT.partners.safetyNumber.output.safeParse({ ...sn, theirKey: 'x' }).success).toBe(false);
    const key = (await p.b.ok<PartnerKey[]>('partners.keys', { partnerId: p.bSeesA.partner.id }))[0]!;
    expect(CONTRACT.partners.keys.output.safeParse([{ ...key, card: '{}' }]).success).toBe(false);
    const imported = await p.b.ok<CardImportResult>('partners.importCard', {
      file: await openHandle(p.b, join(p.dir, 'haki.cvcard'), 'contact-card'),
    });
    expect(imported.change).toBe('unchanged');
  });
});
