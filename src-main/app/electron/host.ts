/**
 * The Electron side of the core's ShellHost: native dialogs parented to the app's window, the
 * system clipboard, the system idle time, events to the app's windows, and the log.
 */
import { clipboard, dialog, powerMonitor, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import type { SaveKind, ShellHost } from '../core/shell.js';
import type { Language } from '../../../shared/ipc/areas/app.js';
import { eventChannel, type EventName, type EventPayload } from '../../../shared/ipc/events.js';
import { NATIVE_LABELS } from './labels.js';
import { viewerUrl } from './protocols.js';
import type { AppWindows } from './window.js';

export interface ElectronHostOptions {
  windows: AppWindows;
  /** the language of dialog titles (the user's setting) */
  language: () => Language;
  /** where log lines go; stderr by default. Lines hold channel names and error codes only (Shell writes them so). */
  write?: (line: string) => void;
}

export class ElectronHost implements ShellHost {
  constructor(private readonly opts: ElectronHostOptions) {}

  async chooseOpenFile(): Promise<string | null> {
    // No defaultPath: the dialog opens where the system chooses; nothing from the renderer steers it.
    const options: OpenDialogOptions = { title: NATIVE_LABELS[this.opts.language()].chooseEvidence, properties: ['openFile'] };
    const parent = this.opts.windows.main();
    const answer = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
    return answer.canceled ? null : (answer.filePaths[0] ?? null);
  }

  /**
   * The renderer's suggested name becomes the dialog's proposed *file name* only: reduced to a
   * bare name (no separators, no "..", no control characters), so it cannot steer the folder. The
   * user still confirms or changes it.
   */
  async chooseSaveFile(suggestedName: string, kind: SaveKind): Promise<string | null> {
    const labels = NATIVE_LABELS[this.opts.language()];
    const filters = kind === 'custody-json' ? [{ name: labels.jsonFiles, extensions: ['json'] }] : kind === 'custody-csv' ? [{ name: labels.csvFiles, extensions: ['csv'] }] : [];
    const name = safeFileName(suggestedName);
    const options: SaveDialogOptions = { title: labels.saveAs, filters, properties: ['createDirectory', 'showOverwriteConfirmation'], ...(name ? { defaultPath: name } : {}) };
    const parent = this.opts.windows.main();
    const answer = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
    return answer.canceled || !answer.filePath ? null : answer.filePath;
  }

  readonly clipboard = {
    writeText: (text: string) => clipboard.writeText(text),
    readText: () => clipboard.readText(),
    clear: () => clipboard.clear(),
  };

  broadcast<N extends EventName>(name: N, payload: EventPayload<N>): void {
    for (const win of this.opts.windows.all()) win.webContents.send(eventChannel(name), payload);
  }

  systemIdleSeconds(): number {
    return powerMonitor.getSystemIdleTime();
  }

  viewerUrl(token: string): string {
    return viewerUrl(token);
  }

  log(line: string): void {
    const out = `${new Date().toISOString()} ${line}\n`;
    if (this.opts.write) this.opts.write(out);
    else process.stderr.write(out);
  }
}

/** A proposed file name with nothing that could name a folder: separators, dots in front, controls. */
export function safeFileName(name: string): string {
  const cleaned = name.replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, '_').replace(/^[.\s]+/, '').trim();
  return cleaned.slice(0, 120);
}
