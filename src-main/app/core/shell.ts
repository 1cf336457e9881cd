/**
 * The desktop shell's logic, without Electron: the one IPC registration wrapper (router), the
 * calls main answers itself, the lock, file handles, the evidence viewer's one-time URLs and the
 * clipboard rule. src-main/app/electron wires it to Electron; tests/e2e/harness wires it to a
 * loopback HTTP server. Both therefore run the same checks.
 *
 * Every call goes through `handle()`:
 *   1. the sender must be the app's own page (`trusted`), else FORBIDDEN;
 *   2. the channel must be in the contract, else UNKNOWN_CALL;
 *   3. the input is parsed with the call's zod schema, else INVALID_INPUT naming the field;
 *   4. calls that need an unlocked vault are refused with VAULT_LOCKED without a trip to the worker;
 *   5. file handles become paths (FILE_HANDLE_INVALID for one main never issued);
 *   6. the engine worker or main answers; progress is relayed as events; a call that changed
 *      what the vault holds is announced with a `changed` event (shared/ipc/events.ts, CALL_CHANGES);
 *   7. the answer is parsed with the call's output schema: what reaches the renderer is exactly
 *      what the contract promises (a mismatch is a bug: INTERNAL, logged by channel only).
 * Errors are `{ code, message }`: no stack, no path, no secret.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { CONTRACT, type Contract } from '../../../shared/ipc/contract.js';
import { findCall, type CallError, type Implementation, type Result } from '../../../shared/ipc/kit.js';
import { changeOf, type EventName, type EventPayload, type LockedEvent } from '../../../shared/ipc/events.js';
import type { ChosenFile, OpenKind, SaveKind } from '../../../shared/ipc/areas/app.js';
import { isVaultError, VaultError } from '../../../shared/errors.js';
import { describeZodError } from '../../../shared/zod-message.js';
import type { ProgressReport } from '../../engine/api/call-context.js';
import { classifyFailure } from '../../engine/util/system-errors.js';
import { FileHandles } from './file-handles.js';
import { AutoLock } from './auto-lock.js';
import type { SettingsStore } from './settings-store.js';
import { viewableContentType, evidenceHeaders } from './app-protocol.js';
import { basename } from 'node:path';
import { statSync } from 'node:fs';

/** What the shell needs from the engine (EngineClient in the app and the harness). */
export interface EngineLink {
  call(
    channel: string,
    input: unknown,
    onProgress?: (channel: string, report: ProgressReport) => void,
  ): Promise<Result<unknown>>;
  lock(): Promise<void>;
  openRead(
    evidenceId: string,
  ): Promise<Result<{ mediaType: string; size: number; stream: ReadableStream<Uint8Array> }>>;
}

/** What the shell needs from its host (Electron, or the harness's stand-ins). */
/** What a folder dialog is for: its title. */
export type FolderPurpose = 'backup' | 'sync';

export interface ShellHost {
  /** native open dialog; resolves to a path or null when cancelled */
  chooseOpenFile(kind: OpenKind): Promise<string | null>;
  /** native save dialog; resolves to a path or null when cancelled */
  chooseSaveFile(suggestedName: string, kind: SaveKind): Promise<string | null>;
  /** native "choose folder" dialog, titled for what the folder is for; a path, or null when cancelled */
  chooseFolder(purpose: FolderPurpose): Promise<string | null>;
  /** Electron's clipboard reads and writes asynchronously; a host in memory may answer at once */
  clipboard: { writeText(text: string): void | Promise<void>; readText(): string | Promise<string>; clear(): void };
  /** push an event to every window of the app */
  broadcast<N extends EventName>(name: N, payload: EventPayload<N>): void;
  systemIdleSeconds(): number;
  /** the URL the renderer loads a viewer token from */
  viewerUrl(token: string): string;
  /** one line for the log: channel names and error codes only, never values */
  log(line: string): void;
}

export interface ShellOptions {
  engine: EngineLink;
  settings: SettingsStore;
  host: ShellHost;
  /** how long a copied secret stays on the clipboard */
  clipboardClearSeconds?: number;
  /** how long a viewer URL stays valid if it is never loaded */
  viewerTokenTtlMs?: number;
  autoLockPollMs?: number;
}

type MainImplementation = Implementation<Contract, 'main', Shell>;

