// identity and partner-key commands through the real CLI binary; the exported age key opened by
// the stock age tool (/usr/bin/age).
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { cliVault, expectCliError } from './run-cli.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('case-vault identity', () => {
  it('show and set (--json and human)', () => {
    const v = cliVault();
    const id = v.json('identity', 'show');
    expect(id).toEqual({
      vaultId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      name: '',
      organisation: '',
      publicKey: expect.stringMatching(/^B[A-Za-z0-9+/]{43}$/),
      createdAt: expect.stringMatching(/Z$/),
      fingerprint: expect.stringMatching(/^([0-9a-f]{4} ){7}[0-9a-f]{4}$/),
      ageRecipient: expect.stringMatching(/^age1[a-z0-9]{58}$/),
      postQuantum: true,
      agePqRecipient: expect.stringMatching(/^age1pq1[a-z0-9]{1950,}$/),
    });
    expect(Buffer.from(id.publicKey, 'base64')).toHaveLength(33);
    const set = v.json('identity', 'set', '--name', 'Amina Odhiambo', '--organisation', 'Legal Aid Nairobi');
    expect(set).toMatchObject({
      name: 'Amina Odhiambo',
      organisation: 'Legal Aid Nairobi',
      publicKey: id.publicKey,
      fingerprint: id.fingerprint,
    });
    const human = v.raw('identity', 'show');
    expect(human.status).toBe(0);
    expect(human.stdout).toMatch(/^vault id:\s+[0-9a-f-]{36}$/m);
    expect(human.stdout).toMatch(/^organisation:\s+Legal Aid Nairobi$/m);
    expect(human.stdout).toContain(`fingerprint:   ${id.fingerprint}`);
    expectCliError(v.raw('identity', 'set'), 'USAGE', 2);
    expectCliError(v.raw('identity', 'set', '--name', 'x'.repeat(201)), 'INVALID_INPUT');
    expect(v.raw('identity', 'set', '--organisation', 'Haki').stdout).toMatch(/^organisation: Haki$/m);
  });

  it('export-card writes the card and a QR code, refuses to overwrite', () => {
    const v = cliVault();
    v.json('identity', 'set', '--organisation', 'Legal Aid Nairobi');
    const out = path.join(v.base, 'me.cvcard');
    const qr = path.join(v.base, 'me.png');
    const r = v.json('identity', 'export-card', '--out', out, '--qr', qr);
    expect(r).toMatchObject({
      out,
      qr,
      fingerprint: v.json('identity', 'show').fingerprint,
      card: { format: 'case-vault/contact-card', version: 2, organisation: 'Legal Aid Nairobi' },
    });
    expect(JSON.parse(fs.readFileSync(out, 'utf8'))).toEqual(r.card);
    expect(fs.readFileSync(qr).subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expectCliError(v.raw('identity', 'export-card', '--out', out), 'EXPORT_TARGET_EXISTS');
    expectCliError(v.raw('identity', 'export-card'), 'USAGE', 2);
    const svg = path.join(v.base, 'me.svg');
    const human = v.raw('identity', 'export-card', '--out', path.join(v.base, 'me2.cvcard'), '--qr', svg);
    expect(human.status).toBe(0);
    expect(human.stdout).toMatch(/^Contact card written to .*me2\.cvcard and as a QR code to .*me\.svg\.$/m);
    expect(fs.readFileSync(svg, 'utf8')).toMatch(/^<svg /);
  });

  it('export-age-key: a stern warning even with --json, mode 0600, opened by the stock age tool', () => {
    const v = cliVault();
    const key = path.join(v.base, 'vault-key.txt');
    const r = v.raw('identity', 'export-age-key', '--out', key, '--json');
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(
      /WARNING: this file is the private key of this vault\. Whoever holds it can read every bundle sent to this vault, and it is NOT protected by the vault passphrase/,
    );
    const out = JSON.parse(r.stdout);
    const id = v.json('identity', 'show');
    expect(out).toMatchObject({ out: key, recipient: id.ageRecipient, fingerprint: id.fingerprint });
    expect(fs.statSync(key).mode & 0o777).toBe(0o600);
    const lines = fs.readFileSync(key, 'utf8').split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^# created: \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(lines[1]).toBe(`# public key: ${id.ageRecipient}`);
    expect(lines[2]).toMatch(/^AGE-SECRET-KEY-1[0-9A-Z]{58}$/);
    expect(lines[3]).toBe('');

    // age-keygen agrees on the public key; age encrypts to the vault's recipient and opens with the file
    const keygen = spawnSync('/usr/bin/age-keygen', ['-y', key], { encoding: 'utf8' });
    expect(keygen.stdout.trim()).toBe(id.ageRecipient);
    const secret = 'a survivor statement, 2026';
    const enc = spawnSync('/usr/bin/age', ['-r', id.ageRecipient], { input: secret });
    expect(enc.status).toBe(0);
    const dec = spawnSync('/usr/bin/age', ['-d', '-i', key], { input: enc.stdout });
    expect(dec.stderr.toString()).toBe('');
    expect(dec.stdout.toString()).toBe(secret);

    // never over an existing file; the human form warns too
    const again = v.raw('identity', 'export-age-key', '--out', key);
    expectCliError(again, 'EXPORT_TARGET_EXISTS');
    const human = v.raw('identity', 'export-age-key', '--out', path.join(v.base, 'k2.txt'));
    expect(human.status).toBe(0);
    expect(human.stderr).toMatch(/^WARNING: /);
    expect(human.stdout).toMatch(/age -d -i .*k2\.txt FILE/);
  });
});

