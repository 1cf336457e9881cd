/** Where the user is. A tiny router in a store: screens are picked in app/Screens.tsx. */
import { create } from 'zustand';
import { resetOnLock } from './lock-reset.js';

export type CaseTab = 'overview' | 'people' | 'consents' | 'evidence' | 'notes' | 'deadlines' | 'outcomes';

export type Route =
  | { name: 'home' }
  | { name: 'cases' }
  | { name: 'case'; id: string; tab: CaseTab }
  | { name: 'enquiries' }
  | { name: 'search'; q?: string }
  | { name: 'partners' }
  | { name: 'risks' }
  | { name: 'audit' }
  | { name: 'settings'; section?: 'backup' }
  | { name: 'enquiry'; id: string }
  | { name: 'partner'; id: string }
  | { name: 'evidence'; id: string }
  | { name: 'person'; id: string }
  | { name: 'identity' }
  | { name: 'share'; caseId?: string }
  | { name: 'inbox' }
  | { name: 'reports' }
  | { name: 'import' }
  | { name: 'team' }
  | { name: 'conflicts' };

interface NavState {
  route: Route;
  go(route: Route): void;
}

export const useNav = create<NavState>((set) => ({
  route: { name: 'home' },
  go: (route) => set({ route }),
}));

resetOnLock(() => useNav.setState({ route: { name: 'home' } }));
