/**
 * Route → screen, and the navigation menu. A feature adds its screen with one line in SCREENS
 * (and one in NAV_ITEMS when it has a top-level entry).
 */
import type { ComponentType } from 'react';
import type { Route } from '../state/navigation.js';
import type { MessageKey } from '../i18n/catalogue.js';
import { CaseList } from '../features/cases/CaseList.js';
// feature screens (one import per feature)

type RouteName = Route['name'];

export const SCREENS: Partial<Record<RouteName, ComponentType>> = {
  cases: CaseList,
  // feature screens (one line per route)
};

export const NAV_ITEMS: Array<{ route: Route; label: MessageKey; match: RouteName[] }> = [
  { route: { name: 'cases' }, label: 'nav.cases', match: ['cases', 'case'] },
  // top-level navigation (one line per feature, in menu order)
];
