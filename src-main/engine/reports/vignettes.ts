/**
 * Case stories ("vignettes") for a donor report: short, pseudonymised accounts of a few cases,
 * told only where everyone linked to the case consented to donor reporting (scope.ts).
 *
 * A story has structured facts — forum, stage, country, the YEAR the case was opened, its people
 * as "Person A (survivor)", its outcomes in the period with their MONTH — and text: the case
 * summary, then the description of each outcome achieved in the period, each scrubbed sentence
 * by sentence (scrub.ts). People get their labels in a fixed order (survivors first, then in the
 * order they were linked to the case), and the letters start again at A in every story, so that
 * no one can be followed from one story to another.
 *
 * Before a story is kept, the finished text is searched once more for every term of the vault;
 * any hit (which would mean scrubbing missed something) drops the whole story. A story with no
 * text left is dropped too. At most MAX_VIGNETTES stories: the cases with the most outcomes in the
 * period first.
 */
import type { LeftOutReason, Redaction, ReportLanguage, Vignette } from '../../../shared/domain/reports.js';
import type { OutcomeKind } from '../../../shared/domain/outcomes.js';
import { OUTCOME_CATEGORY_OF } from '../../../shared/domain/outcomes.js';
import { all, sql, type ReadableDB } from '../db/sql.js';
import { type CatalogueKey, countryName, monthLabel, t } from './catalogue.js';
import { type CaseConsent, idsIn, type ScopeCase } from './scope.js';
import { scrubParagraph, type TermIndex } from './scrub.js';

export const MAX_VIGNETTES = 5;
/** Characters of text per story, at most (whole sentences). */
const MAX_TEXT = 1500;

/** "A" … "Z", "AA", "AB", … */
export function personLetter(n: number): string {
  let s = '';
  let i = n;
  do {
    s = String.fromCharCode(65 + (i % 26)) + s;
    i = Math.floor(i / 26) - 1;
  } while (i >= 0);
  return s;
}

export interface VignetteInput {
  lang: ReportLanguage;
  from: string;
  to: string;
  /** cases whose story may be told (active, reportable, everyone consented, not extreme) */
  cases: readonly ScopeCase[];
  consent: ReadonlyMap<string, CaseConsent>;
  index: TermIndex;
  max?: number;
}

export interface VignetteResult {
  vignettes: Vignette[];
  redactions: Redaction[];
  /** stories dropped after scrubbing (for the preview) */
  dropped: Array<{ caseId: string; caseReference: string; reason: LeftOutReason | 'nothing-left' | 'final-check' }>;
}

interface OutcomeRow {
  case_id: string;
  kind: OutcomeKind;
  description: string;
  achieved_on: string;
}

export function buildVignettes(db: ReadableDB, v: VignetteInput): VignetteResult {
  const max = v.max ?? MAX_VIGNETTES;
  const ids = v.cases.map((c) => c.id);
  const outcomes = all<OutcomeRow>(
    db,
    sql`SELECT case_id, kind, description, achieved_on FROM outcomes WHERE case_id IN ${idsIn(ids)} AND achieved_on >= ${v.from} AND achieved_on <= ${v.to} ORDER BY achieved_on, id`,
  );
  // the long texts only for the cases that may be told
  const summaries = new Map(
    all<{ id: string; summary: string }>(db, sql`SELECT id, summary FROM cases WHERE id IN ${idsIn(ids)}`).map((r) => [
      r.id,
      r.summary,
    ]),
  );
  const byCase = new Map<string, OutcomeRow[]>();
  for (const o of outcomes) byCase.set(o.case_id, [...(byCase.get(o.case_id) ?? []), o]);
  const order = [...v.cases].sort(
    (a, b) =>
      (byCase.get(b.id)?.length ?? 0) - (byCase.get(a.id)?.length ?? 0) ||
      b.openedOn.localeCompare(a.openedOn) ||
      a.reference.localeCompare(b.reference),
  );

  const out: VignetteResult = { vignettes: [], redactions: [], dropped: [] };
  for (const c of order) {
    if (out.vignettes.length >= max) break;
    const n = out.vignettes.length + 1;
    const story = tellStory(c, summaries.get(c.id) ?? '', byCase.get(c.id) ?? [], v, n);
    if ('dropped' in story) {
      out.dropped.push({ caseId: c.id, caseReference: c.reference, reason: story.dropped });
      out.redactions.push({
        kind: 'vignette',
        where: `case story (${story.dropped === 'final-check' ? 'dropped by the final check' : 'nothing left after scrubbing'})`,
        caseReference: c.reference,
        count: 1,
      });
      continue;
    }
    out.vignettes.push(story.vignette);
    out.redactions.push(...story.redactions);
  }
  return out;
}

