/**
 * Opaque handles for files chosen in main's native dialogs. The renderer holds `fh_<hex>` and
 * never a path; main swaps a handle for its path when a call that names it is forwarded. Every
 * handle is forgotten when the vault locks.
 */
import { randomBytes } from 'node:crypto';
import type { FilePurpose } from '../../../shared/ipc/kit.js';

export type HandlePurpose = FilePurpose;

export class FileHandles {
  #map = new Map<string, { path: string; purpose: HandlePurpose }>();

  issue(path: string, purpose: HandlePurpose): string {
    const handle = `fh_${randomBytes(16).toString('hex')}`;
    this.#map.set(handle, { path, purpose });
    return handle;
  }

  /**
   * The path a handle stands for, or undefined for a handle main never issued (or forgot), or one
   * issued by the other kind of dialog.
   */
  resolve(handle: unknown, purpose: HandlePurpose): string | undefined {
    if (typeof handle !== 'string') return undefined;
    const entry = this.#map.get(handle);
    return entry && entry.purpose === purpose ? entry.path : undefined;
  }

  clear(): void {
    this.#map.clear();
  }

  get size(): number {
    return this.#map.size;
  }
}
