/**
 * "Take me to the proposed additions": the import result and the case banner ask for it; the
 * inbox's section answers by scrolling to its heading and focusing it once its list is shown
 * (after the frame has focused the screen's h1). Holds no record data.
 */
import { create } from 'zustand';
import { resetOnLock } from '../../state/lock-reset.js';

interface ProposalsFocus {
  pending: boolean;
  request(): void;
  consume(): void;
}

export const useProposalsFocus = create<ProposalsFocus>((set) => ({
  pending: false,
  request: () => set({ pending: true }),
  consume: () => set({ pending: false }),
}));

resetOnLock(() => useProposalsFocus.setState({ pending: false }));