function tellStory(
  c: ScopeCase,
  summary: string,
  outcomes: readonly OutcomeRow[],
  v: VignetteInput,
  n: number,
): { vignette: Vignette; redactions: Redaction[] } | { dropped: 'nothing-left' | 'final-check' } {
  const lang = v.lang;
  const people = [...(v.consent.get(c.id)?.people ?? [])].sort(
    (a, b) => Number(b.roles.includes('survivor')) - Number(a.roles.includes('survivor')),
  );
  const labels = new Map(people.map((p, i) => [p.personId, t(lang, 'vignette.person', { letter: personLetter(i) })]));
  const opts = { index: v.index, labels, placeLabel: t(lang, 'vignette.place') };
  const redactions: Redaction[] = [];
  const heading = t(lang, 'vignette.heading', { n });

  const paragraphs: string[] = [];
  let length = 0;
  const addParagraph = (text: string, where: string) => {
    const r = scrubParagraph(text, opts);
    for (const x of r.redactions)
      redactions.push({
        kind: x.kind,
        where: `${heading} · ${where} · sentence ${x.sentence}`,
        caseReference: c.reference,
        count: x.count,
      });
    const kept: string[] = [];
    for (const s of r.sentences) {
      if (length + s.length > MAX_TEXT) break;
      kept.push(s);
      length += s.length + 1;
    }
    if (kept.length > 0) paragraphs.push(kept.join(' '));
  };
  addParagraph(summary, 'summary');
  outcomes.forEach((o, i) => addParagraph(o.description, `outcome ${i + 1}`));
  if (paragraphs.length === 0) return { dropped: 'nothing-left' };
  // the final check: nothing the vault knows may remain in the text (our own labels aside: a
  // vault name that happens to be "Person" must not make every story fail)
  const ours = [...labels.values(), opts.placeLabel].sort((a, b) => b.length - a.length);
  const withoutLabels = (p: string) => ours.reduce((s, l) => s.split(l).join(' '), p);
  if (paragraphs.some((p) => v.index.find(withoutLabels(p)).length > 0)) return { dropped: 'final-check' };

  const facts: Vignette['facts'] = [];
  if (c.forum) facts.push({ label: t(lang, 'vignette.forum'), value: t(lang, `forum.${c.forum}` as CatalogueKey) });
  if (c.stage) facts.push({ label: t(lang, 'vignette.stage'), value: t(lang, `stage.${c.stage}` as CatalogueKey) });
  if (c.country) facts.push({ label: t(lang, 'vignette.country'), value: countryName(lang, c.country) });
  facts.push({ label: t(lang, 'vignette.opened'), value: c.openedOn.slice(0, 4) });
  facts.push({
    label: t(lang, 'vignette.people'),
    value: people
      .map((p) => `${labels.get(p.personId)!} (${p.roles.map((r) => t(lang, `role.${r}` as CatalogueKey)).join(', ')})`)
      .join('; '),
  });
  if (outcomes.length > 0) {
    facts.push({
      label: t(lang, 'vignette.outcomes'),
      value: outcomes
        .map(
          (o) =>
            `${t(lang, `category.${OUTCOME_CATEGORY_OF[o.kind]}` as CatalogueKey)} (${monthLabel(lang, o.achieved_on.slice(0, 7))})`,
        )
        .join('; '),
    });
  }
  return { vignette: { heading, facts, paragraphs }, redactions };
}
