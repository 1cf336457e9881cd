// Reading every byte a vault folder holds, decrypted: the pages of vault.db (used and free
// alike) and the frames of its WAL, decrypted here page by page with the database key, so that
// a search finds text wherever SQLite left it — in a live row, in the free space of a page, in
// a page on the freelist, in an old full-text segment — not only where a query would find it.
//
// SQLCipher 4 with a raw key (db/database.ts): each page is AES-256-CBC under the key itself,
// with a per-page IV in the page's reserved tail (IV 16 bytes, then the HMAC-SHA512, 64 bytes);
// page 1 starts with the 16-byte salt, in clear, and is encrypted from offset 16.
// Test-only: the app never decrypts pages itself.
import { createDecipheriv } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { unwrapKey } from '../../../src-main/engine/crypto/aead.js';
import { deriveFromPassphrase } from '../../../src-main/engine/crypto/argon2.js';
import { deriveMasterSubkey } from '../../../src-main/engine/crypto/subkeys.js';
import { type PassphraseSlot, readVaultFile, slotAssociatedData } from '../../../src-main/engine/vault/vault-file.js';
import { PASSPHRASE, snapshot } from '../../helpers.js';

const PAGE = 4096;
const RESERVE = 80;
const SALT = 16;

/** The database key of a vault, unwrapped by hand as docs/vault-format.md describes. */
export async function databaseKeyOf(dir: string): Promise<Buffer> {
  const doc = await readVaultFile(dir);
  const slot = doc.slots.find((s): s is PassphraseSlot => s.kind === 'passphrase')!;
  const kek = await deriveFromPassphrase(PASSPHRASE, Buffer.from(slot.kdf.salt, 'base64'), slot.kdf);
  const master = unwrapKey(
    kek,
    Buffer.from(slot.nonce, 'base64'),
    Buffer.from(slot.wrappedKey, 'base64'),
    slotAssociatedData(doc, slot),
  )!;
  return Buffer.from(deriveMasterSubkey(master, doc.vaultId, 'database'));
}

function decryptPage(page: Buffer, key: Buffer, first: boolean): Buffer {
  const start = first ? SALT : 0;
  const iv = page.subarray(PAGE - RESERVE, PAGE - RESERVE + 16);
  const d = createDecipheriv('aes-256-cbc', key, iv);
  d.setAutoPadding(false);
  return Buffer.concat([d.update(page.subarray(start, PAGE - RESERVE)), d.final()]);
}

/** Every page of vault.db decrypted, in file order (page 1 without its salt). */
export function decryptedPages(dbFile: string, key: Buffer): Buffer[] {
  const bytes = fs.readFileSync(dbFile);
  if (bytes.length % PAGE !== 0) throw new Error(`vault.db is not a whole number of ${PAGE}-byte pages`);
  const pages: Buffer[] = [];
  for (let off = 0; off < bytes.length; off += PAGE)
    pages.push(decryptPage(bytes.subarray(off, off + PAGE), key, off === 0));
  // page 1 decrypted from offset 16 starts with the header's bytes 16…: the page size, then 1, 1, the reserve
  const p1 = pages[0]!;
  if (p1.readUInt16BE(0) !== PAGE || p1[4] !== RESERVE) throw new Error('page 1 did not decrypt to a SQLite header');
  return pages;
}

/** Every frame of a WAL file decrypted (header 32 bytes; each frame a 24-byte header and a page). */
export function decryptedWalFrames(walFile: string, key: Buffer): Buffer[] {
  if (!fs.existsSync(walFile)) return [];
  const bytes = fs.readFileSync(walFile);
  const frames: Buffer[] = [];
  for (let off = 32; off + 24 + PAGE <= bytes.length; off += 24 + PAGE) {
    const pgno = bytes.readUInt32BE(off);
    frames.push(decryptPage(bytes.subarray(off + 24, off + 24 + PAGE), key, pgno === 1));
  }
  return frames;
}

/**
 * Where each needle is found: in the decrypted pages of vault.db, the decrypted WAL frames, or
 * the raw bytes of any file of the folder (blobs, -shm, a journal, vault.json).
 */
export function findIn(dir: string, key: Buffer, needles: ReadonlyMap<string, Buffer[]>): Map<string, string[]> {
  const places: Array<[string, Buffer]> = [];
  decryptedPages(path.join(dir, 'vault.db'), key).forEach((p, i) => places.push([`vault.db page ${i + 1}`, p]));
  decryptedWalFrames(path.join(dir, 'vault.db-wal'), key).forEach((p, i) => places.push([`WAL frame ${i + 1}`, p]));
  for (const [file, bytes] of snapshot(dir)) places.push([`file ${file}`, bytes]);
  const found = new Map<string, string[]>();
  for (const [label, forms] of needles) {
    const where = places.filter(([, bytes]) => forms.some((f) => bytes.includes(f))).map(([place]) => place);
    if (where.length > 0) found.set(label, where);
  }
  return found;
}
