/**
 * One case: "Back to cases", a header with its reference, title and status, and seven tabs. The
 * tab lives in the route (`{ name: 'case', id, tab }`), so going back to a case reopens the
 * same tab. The case is held in component state: the lock unmounts the whole app frame.
 */
import { useState } from 'react';
import { useT } from '../../i18n/i18n.js';
import type { MessageKey } from '../../i18n/catalogue.js';
import { useNav, type CaseTab } from '../../state/navigation.js';
import { call } from '../../vault.js';
import { Button } from '../../components/controls.js';
import { ErrorNotice } from '../../components/feedback.js';
import { Tabs } from '../../components/Tabs.js';
import type { Case } from '../../../shared/domain/cases.js';
import { CaseOverview } from './CaseOverview.js';
import { EraseDialog } from '../erasure/EraseDialog.js';
import { StatusBadge } from './StatusBadge.js';
import { PeopleTab } from '../people/PeopleTab.js';
import { ConsentsTab } from '../consents/ConsentsTab.js';
import { EvidenceTab } from '../evidence/EvidenceTab.js';
import { NotesTab } from '../notes/NotesTab.js';
import { DeadlinesTab } from '../deadlines/DeadlinesTab.js';
import { OutcomesTab } from '../outcomes/OutcomesTab.js';
import { SafetyNotesNotice } from '../people/SafetyNotesNotice.js';
import { CaseConflictMarker } from '../team/CaseConflictMarker.js';
import { useLoaded } from '../../state/use-loaded.js';

export const CASE_TABS: readonly CaseTab[] = [
  'overview',
  'people',
  'consents',
  'evidence',
  'notes',
  'deadlines',
  'outcomes',
];

/** The screen for the route `case`: one mounted instance per case id. */
export function CaseDetail() {
  const route = useNav((s) => s.route);
  if (route.name !== 'case') return null;
  return <CaseScreen key={route.id} id={route.id} tab={route.tab} />;
}

function CaseScreen({ id, tab }: { id: string; tab: CaseTab }) {
  const t = useT();
  const go = useNav((s) => s.go);
  const {
    value: kase,
    error,
    reload: load,
    setValue: setKase,
  } = useLoaded<Case>(() => call('cases', 'get', { id }), [id]);
  const [purging, setPurging] = useState(false);

  return (
    <section className="screen screen-case" aria-labelledby="case-title">
      <p className="back-link">
        <Button variant="link" onClick={() => go({ name: 'cases' })}>
          {t('caseDetail.back')}
        </Button>
      </p>
      <header className="screen-header case-header">
        <h1 id="case-title" tabIndex={-1}>
          {kase ? (
            <>
              <bdi className="case-ref">{kase.reference}</bdi> <bdi>{kase.title}</bdi>
            </>
          ) : (
            t('caseDetail.loading')
          )}
        </h1>
        {kase && <StatusBadge status={kase.status} labelled />}
        {kase && <CaseConflictMarker caseId={kase.id} />}
        {kase && (
          <Button className="share-button" onClick={() => go({ name: 'share', caseId: kase.id })}>
            {t('share.fromCase')}
          </Button>
        )}
        {kase && (
          <Button variant="danger" onClick={() => setPurging(true)}>
            {t('erasure.case.action')}
          </Button>
        )}
      </header>
      {kase && (
        <EraseDialog
          kind="case"
          id={kase.id}
          name={kase.reference}
          open={purging}
          onClose={() => setPurging(false)}
          onErased={() => go({ name: 'cases' })}
        />
      )}
      {kase && <SafetyNotesNotice caseIds={[kase.id]} />}
      <ErrorNotice error={error} onRetry={() => void load()} />
      {kase && (
        <Tabs<CaseTab>
          label={t('caseDetail.tabs')}
          idPrefix="case"
          current={tab}
          onChange={(next) => go({ name: 'case', id, tab: next })}
          tabs={CASE_TABS.map((k) => ({ key: k, label: t(`caseDetail.tab.${k}` as MessageKey) }))}
        >
          <TabContent tab={tab} kase={kase} onChanged={setKase} onReload={load} />
        </Tabs>
      )}
    </section>
  );
}

function TabContent({
  tab,
  kase,
  onChanged,
  onReload,
}: {
  tab: CaseTab;
  kase: Case;
  onChanged: (c: Case) => void;
  onReload: () => Promise<void>;
}) {
  switch (tab) {
    case 'overview':
      return <CaseOverview kase={kase} onChanged={onChanged} onReload={onReload} />;
    case 'people':
      return <PeopleTab caseId={kase.id} />;
    case 'consents':
      return <ConsentsTab caseId={kase.id} />;
    case 'evidence':
      return <EvidenceTab caseId={kase.id} />;
    case 'notes':
      return <NotesTab caseId={kase.id} />;
    case 'deadlines':
      return <DeadlinesTab caseId={kase.id} />;
    case 'outcomes':
      return <OutcomesTab caseId={kase.id} />;
  }
}
