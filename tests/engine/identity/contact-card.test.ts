// Contact cards: signed by the vault, parsed strictly with one code per way of failing, written
// atomically as a file and as a QR code.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PrivateKey } from '@signalapp/libsignal-client';
import { canonicalJson } from '../../../shared/canonical-json.js';
import { MAX_CARD_BYTES } from '../../../shared/domain/identity.js';
import {
  cardFileText,
  cardPqPublicKey,
  cardPublicKey,
  cardQr,
  cardSignedBytes,
  contactCardOf,
  exportContactCard,
  parseContactCard,
  type ContactCard,
} from '../../../src-main/engine/identity/contact-card.js';
import { updateIdentity } from '../../../src-main/engine/identity/identity-service.js';
import { HybridIdentity } from '../../../src-main/engine/age/index.js';
import { keyFingerprint, signatureDigest, verifySignature } from '../../../src-main/engine/identity/vault-identity.js';
import { tempDir } from '../../helpers.js';
import { codeOfSync, newDomain } from '../domain-helpers.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Re-sign a card body with some key: a well-formed card whose content we chose. */
function signedWith(key: PrivateKey, body: Record<string, unknown>): Record<string, unknown> {
  const { signature: _s, ...rest } = body;
  const sig = key.sign(new Uint8Array(signatureDigest('card', Buffer.from(canonicalJson(rest)))));
  return { ...rest, signature: Buffer.from(sig).toString('base64') };
}

