/**
 * What the officer checks before saving: every redaction made in the report (its kind, where,
 * the case it came from, how many times — never the removed text), and every case left out of
 * the report or of its case stories for lack of consent, with the reason. Case references are
 * for the officer inside the organisation: this list is never written into the report file.
 */
import { useId } from 'react';
import { useFormat, useT } from '../../i18n/i18n.js';
import type { MessageKey } from '../../i18n/catalogue.js';
import type { LeftOutCase, Redaction } from '../../../shared/domain/reports.js';
import { labelKey } from '../../i18n/enum-labels.js';

export function ReportChecks({ redactions, leftOut }: { redactions: Redaction[]; leftOut: LeftOutCase[] }) {
  const t = useT();
  const id = useId();
  return (
    <section className="report-checks" aria-label={t('reports.checks.label')}>
      <p className="report-checks-summary" role="status">
        {t('reports.preview.summary', { redactions: redactions.length, leftOut: leftOut.length })}
      </p>
      <section aria-labelledby={`${id}-left-out`}>
        <h2 id={`${id}-left-out`}>{t('reports.leftOut.heading')}</h2>
        {leftOut.length === 0 ? <p className="empty">{t('reports.leftOut.none')}</p> : <LeftOutTable rows={leftOut} />}
      </section>
      <section aria-labelledby={`${id}-redactions`}>
        <h2 id={`${id}-redactions`}>{t('reports.redactions.heading')}</h2>
        {redactions.length === 0 ? (
          <p className="empty">{t('reports.redactions.none')}</p>
        ) : (
          <RedactionTable rows={redactions} />
        )}
      </section>
    </section>
  );
}

function LeftOutTable({ rows }: { rows: LeftOutCase[] }) {
  const t = useT();
  const f = useFormat();
  return (
    <table className="data report-left-out">
      <caption>{t('reports.leftOut.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('reports.leftOut.col.case')}</th>
          <th scope="col">{t('reports.leftOut.col.from')}</th>
          <th scope="col">{t('reports.leftOut.col.reason')}</th>
          <th scope="col">{t('reports.leftOut.col.people')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={`${r.caseId}-${r.from}`}>
            <td>
              <bdi className="code">{r.caseReference}</bdi>
            </td>
            <td>{t(`reports.leftOut.from.${r.from}` as MessageKey)}</td>
            <td>{t(labelKey('reports.leftOut.reason', r.reason))}</td>
            <td className="num">{f.number(r.people)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function RedactionTable({ rows }: { rows: Redaction[] }) {
  const t = useT();
  const f = useFormat();
  return (
    <table className="data report-redactions">
      <caption>{t('reports.redactions.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('reports.redactions.col.kind')}</th>
          <th scope="col">{t('reports.redactions.col.where')}</th>
          <th scope="col">{t('reports.redactions.col.case')}</th>
          <th scope="col">{t('reports.redactions.col.count')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={i} data-kind={r.kind}>
            <td>{t(labelKey('reports.redaction', r.kind))}</td>
            <td>
              <bdi>{r.where}</bdi>
            </td>
            <td>{r.caseReference ? <bdi className="code">{r.caseReference}</bdi> : t('state.none')}</td>
            <td className="num">{f.number(r.count)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
