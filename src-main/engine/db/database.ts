/**
 * Opening vault.db: SQLCipher 4 keyed with a raw 256-bit key (no SQLCipher-side KDF: the key
 * is already uniformly random, derived from the master key by HKDF).
 *
 * Settings, and why:
 * - locking_mode=EXCLUSIVE: one process owns an open vault. A second opener (another window,
 *   a CLI run, `doctor --repair`) gets VAULT_BUSY instead of racing on blobs. With WAL it
 *   also means no -shm file: the WAL index stays in memory.
 * - journal_mode=WAL, synchronous=FULL: a commit that returned is on disk.
 * - temp_store=MEMORY: sorts and temporary tables never spill plaintext to a temp file.
 * - secure_delete=ON: freed pages are zeroed, so a deleted evidence key (crypto-erase) is gone
 *   even for someone who later obtains the passphrase.
 * - foreign_keys=ON, and cache_size sized in bench/ (see docs/performance.md).
 */
import Database from '@signalapp/sqlcipher';
import { VaultError } from '../../../shared/errors.js';
import type { WritableDB } from './sql.js';

/**
 * Page cache of decrypted pages. SQLCipher pays HMAC + AES for every page it reads from disk
 * that is not in this cache, where an unkeyed database gets it from the OS for free: with a
 * 32 MiB cache a 100 MiB database ran 1.7× slower than unkeyed (scans 3×), with 128 MiB at
 * parity (bench/, docs/performance.md). SQLite allocates it only as pages are used.
 */
export const CACHE_SIZE_KIB = 128 * 1024;

function sqliteCode(e: unknown): string | undefined {
  return (e as { code?: string }).code;
}

/**
 * Opens and keys the database. The caller owns `key` (it is not kept). The key check reads the
 * first page: a wrong key or a damaged header gives VAULT_CORRUPT, a vault open elsewhere
 * gives VAULT_BUSY.
 */
export function openKeyedDatabase(file: string, key: Uint8Array): WritableDB {
  let db: Database;
  try {
    db = new Database(file, { cacheStatements: true });
  } catch (e) {
    throw new VaultError('IO_ERROR', `The vault database could not be opened (${sqliteCode(e) ?? 'I/O error'}).`);
  }
  try {
    // SQLCipher logs e.g. "hmac check failed for pgno=1" straight to stderr. Those lines carry
    // no personal data, but they break the CLI's one-line error contract; keep them for debugging.
    db.pragma(`cipher_log_level = ${process.env.CASE_VAULT_DEBUG ? 'WARN' : 'NONE'}`);
    // The hex form of the key exists briefly as a JS string; SQLCipher's API offers no other way.
    db.pragma(`key = "x'${Buffer.from(key).toString('hex')}'"`);
    applyConnectionSettings(db);
    // Registers the Signal FTS5 tokenizer on this connection; the search tables name it.
    db.initTokenizer();
    return db as WritableDB;
  } catch (e) {
    try {
      db.close();
    } catch {
      /* already failing */
    }
    const code = sqliteCode(e);
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
      throw new VaultError(
        'VAULT_BUSY',
        'This vault is open in another Case Vault window or command. Close it there and try again.',
      );
    }
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
      throw new VaultError(
        'VAULT_CORRUPT',
        "The vault database cannot be read with this vault's key: it is damaged or belongs to another vault. Nothing was changed.",
      );
    }
    throw new VaultError('IO_ERROR', `The vault database could not be opened (${code ?? 'I/O error'}).`);
  }
}

/**
 * The connection settings of the header comment, in order. The first read (which also checks
 * the key) comes before journal_mode, which is persistent: on an existing WAL database setting
 * it writes nothing. Exported so that bench/ can give an unkeyed twin the very same settings.
 */
export function applyConnectionSettings(db: Database): void {
  db.pragma('locking_mode = EXCLUSIVE');
  db.pragma('busy_timeout = 1500');
  db.pragma('temp_store = MEMORY');
  db.pragma('secure_delete = ON');
  db.pragma('foreign_keys = ON');
  db.pragma(`cache_size = -${CACHE_SIZE_KIB}`);
  db.prepare('SELECT count(*) FROM sqlite_schema').get();
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
}

export function closeDatabase(db: WritableDB): void {
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
  } catch {
    /* closing anyway */
  }
  db.close();
}
