/**
 * The Electron side of the core's ShellHost: native dialogs parented to the app's window, the
 * system clipboard, the system idle time, events to the app's windows, and the log.
 */
import {
  clipboard,
  dialog,
  powerMonitor,
  type FileFilter,
  type OpenDialogOptions,
  type SaveDialogOptions,
} from 'electron';
import type { FolderPurpose, ShellHost } from '../core/shell.js';
import type { Language, OpenKind, SaveKind } from '../../../shared/ipc/areas/app.js';
import { safeFileName } from '../../../shared/file-name.js';
import { eventChannel, type EventName, type EventPayload } from '../../../shared/ipc/events.js';
import { NATIVE_LABELS, type NativeLabels } from './labels.js';
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

  async chooseOpenFile(kind: OpenKind): Promise<string | null> {
    // No defaultPath: the dialog opens where the system chooses; nothing from the renderer steers it.
    const labels = NATIVE_LABELS[this.opts.language()];
    const { title, filters } = openDialogFor(kind, labels);
    const options: OpenDialogOptions = { title, ...(filters.length > 0 ? { filters } : {}), properties: ['openFile'] };
    const parent = this.opts.windows.main();
    const answer = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
    return answer.canceled ? null : (answer.filePaths[0] ?? null);
  }

  /**
   * The renderer's suggested name becomes the dialog's proposed *file name* only: reduced to a
   * bare, safe name (shared/file-name.ts: no separators, no leading dots, no control, bidi or
   * invisible characters, no Windows device name, bounded, its extension kept), so it cannot
   * steer the folder or disguise itself. The user still confirms or changes it.
   */
  async chooseSaveFile(suggestedName: string, kind: SaveKind): Promise<string | null> {
    const labels = NATIVE_LABELS[this.opts.language()];
    const filters = saveFiltersFor(kind, labels);
    const name = safeFileName(suggestedName, { fallback: '' });
    const options: SaveDialogOptions = {
      title: labels.saveAs,
      filters,
      properties: ['createDirectory', 'showOverwriteConfirmation'],
      ...(name ? { defaultPath: name } : {}),
    };
    const parent = this.opts.windows.main();
    const answer = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
    return answer.canceled || !answer.filePath ? null : answer.filePath;
  }

  /** A folder for backups (typically a removable drive) or team sync; the dialog may create one. */
  async chooseFolder(purpose: FolderPurpose): Promise<string | null> {
    const labels = NATIVE_LABELS[this.opts.language()];
    const options: OpenDialogOptions = {
      title: purpose === 'sync' ? labels.chooseSyncFolder : labels.chooseBackupFolder,
      properties: ['openDirectory', 'createDirectory'],
    };
    const parent = this.opts.windows.main();
    const answer = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
    return answer.canceled ? null : (answer.filePaths[0] ?? null);
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

/** The title and file-type filter of each open dialog. Evidence may be any kind of file. */
export function openDialogFor(kind: OpenKind, labels: NativeLabels): { title: string; filters: FileFilter[] } {
  switch (kind) {
    case 'evidence':
      return { title: labels.chooseEvidence, filters: [] };
    case 'contact-card':
      return { title: labels.chooseCard, filters: [{ name: labels.cardFiles, extensions: ['cvcard', 'json'] }] };
    case 'bundle':
      // the same import takes a partner's recall notice (.cvrecall)
      return {
        title: labels.chooseBundle,
        filters: [{ name: labels.bundleFiles, extensions: ['cvbundle', 'cvrecall', 'age'] }],
      };
    case 'receipt':
      return { title: labels.chooseReceipt, filters: [{ name: labels.jsonFiles, extensions: ['json'] }] };
    case 'sync':
      return { title: labels.chooseSync, filters: [{ name: labels.syncFiles, extensions: ['cvsync'] }] };
    case 'picture':
      return {
        title: labels.choosePicture,
        filters: [{ name: labels.pictureFiles, extensions: ['png', 'jpg', 'jpeg'] }],
      };
    case 'csv':
      return { title: labels.chooseSpreadsheet, filters: [{ name: labels.csvFiles, extensions: ['csv'] }] };
  }
}

/** The file-type filter of each save dialog (none for an evidence copy: it keeps its own type). */
export function saveFiltersFor(kind: SaveKind, labels: NativeLabels): FileFilter[] {
  switch (kind) {
    case 'evidence':
      return [];
    case 'custody-json':
    case 'receipt':
      return [{ name: labels.jsonFiles, extensions: ['json'] }];
    case 'custody-csv':
    case 'report-csv':
    case 'import-refused':
      return [{ name: labels.csvFiles, extensions: ['csv'] }];
    case 'contact-card':
      return [{ name: labels.cardFiles, extensions: ['cvcard'] }];
    case 'qr-png':
      return [{ name: labels.pngFiles, extensions: ['png'] }];
    case 'qr-svg':
      return [{ name: labels.svgFiles, extensions: ['svg'] }];
    case 'bundle':
      return [{ name: labels.bundleFiles, extensions: ['cvbundle'] }];
    case 'recall':
      return [{ name: labels.recallFiles, extensions: ['cvrecall'] }];
    case 'sync':
      return [{ name: labels.syncFiles, extensions: ['cvsync'] }];
    case 'report-pdf':
      return [{ name: labels.pdfFiles, extensions: ['pdf'] }];
    case 'report-html':
      return [{ name: labels.htmlFiles, extensions: ['html'] }];
  }
}
