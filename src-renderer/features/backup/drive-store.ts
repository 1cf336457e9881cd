/**
 * The backup folder chosen in this session (a handle from files.chooseBackupFolder, never a
 * path), so the next backup is one click. Main forgets every handle when the vault locks, and so
 * does this store.
 */
import { create } from 'zustand';
import { resetOnLock } from '../../state/lock-reset.js';

interface DriveState {
  drive: { handle: string; name: string } | null;
  setDrive(drive: { handle: string; name: string } | null): void;
}

export const useBackupDrive = create<DriveState>((set) => ({
  drive: null,
  setDrive: (drive) => set({ drive }),
}));

resetOnLock(() => useBackupDrive.setState({ drive: null }));