describe('case-vault partner keys', () => {
  function exchange() {
    const us = cliVault();
    const them = cliVault();
    us.json('identity', 'set', '--name', 'Amina');
    them.json('identity', 'set', '--name', 'Grace Mwangi', '--organisation', 'Haki Centre');
    const card = path.join(them.base, 'haki.cvcard');
    them.json('identity', 'export-card', '--out', card);
    return { us, them, card };
  }

  // Many CLI runs each (two vaults): more time than the default under a loaded machine.
  it('partner add --card, keys, safety-number, verify (--json)', { timeout: 180_000 }, () => {
    const { us, them, card } = exchange();
    const added = us.json('partner', 'add', '--card', card, '--kind', 'ngo');
    expect(added.change).toBe('new-partner');
    expect(added.partner).toMatchObject({ name: 'Haki Centre', kind: 'ngo' });
    expect(added.key).toMatchObject({
      status: 'unverified',
      vaultId: them.json('identity', 'show').vaultId,
      name: 'Grace Mwangi',
    });
    const pid = added.partner.id;
    expect(us.json('partner', 'add', '--card', card).change).toBe('unchanged');
    expect(us.json('partner', 'keys', pid)).toEqual([added.key]);
    expect(us.json('partner', 'show', pid)).toMatchObject({ keyState: 'unverified', keys: [added.key] });

    const sn = us.json('partner', 'safety-number', pid);
    expect(sn).toEqual({
      partnerId: pid,
      keyId: added.key.id,
      status: 'unverified',
      digits: expect.stringMatching(/^\d{60}$/),
      groups: expect.any(Array),
      scannable: expect.any(String),
    });
    expect(sn.groups.join('')).toBe(sn.digits);
    // the same number on their side
    const ourCard = path.join(us.base, 'us.cvcard');
    us.json('identity', 'export-card', '--out', ourCard);
    const back = them.json('partner', 'add', '--card', ourCard);
    expect(them.json('partner', 'safety-number', back.partner.id).digits).toBe(sn.digits);

    const wrong = sn.digits.slice(0, 59) + ((Number(sn.digits[59]) + 1) % 10);
    expectCliError(us.raw('partner', 'verify', pid, '--safety-number', wrong), 'SAFETY_NUMBER_MISMATCH');
    expect(us.json('partner', 'show', pid).keyState).toBe('unverified');
    expectCliError(us.raw('partner', 'verify', pid), 'USAGE', 2);
    expectCliError(
      us.raw('partner', 'verify', pid, '--safety-number', sn.digits, '--how', 'telepathy'),
      'INVALID_INPUT',
    );

    const verified = us.json(
      'partner',
      'verify',
      pid,
      '--safety-number',
      sn.groups.join(' '),
      '--how',
      'in-person',
      '--by',
      'Amina O.',
    );
    expect(verified).toMatchObject({
      id: added.key.id,
      status: 'verified',
      verifiedBy: 'Amina O.',
      verifiedHow: 'in-person',
    });
    // --by defaults to the identity's name
    expect(us.json('partner', 'verify', pid, '--safety-number', sn.digits)).toMatchObject({
      verifiedBy: 'Amina',
      verifiedHow: 'read-aloud',
    });
    expect(us.json('partner', 'show', pid).keyState).toBe('verified');
    expect(us.json('partner', 'safety-number', pid, '--key', added.key.id).status).toBe('verified');
  });

  it('human output: groups of five, the key state, refusals', { timeout: 180_000 }, () => {
    const { us, card } = exchange();
    const add = us.raw('partner', 'add', '--card', card);
    expect(add.status).toBe(0);
    expect(add.stdout).toMatch(/^Added partner "Haki Centre" from the contact card of Haki Centre\.$/m);
    expect(add.stdout).toMatch(/^status:\s+unverified$/m);
    const pid = /^partner:\s+(\S+)$/m.exec(add.stdout)![1]!;
    const sn = us.raw('partner', 'safety-number', pid);
    expect(sn.status).toBe(0);
    const rows = sn.stdout.split('\n').filter((l) => /^ {4}\d{5}( {2}\d{5}){3}$/.test(l));
    expect(rows).toHaveLength(3);
    expect(rows.join('').replace(/\s/g, '')).toBe(us.json('partner', 'safety-number', pid).digits);
    const show = us.raw('partner', 'show', pid);
    expect(show.stdout).toMatch(/^keys:\s+UNVERIFIED/m);
    const keys = us.raw('partner', 'keys', pid);
    expect(keys.stdout).toMatch(/^STATUS\s+FINGERPRINT\s+VERIFIED\s+ADDED\s+VAULT\s+ID$/m);
    expect(keys.stdout).toMatch(/^unverified /m);

    // refusals: our own card, a card changed after signing, too large, missing; card + --name
    const own = path.join(us.base, 'own.cvcard');
    us.json('identity', 'export-card', '--out', own);
    expectCliError(us.raw('partner', 'add', '--card', own), 'CARD_IS_OWN');
    const tampered = path.join(us.base, 'tampered.cvcard');
    fs.writeFileSync(tampered, fs.readFileSync(card, 'utf8').replace('Haki Centre', 'Hakki Centre'));
    expectCliError(us.raw('partner', 'add', '--card', tampered), 'CARD_SIGNATURE_INVALID');
    const big = path.join(us.base, 'big.cvcard');
    fs.writeFileSync(big, ' '.repeat(17 * 1024));
    expectCliError(us.raw('partner', 'add', '--card', big), 'CARD_TOO_LARGE');
    expectCliError(us.raw('partner', 'add', '--card', path.join(us.base, 'missing.cvcard')), 'IO_ERROR');
    expectCliError(us.raw('partner', 'add', '--card', card, '--name', 'X'), 'USAGE', 2);
    expectCliError(us.raw('partner', 'add', '--name', 'X', '--kind', 'ngo', '--partner', pid), 'USAGE', 2);
    expect(us.json('partner', 'list')).toHaveLength(1);
  });

  it('a key change shows a clear warning', { timeout: 180_000 }, async () => {
    const { us, them, card } = exchange();
    const pid = us.json('partner', 'add', '--card', card).partner.id;
    const sn = us.json('partner', 'safety-number', pid);
    us.json('partner', 'verify', pid, '--safety-number', sn.digits);
    // A card of the same vault with a different key, made with the engine (the CLI never makes one).
    const { PrivateKey } = await import('@signalapp/libsignal-client');
    const { canonicalJson } = await import('../../shared/canonical-json.js');
    const { signatureDigest } = await import('../../src-main/engine/identity/vault-identity.js');
    const key = PrivateKey.generate();
    const body = {
      ...JSON.parse(fs.readFileSync(card, 'utf8')),
      publicKey: Buffer.from(key.getPublicKey().serialize()).toString('base64'),
      createdAt: '2030-01-01T00:00:00.000Z',
    };
    delete body.signature;
    const signature = Buffer.from(
      key.sign(new Uint8Array(signatureDigest('card', Buffer.from(canonicalJson(body))))),
    ).toString('base64');
    const changed = path.join(them.base, 'changed.cvcard');
    fs.writeFileSync(changed, JSON.stringify({ ...body, signature }));
    const r = us.raw('partner', 'add', '--card', changed);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^WARNING: KEY CHANGED\. /m);
    expect(us.raw('partner', 'show', pid).stdout).toMatch(/^keys:\s+KEY CHANGED: /m);
    expect(us.json('partner', 'show', pid).keyState).toBe('changed');
    expect(us.json('partner', 'keys', pid).map((k: { status: string }) => k.status)).toEqual([
      'replaced',
      'unverified',
    ]);
    // the old safety number no longer verifies
    expectCliError(us.raw('partner', 'verify', pid, '--safety-number', sn.digits), 'SAFETY_NUMBER_MISMATCH');
  });
});