describe('contact card', () => {
  it('is signed by the vault over its canonical JSON, and round-trips through its file text', async () => {
    const d = await newDomain();
    updateIdentity(d.ctx, { name: 'Amina Odhiambo', organisation: 'Legal Aid Nairobi' });
    const card = contactCardOf(d.ctx);
    expect(card).toEqual({
      format: 'case-vault/contact-card',
      version: 2,
      vaultId: d.ctx.vaultId,
      name: 'Amina Odhiambo',
      organisation: 'Legal Aid Nairobi',
      publicKey: d.ctx.identity.publicKey.toString('base64'),
      createdAt: '2026-11-21T12:00:00.000Z',
      pqPublicKey: d.ctx.identity.postQuantumPublicKey!.toString('base64'),
      signature: expect.stringMatching(/^[A-Za-z0-9+/]{86}==$/),
    });
    expect(cardPqPublicKey(card)!.equals(d.ctx.identity.postQuantumPublicKey!)).toBe(true);
    const { signature, ...body } = card;
    expect(cardSignedBytes(card).toString()).toBe(canonicalJson(body));
    expect(
      verifySignature(
        d.ctx.identity.publicKey,
        'card',
        Buffer.from(canonicalJson(body)),
        Buffer.from(signature, 'base64'),
      ),
    ).toBe(true);
    // domain separation: the card's signature is not a manifest signature of the same bytes
    expect(
      verifySignature(
        d.ctx.identity.publicKey,
        'manifest',
        Buffer.from(canonicalJson(body)),
        Buffer.from(signature, 'base64'),
      ),
    ).toBe(false);

    const text = cardFileText(card);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toContain('\n  "format": "case-vault/contact-card",\n');
    expect(parseContactCard(text)).toEqual(card);
    expect(parseContactCard(Buffer.from(text))).toEqual(card);
    expect(parseContactCard(JSON.parse(text))).toEqual(card);
    expect(parseContactCard(canonicalJson(card))).toEqual(card);
    expect(cardPublicKey(card).equals(d.ctx.identity.publicKey)).toBe(true);

    // version 1, for a reader that may not know version 2: the same card without the key
    const classic = contactCardOf(d.ctx, { postQuantum: false });
    const { pqPublicKey: _pq, signature: _s2, ...v2body } = card as Extract<ContactCard, { version: 2 }>;
    const { signature: _s1, ...v1body } = classic;
    expect(v1body).toEqual({ ...v2body, version: 1 });
    expect(parseContactCard(cardFileText(classic))).toEqual(classic);
    expect(cardPqPublicKey(classic)).toBeNull();
  });

  describe('refusals, one code per way of failing', () => {
    const cases: Array<[string, (card: ContactCard, key: PrivateKey) => unknown, string]> = [
      ['too large', (c) => JSON.stringify({ ...c, pad: 'x'.repeat(MAX_CARD_BYTES) }), 'CARD_TOO_LARGE'],
      ['too large as a value', (c) => ({ ...c, name: 'x'.repeat(MAX_CARD_BYTES) }), 'CARD_TOO_LARGE'],
      ['not UTF-8', () => Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), 'CARD_INVALID'],
      ['not JSON', (c) => JSON.stringify(c).slice(0, -1), 'CARD_INVALID'],
      ['empty', () => '', 'CARD_INVALID'],
      ['an array', (c) => JSON.stringify([c]), 'CARD_INVALID'],
      ['null', () => 'null', 'CARD_INVALID'],
      ['a __proto__ key', (c) => JSON.stringify(c).replace('{', '{"__proto__":{"polluted":true},'), 'CARD_INVALID'],
      ['a nested constructor key', (c) => JSON.stringify(c).replace('{', '{"x":[{"constructor":1}],'), 'CARD_INVALID'],
      ['another format', (c) => JSON.stringify({ ...c, format: 'case-vault/bundle' }), 'CARD_INVALID'],
      [
        'no format',
        (c) => {
          const { format: _f, ...r } = c;
          return JSON.stringify(r);
        },
        'CARD_INVALID',
      ],
      ['version 3', (c) => JSON.stringify({ ...c, version: 3 }), 'CARD_UNSUPPORTED_VERSION'],
      [
        'version 1 carrying a post-quantum key (signed)',
        (c, k) =>
          JSON.stringify(
            signedWith(k, {
              ...c,
              version: 1,
              publicKey: Buffer.from(k.getPublicKey().serialize()).toString('base64'),
            }),
          ),
        'CARD_INVALID',
      ],
      [
        'version 2 without its post-quantum key (signed)',
        (c, k) => {
          const { pqPublicKey: _p, ...rest } = c as Extract<ContactCard, { version: 2 }>;
          return JSON.stringify(
            signedWith(k, { ...rest, publicKey: Buffer.from(k.getPublicKey().serialize()).toString('base64') }),
          );
        },
        'CARD_INVALID',
      ],
      [
        'a post-quantum key of 1215 bytes (signed)',
        (c, k) =>
          JSON.stringify(
            signedWith(k, {
              ...c,
              publicKey: Buffer.from(k.getPublicKey().serialize()).toString('base64'),
              pqPublicKey: Buffer.alloc(1215, 1).toString('base64'),
            }),
          ),
        'CARD_KEY_INVALID',
      ],
      [
        'a post-quantum key that is not an ML-KEM-768 key (signed)',
        (c, k) => {
          const pq = Buffer.from((c as Extract<ContactCard, { version: 2 }>).pqPublicKey, 'base64');
          pq[0] = 0xff;
          pq[1] = pq[1]! | 0x0f; // a coefficient of 4095 >= q
          return JSON.stringify(
            signedWith(k, {
              ...c,
              publicKey: Buffer.from(k.getPublicKey().serialize()).toString('base64'),
              pqPublicKey: pq.toString('base64'),
            }),
          );
        },
        'CARD_KEY_INVALID',
      ],
      [
        'a swapped post-quantum key (the signature covers it)',
        (c) => JSON.stringify({ ...c, pqPublicKey: HybridIdentity.generate().publicKey.toString('base64') }),
        'CARD_SIGNATURE_INVALID',
      ],
      ['version "1"', (c) => JSON.stringify({ ...c, version: '1' }), 'CARD_UNSUPPORTED_VERSION'],
      [
        'an extra member (even signed)',
        (c, k) =>
          JSON.stringify(
            signedWith(k, { ...c, publicKey: Buffer.from(k.getPublicKey().serialize()).toString('base64'), extra: 1 }),
          ),
        'CARD_INVALID',
      ],
      [
        'a missing member',
        (c) => {
          const { name: _n, ...r } = c;
          return JSON.stringify(r);
        },
        'CARD_INVALID',
      ],
      ['a vault id that is not a UUID', (c) => JSON.stringify({ ...c, vaultId: '../x' }), 'CARD_INVALID'],
      ['a name too long', (c) => JSON.stringify({ ...c, name: 'x'.repeat(201) }), 'CARD_INVALID'],
      [
        'a time without milliseconds',
        (c) => JSON.stringify({ ...c, createdAt: '2026-11-21T12:00:00Z' }),
        'CARD_INVALID',
      ],
      ['a key that is not base64', (c) => JSON.stringify({ ...c, publicKey: 'not base64!' }), 'CARD_INVALID'],
      [
        'a key of 32 bytes',
        (c) => JSON.stringify({ ...c, publicKey: Buffer.from(c.publicKey, 'base64').subarray(1).toString('base64') }),
        'CARD_KEY_INVALID',
      ],
      [
        'a key of the wrong type',
        (c) =>
          JSON.stringify({
            ...c,
            publicKey: Buffer.concat([Buffer.of(6), Buffer.from(c.publicKey, 'base64').subarray(1)]).toString('base64'),
          }),
        'CARD_KEY_INVALID',
      ],
      [
        'a signature of 63 bytes',
        (c) => JSON.stringify({ ...c, signature: Buffer.from(c.signature, 'base64').subarray(1).toString('base64') }),
        'CARD_SIGNATURE_INVALID',
      ],
      [
        'a flipped signature bit',
        (c) => {
          const s = Buffer.from(c.signature, 'base64');
          s[5]! ^= 1;
          return JSON.stringify({ ...c, signature: s.toString('base64') });
        },
        'CARD_SIGNATURE_INVALID',
      ],
      ['a changed name', (c) => JSON.stringify({ ...c, name: 'Someone else' }), 'CARD_SIGNATURE_INVALID'],
      [
        'a changed vault id',
        (c) => JSON.stringify({ ...c, vaultId: '01900000-0000-7000-8000-000000000000' }),
        'CARD_SIGNATURE_INVALID',
      ],
      [
        'a swapped key (signed by the original)',
        (c, k) => JSON.stringify({ ...c, publicKey: Buffer.from(k.getPublicKey().serialize()).toString('base64') }),
        'CARD_SIGNATURE_INVALID',
      ],
      [
        'a card signed as a manifest',
        (c, k) => {
          const { signature: _s, ...rest } = {
            ...c,
            publicKey: Buffer.from(k.getPublicKey().serialize()).toString('base64'),
          };
          const sig = k.sign(new Uint8Array(signatureDigest('manifest', Buffer.from(canonicalJson(rest)))));
          return JSON.stringify({ ...rest, signature: Buffer.from(sig).toString('base64') });
        },
        'CARD_SIGNATURE_INVALID',
      ],
    ];
    for (const [name, make, code] of cases) {
      it(name, async () => {
        const d = await newDomain();
        const card = contactCardOf(d.ctx);
        expect(codeOfSync(() => parseContactCard(make(card, PrivateKey.generate())))).toBe(code);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      });
    }

    it('a card re-signed by another key after changing it is valid (the card proves the key, not the person)', async () => {
      const d = await newDomain();
      const k = PrivateKey.generate();
      const forged = signedWith(k, {
        ...contactCardOf(d.ctx),
        name: 'Impostor',
        publicKey: Buffer.from(k.getPublicKey().serialize()).toString('base64'),
      });
      expect(parseContactCard(JSON.stringify(forged)).name).toBe('Impostor');
    });
  });

  it('as a QR code: a PNG and an SVG holding the compact card', async () => {
    const d = await newDomain();
    const card = contactCardOf(d.ctx, { postQuantum: false });
    const png = await cardQr(card, 'png');
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
    const width = png.readUInt32BE(16);
    expect(width).toBe(png.readUInt32BE(20));
    const svg = await cardQr(card, 'svg');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]* viewBox="0 0 (\d+) \1"/);
    expect(svg.trimEnd()).toMatch(/<\/svg>$/);
    // The module count follows from the data length in byte mode at level M: a compact card of
    // ~320 bytes needs version 11-13 (61-69 modules); the margin adds 8.
    const modules = Number(/viewBox="0 0 (\d+)/.exec(svg)![1]) - 8;
    const bytes = Buffer.byteLength(canonicalJson(card));
    expect(bytes).toBeGreaterThan(250);
    expect((modules - 17) % 4).toBe(0);
    const version = (modules - 17) / 4;
    // byte-mode capacity at M for versions 10..14
    const capacityM: Record<number, number> = { 10: 213, 11: 251, 12: 287, 13: 331, 14: 362 };
    expect(capacityM[version]).toBeGreaterThanOrEqual(bytes);
    expect(capacityM[version - 1] ?? 0).toBeLessThan(bytes);
  });

  it('a version 2 card fits a QR code (version 40 at most); one too long for any is CARD_QR_TOO_LARGE', async () => {
    const d = await newDomain();
    updateIdentity(d.ctx, { name: 'Amina Odhiambo', organisation: 'Legal Aid Nairobi' });
    const card = contactCardOf(d.ctx);
    const svg = await cardQr(card, 'svg');
    const modules = Number(/viewBox="0 0 (\d+)/.exec(svg)![1]) - 8;
    expect(modules).toBeLessThanOrEqual(17 + 4 * 40);
    expect(Buffer.byteLength(canonicalJson(card))).toBeLessThan(2331);
    // 200 characters of three-byte script in each of name and organisation: 1200 bytes more
    updateIdentity(d.ctx, { name: 'ማ'.repeat(200), organisation: 'ማ'.repeat(200) });
    const long = contactCardOf(d.ctx);
    await expect(cardQr(long, 'png')).rejects.toMatchObject({ code: 'CARD_QR_TOO_LARGE' });
    // the same card without the post-quantum key still fits
    expect((await cardQr(contactCardOf(d.ctx, { postQuantum: false }), 'png')).length).toBeGreaterThan(0);
  });

  it('exports the card file and its QR code atomically, refusing to overwrite, audited', async () => {
    const d = await newDomain();
    const dir = tempDir();
    const out = path.join(dir, 'me.cvcard');
    const qr = path.join(dir, 'me.png');
    const before = d.auditCount();
    const r = await exportContactCard(d.ctx, { out, qr });
    expect(r).toMatchObject({ out, qr, fingerprint: keyFingerprint(d.ctx.identity.publicKey) });
    expect(parseContactCard(fs.readFileSync(out))).toEqual(r.card);
    expect(fs.readFileSync(out, 'utf8')).toBe(cardFileText(r.card));
    expect(fs.readFileSync(qr).subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(d.auditCount()).toBe(before + 1);
    expect(fs.readdirSync(dir).sort()).toEqual(['me.cvcard', 'me.png']);

    // an existing card file: refused, nothing written, no audit entry
    fs.writeFileSync(path.join(dir, 'taken.cvcard'), 'mine');
    await expect(exportContactCard(d.ctx, { out: path.join(dir, 'taken.cvcard') })).rejects.toMatchObject({
      code: 'EXPORT_TARGET_EXISTS',
    });
    // the QR file exists: the card file is not left behind either
    await expect(exportContactCard(d.ctx, { out: path.join(dir, 'new.cvcard'), qr })).rejects.toMatchObject({
      code: 'EXPORT_TARGET_EXISTS',
    });
    await expect(
      exportContactCard(d.ctx, { out: path.join(dir, 'new.cvcard'), qr: path.join(dir, 'x.jpg') }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(exportContactCard(d.ctx, { out: path.join(dir, 'nope', 'x.cvcard') })).rejects.toMatchObject({
      code: 'IO_ERROR',
    });
    expect(fs.readFileSync(path.join(dir, 'taken.cvcard'), 'utf8')).toBe('mine');
    expect(fs.readdirSync(dir).sort()).toEqual(['me.cvcard', 'me.png', 'taken.cvcard']);
    expect(d.auditCount()).toBe(before + 1);

    const svg = path.join(dir, 'me.svg');
    await exportContactCard(d.ctx, { out: path.join(dir, 'me2.cvcard'), qr: svg });
    expect(fs.readFileSync(svg, 'utf8')).toMatch(/^<svg /);
  });
});