const forbidden: CallError = { code: 'FORBIDDEN', message: 'This window is not allowed to call the vault.' };

export class Shell {
  readonly handles = new FileHandles();
  readonly autoLock: AutoLock;
  #unlocked = false;
  /** counts locks: a dialog opened before a lock never yields a handle, even if the vault was unlocked again meanwhile */
  #lockEpoch = 0;
  #viewerTokens = new Map<string, { evidenceId: string; expires: number }>();
  #clipboardSecret: Buffer | null = null;
  #clipboardTimer: NodeJS.Timeout | null = null;

  constructor(private readonly opts: ShellOptions) {
    this.autoLock = new AutoLock(
      {
        systemIdleSeconds: () => opts.host.systemIdleSeconds(),
        lock: (reason) => void this.lock(reason),
        pollMs: opts.autoLockPollMs,
      },
      opts.settings.get().autoLockMinutes,
    );
  }

  get isUnlocked(): boolean {
    return this.#unlocked;
  }

  /** The single registration wrapper: see the file comment for its seven steps. */
  async handle(trusted: boolean, channel: unknown, rawInput: unknown): Promise<Result<unknown>> {
    if (!trusted) {
      this.opts.host.log(`ipc refused: untrusted sender`);
      return { ok: false, error: forbidden };
    }
    const spec = findCall(CONTRACT, channel);
    if (!spec)
      return {
        ok: false,
        error: { code: 'UNKNOWN_CALL', message: 'The app asked for something the vault does not offer.' },
      };
    const name = channel as string;
    const parsed = spec.input.safeParse(rawInput ?? {});
    if (!parsed.success)
      return { ok: false, error: { code: 'INVALID_INPUT', message: describeZodError(parsed.error) } };
    if (spec.unlocked && !this.#unlocked) {
      return {
        ok: false,
        error: { code: 'VAULT_LOCKED', message: 'The vault is locked. Unlock it with its passphrase or recovery key.' },
      };
    }
    let input = parsed.data as Record<string, unknown>;
    const fileFields = Object.entries(spec.fileFields);
    if (fileFields.length > 0) {
      input = { ...input };
      for (const [field, purpose] of fileFields) {
        if (input[field] === undefined) continue;
        const path = this.handles.resolve(input[field], purpose);
        if (!path)
          return {
            ok: false,
            error: { code: 'FILE_HANDLE_INVALID', message: 'That file choice has expired. Choose the file again.' },
          };
        input[field] = path;
      }
    }

    let result: Result<unknown>;
    if (spec.handler === 'engine') {
      result = await this.opts.engine.call(name, input, (ch, report) => this.#relayProgress(ch, report));
    } else {
      result = await this.#callMain(name, input);
    }
    if (!result.ok) {
      this.opts.host.log(`ipc ${name}: ${result.error.code}`);
      return result;
    }
    this.#afterSuccess(name, result.value);
    const out = spec.output.safeParse(result.value);
    if (!out.success) {
      this.opts.host.log(
        `ipc ${name}: answer does not match the contract at ${out.error.issues.map((i) => i.path.join('.')).join(', ')}`,
      );
      return {
        ok: false,
        error: {
          code: 'INTERNAL',
          message: 'The vault answered in an unexpected form. Nothing was shown; please report this.',
        },
      };
    }
    return { ok: true, value: out.data };
  }

  #relayProgress(channel: string, report: ProgressReport): void {
    this.opts.host.broadcast('progress', {
      channel,
      phase: report.phase,
      done: report.done ?? 0,
      total: report.total ?? null,
      ...(report.expectedMs !== undefined ? { expectedMs: report.expectedMs } : {}),
    });
  }

