/**
 * Route → screen, and the navigation menu. A feature adds its screen with one line in SCREENS
 * (and one in NAV_ITEMS when it has a top-level entry).
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
import { IdentityScreen } from '../features/exchange/IdentityScreen.js';
import { ShareWizard } from '../features/exchange/ShareWizard.js';
import { ImportInbox } from '../features/exchange/ImportInbox.js';
import { ReportScreen } from '../features/reports/ReportScreen.js';
// feature screens (one import per feature)

type RouteName = Route['name'];

export const SCREENS: Partial<Record<RouteName, ComponentType>> = {
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
  // feature screens (one line per route)
};

export const NAV_ITEMS: Array<{ route: Route; label: MessageKey; match: RouteName[] }> = [
  { route: { name: 'cases' }, label: 'nav.cases', match: ['cases', 'case'] },
  { route: { name: 'enquiries' }, label: 'nav.enquiries', match: ['enquiries', 'enquiry'] },
  { route: { name: 'search' }, label: 'nav.search', match: ['search'] },
  { route: { name: 'partners' }, label: 'nav.partners', match: ['partners', 'partner'] },
  { route: { name: 'risks' }, label: 'nav.risks', match: ['risks'] },
  { route: { name: 'reports' }, label: 'reports.nav', match: ['reports'] },
  { route: { name: 'audit' }, label: 'nav.audit', match: ['audit'] },
  { route: { name: 'settings' }, label: 'nav.settings', match: ['settings'] },
  { route: { name: 'share' }, label: 'nav.share', match: ['share'] },
  { route: { name: 'inbox' }, label: 'nav.inbox', match: ['inbox'] },
  { route: { name: 'identity' }, label: 'nav.identity', match: ['identity'] },
  // top-level navigation (one line per feature, in menu order)
];
