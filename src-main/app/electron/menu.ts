/**
 * The application menu: a Vault menu with Lock (CmdOrCtrl+L, the same lock as the renderer's
 * button), Panic (CmdOrCtrl+Shift+L: the lock, and every window clears itself) and Quit; on macOS the standard app and Edit menus (without an Edit menu, copy and paste
 * do not work in text fields there). There is deliberately no View menu: it would bring Reload
 * and Toggle Developer Tools with it.
 */
import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { Language } from '../../../shared/ipc/areas/app.js';
import { NATIVE_LABELS } from './labels.js';

export const LOCK_ACCELERATOR = 'CmdOrCtrl+L';
/** The panic (lock and clear the window) from anywhere in the window, even where the page cannot see keys. */
export const PANIC_ACCELERATOR = 'CmdOrCtrl+Shift+L';

export function menuTemplate(
  language: Language,
  onLock: () => void,
  platform: NodeJS.Platform = process.platform,
  onPanic: () => void = onLock,
): MenuItemConstructorOptions[] {
  const labels = NATIVE_LABELS[language];
  const vault: MenuItemConstructorOptions = {
    label: labels.vaultMenu,
    submenu: [
      { id: 'lock', label: labels.lock, accelerator: LOCK_ACCELERATOR, click: () => onLock() },
      { id: 'panic', label: labels.panic, accelerator: PANIC_ACCELERATOR, click: () => onPanic() },
      ...(platform === 'darwin' ? [] : [{ type: 'separator' as const }, { role: 'quit' as const, label: labels.quit }]),
    ],
  };
  return platform === 'darwin' ? [{ role: 'appMenu' }, { role: 'editMenu' }, vault] : [vault];
}

export function installMenu(language: Language, onLock: () => void, onPanic: () => void = onLock): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(language, onLock, process.platform, onPanic)));
}
