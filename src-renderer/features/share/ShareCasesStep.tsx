/**
 * Share wizard, step 1: the cases (search by reference or title; the case the wizard was opened
 * from is preselected) and, for the chosen cases, which evidence files go in (with their sizes).
 */
import { useEffect, useMemo, useState } from 'react';
import { useT, useFormat } from '../../i18n/i18n.js';
import { Button, TextField } from '../../components/controls.js';
import { ErrorNotice, Loading } from '../../components/feedback.js';
import { call, asCallError } from '../../vault.js';
import type { CallError } from '../../../shared/ipc/kit.js';
import type { Evidence } from '../../../shared/domain/evidence.js';
import type { ShareChoices } from './ShareWizard.js';

interface CaseItem {
  id: string;
  reference: string;
  title: string;
}

export function CasesStep({
  choices,
  onChange,
  onNext,
}: {
  choices: ShareChoices;
  onChange: (p: Partial<ShareChoices>) => void;
  onNext: () => void;
}) {
  const t = useT();
  const f = useFormat();
  const [cases, setCases] = useState<CaseItem[] | null>(null);
  const [evidence, setEvidence] = useState<Record<string, Evidence[]>>({});
  const [error, setError] = useState<CallError | null>(null);
  const [query, setQuery] = useState('');
  const [missing, setMissing] = useState(false);

  useEffect(() => {
    let live = true;
    (async () => {
      const page = await call('cases', 'list', { limit: 1000, sort: 'updated' });
      const items: CaseItem[] = page.items.map((c) => ({ id: c.id, reference: c.reference, title: c.title }));
      // a preselected case beyond the first thousand is fetched on its own
      for (const id of choices.caseIds) {
        if (!items.some((c) => c.id === id)) {
          const c = await call('cases', 'get', { id });
          items.unshift({ id: c.id, reference: c.reference, title: c.title });
        }
      }
      if (live) setCases(items);
    })().catch((e: unknown) => live && setError(asCallError(e)));
    return () => {
      live = false;
    };
    // the list is loaded once per visit of the step
  }, []);

  // the evidence of each chosen case, loaded when the case is chosen
  const chosenKey = choices.caseIds.join(',');
  useEffect(() => {
    let live = true;
    const wanted = choices.caseIds.filter((id) => !(id in evidence));
    if (wanted.length === 0) return;
    Promise.all(wanted.map(async (id) => [id, await call('evidence', 'list', { caseId: id })] as const))
      .then((loaded) => live && setEvidence((prev) => ({ ...prev, ...Object.fromEntries(loaded) })))
      .catch((e: unknown) => live && setError(asCallError(e)));
    return () => {
      live = false;
    };
  }, [chosenKey]);

  const shown = useMemo(() => {
    const q = query.trim().toLocaleLowerCase();
    if (!cases) return [];
    return q
      ? cases.filter(
          (c) =>
            c.reference.toLocaleLowerCase().includes(q) ||
            c.title.toLocaleLowerCase().includes(q) ||
            choices.caseIds.includes(c.id),
        )
      : cases;
  }, [cases, query, choices.caseIds]);

  const chosen = new Set(choices.caseIds);
  const chosenFiles = new Set(choices.evidenceIds);
  const files = choices.caseIds.flatMap((id) => evidence[id] ?? []);
  const fileBytes = files.filter((e) => chosenFiles.has(e.id)).reduce((n, e) => n + e.size, 0);

  const toggleCase = (id: string, on: boolean) => {
    setMissing(false);
    const caseIds = on ? [...choices.caseIds, id] : choices.caseIds.filter((c) => c !== id);
    // files of a case no longer chosen go out with it
    const keep = new Set(caseIds.flatMap((c) => (evidence[c] ?? []).map((e) => e.id)));
    onChange({ caseIds, evidenceIds: choices.evidenceIds.filter((e) => keep.has(e)) });
  };
  const toggleFile = (id: string, on: boolean) =>
    onChange({ evidenceIds: on ? [...choices.evidenceIds, id] : choices.evidenceIds.filter((e) => e !== id) });

  const next = () => {
    if (choices.caseIds.length === 0) {
      setMissing(true);
      return;
    }
    onNext();
  };

  if (error) return <ErrorNotice error={error} />;
  if (!cases) return <Loading />;
  return (
    <div className="share-cases">
      <h3>{t('share.cases.title')}</h3>
      <TextField
        label={t('share.cases.search')}
        hint={t('share.cases.searchHint')}
        type="search"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      <fieldset className="form-group choice-list" aria-describedby={missing ? 'share-cases-missing' : undefined}>
        <legend className="visually-hidden">{t('share.cases.label')}</legend>
        {shown.length === 0 ? (
          <p className="empty">{t('share.cases.noMatch')}</p>
        ) : (
          <ul>
            {shown.map((c) => (
              <li key={c.id} className="checkbox">
                <input
                  type="checkbox"
                  id={`share-case-${c.id}`}
                  checked={chosen.has(c.id)}
                  onChange={(e) => toggleCase(c.id, e.target.checked)}
                />
                <label htmlFor={`share-case-${c.id}`}>
                  <bdi className="case-ref">{c.reference}</bdi> — <bdi>{c.title}</bdi>
                </label>
              </li>
            ))}
          </ul>
        )}
      </fieldset>
      <p className="count" aria-live="polite">
        {t('share.cases.chosen', { count: choices.caseIds.length })}
      </p>
      {missing && (
        <p className="field-error" id="share-cases-missing" role="alert">
          {t('share.cases.none')}
        </p>
      )}

      {choices.caseIds.length > 0 && (
        <>
          <h3>{t('share.files.title')}</h3>
          <p className="hint">{t('share.files.hint')}</p>
          {choices.caseIds.some((id) => !(id in evidence)) ? (
            <Loading />
          ) : files.length === 0 ? (
            <p className="empty">{t('share.files.none')}</p>
          ) : (
            choices.caseIds.map((id) => {
              const items = evidence[id] ?? [];
              const kase = cases.find((c) => c.id === id);
              if (items.length === 0) return null;
              return (
                <fieldset key={id} className="form-group choice-list">
                  <legend>
                    <bdi className="case-ref">{kase?.reference ?? id}</bdi>
                  </legend>
                  <ul>
                    {items.map((e) => (
                      <li key={e.id} className="checkbox">
                        <input
                          type="checkbox"
                          id={`share-file-${e.id}`}
                          checked={chosenFiles.has(e.id)}
                          onChange={(ev) => toggleFile(e.id, ev.target.checked)}
                        />
                        <label htmlFor={`share-file-${e.id}`}>
                          <bdi>{e.title}</bdi> <span className="muted">({f.bytes(e.size)})</span>
                        </label>
                      </li>
                    ))}
                  </ul>
                </fieldset>
              );
            })
          )}
          <p className="count" aria-live="polite">
            {t('share.files.chosen', { count: choices.evidenceIds.length, size: f.bytes(fileBytes) })}
          </p>
        </>
      )}
      <div className="form-actions">
        <Button variant="primary" onClick={next}>
          {t('share.next')}
        </Button>
      </div>
    </div>
  );
}
