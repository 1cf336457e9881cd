/**
 * IPC: one `ipcMain.handle` per call of the contract, each going through the core's single
 * registration wrapper (Shell.handle: input parse, lock gate, handles, output parse). What this
 * file adds is the sender check Shell.handle asks for: a call is trusted only when it comes from
 * the main frame of one of the app's windows, showing the app's own origin. A subframe (the
 * evidence viewer, a PDF), another page, or a frame that is gone gets FORBIDDEN.
 */
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { CONTRACT } from '../../../shared/ipc/contract.js';
import { listCalls, type Result } from '../../../shared/ipc/kit.js';
import type { Shell } from '../core/shell.js';
import { isAppUrl } from './hardening.js';
import type { AppWindows } from './window.js';

type SenderEvent = Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>;

export function isTrustedSender(event: SenderEvent, windows: AppWindows): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  const win = windows.ownerOf(event.sender);
  if (!win) return false;
  const main = win.webContents.mainFrame;
  if (frame.processId !== main.processId || frame.routingId !== main.routingId) return false;
  return isAppUrl(frame.url);
}

export interface IpcOptions {
  /** told after every answered call (the menu follows a language change) */
  afterCall?: (channel: string, result: Result<unknown>) => void;
}

/** Register every channel of the contract; returns them (for tests and the log). */
export function registerIpc(shell: Shell, windows: AppWindows, opts: IpcOptions = {}): string[] {
  const channels: string[] = [];
  for (const { channel } of listCalls(CONTRACT)) {
    ipcMain.handle(channel, async (event, input: unknown) => {
      const result = await shell.handle(isTrustedSender(event, windows), channel, input);
      opts.afterCall?.(channel, result);
      return result;
    });
    channels.push(channel);
  }
  return channels;
}
