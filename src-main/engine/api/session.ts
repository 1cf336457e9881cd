/**
 * The engine's state between calls in the worker: which vault, and whether it is unlocked.
 * One session per worker; one worker per open vault (the database is held exclusively).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Vault } from '../vault/vault.js';
import { VAULT_FILE_NAME } from '../vault/vault-file.js';
import { domainContext, type DomainContext } from '../domain/context.js';
import { VaultError } from '../../../shared/errors.js';

export type SessionState = 'absent' | 'locked' | 'unlocked';

export class EngineSession {
  #vault: Vault | null = null;
  #ctx: DomainContext | null = null;

  constructor(
    readonly vaultDir: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  state(): SessionState {
    if (this.#vault?.isUnlocked) return 'unlocked';
    return existsSync(join(this.vaultDir, VAULT_FILE_NAME)) ? 'locked' : 'absent';
  }

  /** The unlocked vault, or VAULT_LOCKED. */
  get vault(): Vault {
    if (!this.#vault?.isUnlocked)
      throw new VaultError('VAULT_LOCKED', 'The vault is locked. Unlock it with its passphrase or recovery key.');
    return this.#vault;
  }

  /** The domain services' context for the unlocked vault, or VAULT_LOCKED. */
  get ctx(): DomainContext {
    const vault = this.vault;
    this.#ctx ??= domainContext(vault, this.now);
    return this.#ctx;
  }

  /** Take over a freshly opened or created vault (locking any other one first). */
  adopt(vault: Vault): void {
    this.lock();
    this.#vault = vault;
  }

  /** Close the database and zero every key. Idempotent. */
  lock(): void {
    this.#ctx = null;
    const v = this.#vault;
    this.#vault = null;
    v?.lock();
  }
}
