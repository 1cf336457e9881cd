/**
 * App settings (language, auto-lock minutes) in a small JSON file next to the vault folder.
 * They hold no personal data, and they are needed before unlock (the unlock screen speaks the
 * user's language), so they live outside the encrypted vault. Written atomically; a damaged or
 * hand-edited file falls back to the defaults field by field.
 */
import { readFileSync, writeFileSync, renameSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { AppSettings, DEFAULT_SETTINGS, Language, AutoLockMinutes } from '../../../shared/ipc/areas/app.js';

export class SettingsStore {
  #current: AppSettings;

  constructor(private readonly file: string) {
    this.#current = SettingsStore.read(file);
  }

  static read(file: string): AppSettings {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(file, 'utf8'));
    } catch {
      return { ...DEFAULT_SETTINGS };
    }
    const o = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
    const language = Language.safeParse(o.language);
    const minutes = AutoLockMinutes.safeParse(o.autoLockMinutes);
    return {
      language: language.success ? language.data : DEFAULT_SETTINGS.language,
      autoLockMinutes: minutes.success ? minutes.data : DEFAULT_SETTINGS.autoLockMinutes,
    };
  }

  get(): AppSettings {
    return { ...this.#current };
  }

  set(patch: Partial<AppSettings>): AppSettings {
    const next = AppSettings.parse({ ...this.#current, ...patch });
    mkdirSync(dirname(this.file), { recursive: true });
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, `${JSON.stringify(next, null, 2)}\n`, { mode: 0o600 });
    renameSync(tmp, this.file);
    this.#current = next;
    return this.get();
  }
}