  #afterSuccess(channel: string, value: unknown): void {
    // Announced even if the answer then fails its schema: the change has happened all the same.
    const change = changeOf(channel, value);
    if (change) this.opts.host.broadcast('changed', change);
    if (channel === 'vault.create' || channel === 'vault.unlock' || channel === 'vault.unlockWithRecoveryKey') {
      this.#unlocked = true;
      this.autoLock.arm();
    }
  }

  async #callMain(channel: string, input: unknown): Promise<Result<unknown>> {
    const [area, method] = channel.split('.') as [string, string];
    const impl = (this.#main as unknown as Record<string, Record<string, (i: unknown, s: Shell) => unknown>>)[area]?.[
      method
    ];
    if (!impl)
      return {
        ok: false,
        error: { code: 'UNKNOWN_CALL', message: 'The app asked for something the vault does not offer.' },
      };
    try {
      return { ok: true, value: await impl(input, this) };
    } catch (caught) {
      // a full or failing disk (settings, a file written by main) is the user's to fix, not a bug
      const e = classifyFailure(caught);
      if (isVaultError(e)) return { ok: false, error: { code: e.code, message: e.message } };
      this.opts.host.log(`ipc ${channel}: unexpected ${e instanceof Error ? e.name : typeof e}`);
      return { ok: false, error: { code: 'INTERNAL', message: 'Something went wrong in the app. Try again.' } };
    }
  }

  /**
   * Lock: zero the keys in the worker, forget file handles and viewer URLs, clear a copied secret,
   * and tell every window (which drops all record data it holds and shows the unlock screen).
   * Nothing can hold it off: it does not wait for dialogs, modals or calls in flight.
   */
  async lock(reason: LockedEvent['reason']): Promise<void> {
    const wasUnlocked = this.#unlocked;
    this.#unlocked = false;
    this.#lockEpoch++;
    this.autoLock.disarm();
    this.handles.clear();
    this.#viewerTokens.clear();
    const clipboardCleared = this.#clearClipboardSecret(true);
    this.opts.host.broadcast('locked', { reason });
    await this.opts.engine.lock();
    await clipboardCleared;
    if (wasUnlocked) this.opts.host.log(`locked: ${reason}`);
  }

  /** The worker died: its keys died with it. */
  onEngineCrash(): void {
    void this.lock('shutdown');
  }

  // --- the evidence viewer -------------------------------------------------------------------

  /** Serve a viewer URL's token once: the decrypted bytes stream from the worker, never via disk. */
  async serveEvidence(token: string): Promise<Response> {
    const entry = this.#viewerTokens.get(token);
    this.#viewerTokens.delete(token);
    if (!entry || entry.expires < Date.now() || !this.#unlocked)
      return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain' } });
    const opened = await this.opts.engine.openRead(entry.evidenceId);
    if (!opened.ok)
      return new Response(opened.error.code, {
        status: opened.error.code === 'NOT_FOUND' ? 404 : 500,
        headers: { 'content-type': 'text/plain' },
      });
    const contentType = viewableContentType(opened.value.mediaType);
    if (!contentType) {
      await opened.value.stream.cancel();
      return new Response('Unsupported', { status: 415, headers: { 'content-type': 'text/plain' } });
    }
    return new Response(opened.value.stream, { status: 200, headers: evidenceHeaders(contentType, opened.value.size) });
  }

  // --- the clipboard -------------------------------------------------------------------------

  /**
   * An open dialog in main. A lock while the dialog is open wins: the answer is dropped, so no
   * handle outlives the session that asked for it.
   */
  async #chooseOpen(kind: OpenKind): Promise<ChosenFile | null> {
    const epoch = this.#lockEpoch;
    const path = await this.opts.host.chooseOpenFile(kind);
    if (!path || !this.#unlocked || epoch !== this.#lockEpoch) return null;
    const unreadable = kind === 'evidence' ? 'EVIDENCE_UNREADABLE' : 'FILE_UNREADABLE';
    let size: number;
    try {
      const st = statSync(path);
      if (!st.isFile()) throw new VaultError(unreadable, 'That is not a file. Choose a file.');
      size = st.size;
    } catch (e) {
      if (isVaultError(e)) throw e;
      throw new VaultError(
        unreadable,
        'That file cannot be read. Check that it still exists and that you may read it.',
      );
    }
    return { handle: this.handles.issue(path, 'open'), name: basename(path), size };
  }

  async #vaultAbsent(): Promise<boolean> {
    const status = await this.opts.engine.call('vault.status', {});
    return status.ok && (status.value as { state: string }).state === 'absent';
  }

  async #clearClipboardSecret(clear: boolean): Promise<void> {
    if (this.#clipboardTimer) clearTimeout(this.#clipboardTimer);
    this.#clipboardTimer = null;
    const secret = this.#clipboardSecret;
    this.#clipboardSecret = null;
    if (!clear || !secret) return;
    // Only clear if the clipboard still holds our secret: never wipe what the user copied since.
    // If the clipboard cannot be read, clear it: the secret may still be there.
    let text: string;
    try {
      text = await this.opts.host.clipboard.readText();
    } catch {
      this.opts.host.clipboard.clear();
      return;
    }
    if (timingSafeEqual(createHash('sha256').update(text).digest(), secret)) this.opts.host.clipboard.clear();
  }

  // --- calls main answers itself -------------------------------------------------------------

  readonly #main: MainImplementation = {
    session: {
      lock: async () => {
        await this.lock('user');
        return null;
      },
      panic: async () => {
        await this.lock('panic');
        return null;
      },
    },
    settings: {
      get: () => this.opts.settings.get(),
      set: (patch) => {
        const next = this.opts.settings.set(patch);
        this.autoLock.setMinutes(next.autoLockMinutes);
        return next;
      },
    },
    files: {
      chooseEvidence: () => this.#chooseOpen('evidence'),
      chooseOpen: ({ kind }) => this.#chooseOpen(kind),
      chooseSaveTarget: async ({ suggestedName, kind }) => {
        const epoch = this.#lockEpoch;
        const path = await this.opts.host.chooseSaveFile(suggestedName, kind);
        if (!path || !this.#unlocked || epoch !== this.#lockEpoch) return null;
        return { handle: this.handles.issue(path, 'save'), name: basename(path) };
      },
      chooseBackupFolder: async () => {
        const epoch = this.#lockEpoch;
        const path = await this.opts.host.chooseFolder('backup');
        if (!path || !this.#unlocked || epoch !== this.#lockEpoch) return null;
        if (!isFolder(path))
          throw new VaultError('FILE_UNREADABLE', 'That folder cannot be opened. Check that the drive is connected.');
        return { handle: this.handles.issue(path, 'save'), name: basename(path) || path };
      },
      chooseRestoreFolder: async () => {
        if (this.#unlocked || !(await this.#vaultAbsent()))
          throw new VaultError(
            'BACKUP_RESTORE_TARGET_EXISTS',
            'A vault already exists on this computer; a restore never replaces a vault.',
          );
        const epoch = this.#lockEpoch;
        const path = await this.opts.host.chooseFolder('backup');
        if (!path || this.#unlocked || epoch !== this.#lockEpoch) return null;
        if (!isFolder(path))
          throw new VaultError('FILE_UNREADABLE', 'That folder cannot be opened. Check that the drive is connected.');
        return { handle: this.handles.issue(path, 'save'), name: basename(path) || path };
      },
      chooseSyncFolder: async () => {
        const epoch = this.#lockEpoch;
        const path = await this.opts.host.chooseFolder('sync');
        if (!path || !this.#unlocked || epoch !== this.#lockEpoch) return null;
        if (!isFolder(path))
          throw new VaultError('FILE_UNREADABLE', 'That folder cannot be opened. Check that the drive is connected.');
        return { handle: this.handles.issue(path, 'save'), name: basename(path) || path };
      },
    },
    clipboard: {
      copySecret: async ({ text }) => {
        const seconds = this.opts.clipboardClearSeconds ?? 30;
        void this.#clearClipboardSecret(false);
        await this.opts.host.clipboard.writeText(text);
        this.#clipboardSecret = createHash('sha256').update(text).digest();
        this.#clipboardTimer = setTimeout(() => void this.#clearClipboardSecret(true), seconds * 1000);
        this.#clipboardTimer.unref?.();
        return { clearsInSeconds: seconds };
      },
    },
    viewer: {
      open: async ({ evidenceId }) => {
        const info = await this.opts.engine.call('evidence.get', { id: evidenceId });
        if (!info.ok) throw new VaultError(info.error.code, info.error.message);
        const mediaType = (info.value as { mediaType: string }).mediaType;
        if (!viewableContentType(mediaType)) {
          throw new VaultError(
            'EVIDENCE_UNREADABLE',
            'This kind of file cannot be shown inside the vault. Export a copy to open it with another program.',
          );
        }
        const token = randomBytes(24).toString('hex');
        this.#viewerTokens.set(token, { evidenceId, expires: Date.now() + (this.opts.viewerTokenTtlMs ?? 60_000) });
        return { url: this.opts.host.viewerUrl(token), mediaType };
      },
    },
  };
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
