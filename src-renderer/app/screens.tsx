/**
 * Route → screen, and the navigation menu. A feature adds its screen with one line in SCREENS
 * (and one in a group of NAV_GROUPS when it has a top-level entry).
 */
import type { ComponentType } from 'react';
import type { Route } from '../state/navigation.js';
import type { MessageKey } from '../i18n/catalogue.js';
import { CaseList } from '../features/cases/CaseList.js';
import { SearchScreen } from '../features/search/SearchScreen.js';
import { AuditLog } from '../features/audit/AuditLog.js';
import { Settings } from '../features/settings/Settings.js';
import { CaseDetail } from '../features/case-detail/CaseDetail.js';
import { EnquiryInbox } from '../features/enquiries/EnquiryInbox.js';
import { EnquiryDetail } from '../features/enquiries/EnquiryDetail.js';
import { PartnerList } from '../features/partners/PartnerList.js';
import { PartnerDetail } from '../features/partners/PartnerDetail.js';
import { RiskRegister } from '../features/risks/RiskRegister.js';
import { IdentityScreen } from '../features/identity/IdentityScreen.js';
import { ShareWizard } from '../features/share/ShareWizard.js';
import { ImportInbox } from '../features/inbox/ImportInbox.js';
import { ReportScreen } from '../features/reports/ReportScreen.js';
import { PersonPage } from '../features/people/PersonPage.js';
import { EvidencePage } from '../features/evidence/EvidencePage.js';
import { HomeScreen } from '../features/home/HomeScreen.js';
import { ImportWizard } from '../features/import/ImportWizard.js';
import { TeamScreen } from '../features/team/TeamScreen.js';
import { ConflictsScreen } from '../features/team/ConflictsScreen.js';
// feature screens (one import per feature)

type RouteName = Route['name'];

export const SCREENS: Partial<Record<RouteName, ComponentType>> = {
  home: HomeScreen,
  cases: CaseList,
  search: SearchScreen,
  audit: AuditLog,
  settings: Settings,
  case: CaseDetail,
  enquiries: EnquiryInbox,
  enquiry: EnquiryDetail,
  partners: PartnerList,
  partner: PartnerDetail,
  risks: RiskRegister,
  identity: IdentityScreen,
  share: ShareWizard,
  inbox: ImportInbox,
  reports: ReportScreen,
  person: PersonPage,
  evidence: EvidencePage,
  import: ImportWizard,
  team: TeamScreen,
  conflicts: ConflictsScreen,
  // feature screens (one line per route)
};

/** What a navigation entry's badge counts (from the agenda). */
export type NavBadge = 'overdue' | 'enquiries' | 'inbox';

export interface NavItem {
  route: Route;
  label: MessageKey;
  match: RouteName[];
  badge?: NavBadge;
}

export const NAV_GROUPS: Array<{ label: MessageKey; items: NavItem[] }> = [
  {
    label: 'nav.group.casework',
    items: [
      { route: { name: 'home' }, label: 'home.nav', match: ['home'] },
      {
        route: { name: 'cases' },
        label: 'nav.cases',
        match: ['cases', 'case', 'evidence', 'person'],
        badge: 'overdue',
      },
      { route: { name: 'enquiries' }, label: 'nav.enquiries', match: ['enquiries', 'enquiry'], badge: 'enquiries' },
      { route: { name: 'search' }, label: 'nav.search', match: ['search'] },
    ],
  },
  {
    label: 'nav.group.exchange',
    items: [
      { route: { name: 'share' }, label: 'nav.share', match: ['share'] },
      { route: { name: 'inbox' }, label: 'nav.inbox', match: ['inbox'], badge: 'inbox' },
      { route: { name: 'identity' }, label: 'nav.identity', match: ['identity'] },
      { route: { name: 'partners' }, label: 'nav.partners', match: ['partners', 'partner'] },
    ],
  },
  {
    label: 'nav.group.organisation',
    items: [
      { route: { name: 'risks' }, label: 'nav.risks', match: ['risks'] },
      { route: { name: 'team' }, label: 'team.nav', match: ['team'] },
      { route: { name: 'conflicts' }, label: 'conflicts.nav', match: ['conflicts'] },
      { route: { name: 'reports' }, label: 'reports.nav', match: ['reports'] },
      { route: { name: 'import' }, label: 'import.nav', match: ['import'] },
      { route: { name: 'audit' }, label: 'nav.audit', match: ['audit'] },
      { route: { name: 'settings' }, label: 'nav.settings', match: ['settings'] },
    ],
  },
  // top-level navigation (one line per feature, in its group, in menu order)
];
