/**
 * Full-text search over notes, cases (title, summary, strategy; and their tags), evidence (title,
 * description, source) and people (full name, aliases, pseudonym): the FTS5 tables of migrations
 * 0002, 0007 and 0008, tokenized by the Signal tokenizer, Arabic folded on both sides (0007 and
 * fts-query.ts). Tags are matched whole (caseTagMatches), not through an index.
 *
 * How a search runs (docs/search.md has the user's view, docs/performance.md the numbers):
 *
 * 1. The typed text becomes a safe MATCH expression (fts-query.ts): words ANDed, phrases kept,
 *    no operator ever read from the input. It is tried first with every word exactly as typed
 *    (a lazy, unscored walk); only if that finds at most WINDOW records in every source is the
 *    last word also completed ("detent" → detention, détente), as an OR of its most frequent
 *    completions from the index's vocabulary (`completions`). FTS5's own `"detent"*` would
 *    merge the postings of every completion up front, twice; and a word that already matches
 *    thousands of records has no need of its completions.
 * 2. Each source (notes, cases, evidence) yields its WINDOW most recent matches, newest first,
 *    which FTS5 reads lazily from the index, each with its bm25 score (FTS5's `bm25()`, whose
 *    document frequencies are those of the whole table). When a source has no more matches
 *    than that, this is every match, and the order below is exact bm25. When it has more (a
 *    very common word), the best matches *among its WINDOW most recent* are shown: sorting
 *    every match of a word found in 170 000 of a million notes by bm25 takes FTS5 ~250 ms,
 *    and those results are no more useful than the best of the recent ones. `total` is then
 *    left out, as counting would cost as much again.
 * 3. The sources are merged by score (lower is better), ties newest first, and paged.
 * 4. Snippets are made for the page only, by FTS5's snippet() run over a scratch in-memory
 *    FTS table (temp schema, same tokenizer) holding just the page's texts: marker characters
 *    and other control characters are replaced by spaces there first, so the markers in the
 *    output are always ours, and the snippet is split into {text, match} segments. The UI
 *    highlights them as text; there is no HTML anywhere.
 * 5. Within one case (`caseId`) of at most WINDOW records, the case's texts are searched and
 *    scored on a scratch table of their own instead (`searchCase`).
 */
import {
  MAX_SEARCH_OFFSET,
  SEARCH_KINDS,
  SearchQuery,
  type SearchHit,
  type SearchKind,
  type SearchResult,
  type SnippetSegment,
} from '../../../shared/domain/search.js';
import { all, pluck, run, sql, sqlIn, type SqlFragment, type WritableDB } from '../db/sql.js';
import { type DomainContext, parseInput } from '../domain/context.js';
import { parseQuery } from './fts-query.js';
import { foldArabicSearch } from '../names/normalise.js';

/** How many of the most recent matches of each source are scored. */
export const SEARCH_WINDOW = 1000;
/** A prefix is completed to at most this many words (the most frequent ones, and itself). */
export const PREFIX_COMPLETIONS = 16;

const OPEN = '\u0002';
const CLOSE = '\u0003';
/** C0 and C1 control characters except tab, line feed and carriage return; includes OPEN and CLOSE. */
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
/** Scripts the tokenizer cuts into single characters: a snippet needs more tokens to say something. */
const PER_CHARACTER_SCRIPTS =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const SNIPPET_TOKENS = 24;
const SNIPPET_TOKENS_PER_CHARACTER = 48;
const KIND_ORDER: Record<SearchKind, number> = { case: 0, person: 1, evidence: 2, note: 3 };
/** The rank of a case found by one of its tags: before the cases found by their text. */
export const TAG_RANK = -1000;

interface Candidate {
  kind: SearchKind;
  seq: number;
  rank: number;
}

interface SourceResult {
  candidates: Candidate[];
  /** true when the candidates are every match of the source (not just its WINDOW most recent) */
  complete: boolean;
}

/**
 * One source's WINDOW (+1, to know if there are more) most recent matches, with their bm25 when
 * `scored` (without, FTS5 only walks the index lazily, newest first: well under a millisecond).
 * The case filter is written `+rowid` so that it is checked on each match FTS5 yields rather
 * than offered to FTS5 as a rowid lookup (which would re-run the MATCH, and bm25's document
 * counts, once per row).
 */
function sourceCandidates(
  db: WritableDB,
  kind: SearchKind,
  match: string,
  caseId: string | undefined,
  window: number,
  scored = true,
): SourceResult {
  let q: SqlFragment;
  switch (kind) {
    case 'note':
      q = sql`SELECT rowid AS seq, ${scored ? sql`bm25(notes_fts)` : sql`0`} AS rank FROM notes_fts
              WHERE notes_fts MATCH ${match}${caseId ? sql` AND +rowid IN (SELECT seq FROM notes WHERE case_id = ${caseId})` : sql``}
              ORDER BY rowid DESC LIMIT ${window + 1}`;
      break;
    case 'case':
      // A match in the title counts double.
      q = sql`SELECT rowid AS seq, ${scored ? sql`bm25(cases_fts, 2.0, 1.0, 1.0)` : sql`0`} AS rank FROM cases_fts
              WHERE cases_fts MATCH ${match}${caseId ? sql` AND +rowid IN (SELECT seq FROM cases WHERE id = ${caseId})` : sql``}
              ORDER BY rowid DESC LIMIT ${window + 1}`;
      break;
    case 'evidence':
      q = sql`SELECT rowid AS seq, ${scored ? sql`bm25(evidence_fts, 2.0, 1.0, 1.0)` : sql`0`} AS rank FROM evidence_fts
              WHERE evidence_fts MATCH ${match}${caseId ? sql` AND +rowid IN (SELECT seq FROM evidence WHERE case_id = ${caseId})` : sql``}
              ORDER BY rowid DESC LIMIT ${window + 1}`;
      break;
    case 'person':
      // people_fts's rowid is the person's rowid in people (migration 0008); a name counts double.
      q = sql`SELECT rowid AS seq, ${scored ? sql`bm25(people_fts, 2.0, 1.0)` : sql`0`} AS rank FROM people_fts
              WHERE people_fts MATCH ${match}${caseId ? sql` AND +rowid IN (SELECT p.rowid FROM people p JOIN case_people cp ON cp.person_id = p.id WHERE cp.case_id = ${caseId})` : sql``}
              ORDER BY rowid DESC LIMIT ${window + 1}`;
      break;
  }
  const rows = all<{ seq: number; rank: number }>(db, q);
  const complete = rows.length <= window;
  return { candidates: rows.slice(0, window).map((r) => ({ kind, seq: r.seq, rank: r.rank })), complete };
}

/**
 * A source's matches, scored by bm25 when it has at most `window` of them; otherwise its `window`
 * most recent, newest first, unscored (rank 0: after every scored match of the other sources).
 * bm25 counts, once per query, every record that holds each phrase of the query, over the whole
 * index — 4–5 ms per phrase of a word in a sixth of a million notes, and a completed prefix is up
 * to 17 phrases: that count was most of the time of a search for common words, spent to order
 * the most recent 1000 of thousands of matches. `walk`: the unscored walk, when already done.
 */
function scoredIfFew(
  db: WritableDB,
  kind: SearchKind,
  match: string,
  caseId: string | undefined,
  window: number,
  walk?: SourceResult,
): SourceResult {
  const w = walk ?? sourceCandidates(db, kind, match, caseId, window, false);
  return w.complete ? sourceCandidates(db, kind, match, caseId, window, true) : w;
}

/** The scratch tables of a connection, in its temp schema (memory; gone with the connection). */
const scratchReady = new WeakSet<object>();

function ensureScratch(db: WritableDB): void {
  if (scratchReady.has(db)) return;
  run(
    db,
    sql`CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_snippets USING fts5(c0, c1, c2, tokenize = 'signal_tokenizer')`,
  );
  run(
    db,
    sql`CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_scope USING fts5(c0, c1, c2, tokenize = 'signal_tokenizer')`,
  );
  run(db, sql`CREATE VIRTUAL TABLE IF NOT EXISTS temp.notes_fts_vocab USING fts5vocab(main, notes_fts, 'row')`);
  run(db, sql`CREATE VIRTUAL TABLE IF NOT EXISTS temp.cases_fts_vocab USING fts5vocab(main, cases_fts, 'row')`);
  run(db, sql`CREATE VIRTUAL TABLE IF NOT EXISTS temp.evidence_fts_vocab USING fts5vocab(main, evidence_fts, 'row')`);
  run(db, sql`CREATE VIRTUAL TABLE IF NOT EXISTS temp.people_fts_vocab USING fts5vocab(main, people_fts, 'row')`);
  scratchReady.add(db);
}

/** The indexed words of a source that start with `token` (already folded), most frequent first. */
function vocabulary(db: WritableDB, kind: SearchKind, token: string): string[] {
  const below = `${token}\u{10FFFF}`;
  const q =
    kind === 'note'
      ? sql`SELECT term FROM temp.notes_fts_vocab WHERE term >= ${token} AND term < ${below} ORDER BY doc DESC, term LIMIT ${PREFIX_COMPLETIONS}`
      : kind === 'case'
        ? sql`SELECT term FROM temp.cases_fts_vocab WHERE term >= ${token} AND term < ${below} ORDER BY doc DESC, term LIMIT ${PREFIX_COMPLETIONS}`
        : kind === 'evidence'
          ? sql`SELECT term FROM temp.evidence_fts_vocab WHERE term >= ${token} AND term < ${below} ORDER BY doc DESC, term LIMIT ${PREFIX_COMPLETIONS}`
          : sql`SELECT term FROM temp.people_fts_vocab WHERE term >= ${token} AND term < ${below} ORDER BY doc DESC, term LIMIT ${PREFIX_COMPLETIONS}`;
  return all<{ term: string }>(db, q).map((r) => r.term);
}

/**
 * The completions of the last word in one source, as phrases of tokens: the word itself, then
 * its most frequent completions. FTS5 would answer `"word"*` by first merging the postings of
 * every completion, however many records they hold (~20 ms for a word in 170 000 notes); an OR
 * of the completions is read lazily, newest first, like any other query.
 */
function completions(db: WritableDB, kind: SearchKind, words: readonly string[]): string[] {
  const out = new Set<string>();
  for (const word of words) {
    const tokens = db.signalTokenize(word);
    const last = tokens.at(-1);
    if (last === undefined) continue;
    const head = tokens.slice(0, -1);
    out.add([...head, last].join(' '));
    for (const term of vocabulary(db, kind, last)) out.add([...head, term].join(' '));
  }
  return [...out];
}

interface HitText {
  id: string;
  caseId: string;
  caseReference: string;
  caseTitle: string;
  title?: string;
  /** the indexed columns, in the order of the scratch table's c0, c1, c2 */
  columns: [string, string, string];
}

function loadTexts(db: WritableDB, kind: SearchKind, seqs: number[]): Map<number, HitText> {
  const out = new Map<number, HitText>();
  if (seqs.length === 0) return out;
  switch (kind) {
    case 'note':
      for (const r of all<{ seq: number; id: string; case_id: string; body: string; reference: string; title: string }>(
        db,
        sql`SELECT n.seq, n.id, n.case_id, n.body, c.reference, c.title FROM notes n JOIN cases c ON c.id = n.case_id WHERE n.seq IN ${sqlIn(seqs)}`,
      )) {
        out.set(r.seq, {
          id: r.id,
          caseId: r.case_id,
          caseReference: r.reference,
          caseTitle: r.title,
          columns: [r.body, '', ''],
        });
      }
      break;
    case 'case':
      for (const r of all<{
        seq: number;
        id: string;
        reference: string;
        title: string;
        summary: string;
        strategy: string;
      }>(db, sql`SELECT seq, id, reference, title, summary, strategy FROM cases WHERE seq IN ${sqlIn(seqs)}`)) {
        out.set(r.seq, {
          id: r.id,
          caseId: r.id,
          caseReference: r.reference,
          caseTitle: r.title,
          title: r.title,
          columns: [r.title, r.summary, r.strategy],
        });
      }
      break;
    case 'evidence':
      for (const r of all<{
        seq: number;
        id: string;
        case_id: string;
        title: string;
        description: string;
        source: string;
        reference: string;
        case_title: string;
      }>(
        db,
        sql`SELECT e.seq, e.id, e.case_id, e.title, e.description, e.source, c.reference, c.title AS case_title FROM evidence e JOIN cases c ON c.id = e.case_id WHERE e.seq IN ${sqlIn(seqs)}`,
      )) {
        out.set(r.seq, {
          id: r.id,
          caseId: r.case_id,
          caseReference: r.reference,
          caseTitle: r.case_title,
          title: r.title,
          columns: [r.title, r.description, r.source],
        });
      }
      break;
    case 'person':
      // The first case the person was added to (their case, for the hit to open), if any.
      for (const r of all<{
        seq: number;
        id: string;
        full_name: string;
        pseudonym: string | null;
        names: string | null;
        case_id: string | null;
        reference: string | null;
        case_title: string | null;
      }>(
        db,
        sql`SELECT p.rowid AS seq, p.id, p.full_name, p.pseudonym,
                   (SELECT group_concat(name, ' · ') FROM (SELECT name FROM person_names WHERE person_id = p.id ORDER BY kind DESC, name)) AS names,
                   c.id AS case_id, c.reference, c.title AS case_title
              FROM people p
              LEFT JOIN cases c ON c.id = (SELECT cp.case_id FROM case_people cp WHERE cp.person_id = p.id ORDER BY cp.added_at, cp.case_id LIMIT 1)
             WHERE p.rowid IN ${sqlIn(seqs)}`,
      )) {
        out.set(r.seq, {
          id: r.id,
          caseId: r.case_id ?? '',
          caseReference: r.reference ?? '',
          caseTitle: r.case_title ?? '',
          title: r.full_name,
          columns: [r.names ?? r.full_name, r.pseudonym ?? '', ''],
        });
      }
      break;
  }
  return out;
}

/** How many records of the requested kinds a case has (0 if there is no such case). */
function caseRecordCount(db: WritableDB, caseId: string, kinds: readonly SearchKind[]): number {
  let n = 0;
  if (kinds.includes('case')) n += pluck<number>(db, sql`SELECT count(*) FROM cases WHERE id = ${caseId}`) ?? 0;
  if (kinds.includes('note')) n += pluck<number>(db, sql`SELECT count(*) FROM notes WHERE case_id = ${caseId}`) ?? 0;
  if (kinds.includes('evidence'))
    n += pluck<number>(db, sql`SELECT count(*) FROM evidence WHERE case_id = ${caseId}`) ?? 0;
  return n;
}

/** Lower case, accents and Arabic marks folded: how a tag is compared with the query. */
function tagKey(s: string): string {
  return foldArabicSearch(
    s
      .normalize('NFD')
      .replace(/\p{Mn}+/gu, '')
      .toLowerCase()
      .replace(/\s+/g, ' ')
      .trim(),
  ).normalize('NFC');
}

/**
 * Cases found by a tag: the whole query (quotes left out) equals one of their tags, folded as
 * search folds (case, accents, Arabic marks and letter variants). Tags are few (distinct tags of
 * the vault, read from their index), so they are compared here rather than indexed for FTS.
 */
function caseTagMatches(db: WritableDB, query: string, caseId: string | undefined): Candidate[] {
  const key = tagKey(query.replace(/"/g, ' '));
  if (key === '') return [];
  const tags = all<{ tag: string }>(db, sql`SELECT DISTINCT tag FROM case_tags`)
    .map((r) => r.tag)
    .filter((t) => tagKey(t) === key);
  if (tags.length === 0) return [];
  return all<{ seq: number }>(
    db,
    sql`SELECT DISTINCT c.seq FROM case_tags t JOIN cases c ON c.id = t.case_id WHERE t.tag IN ${sqlIn(tags)}${caseId ? sql` AND c.id = ${caseId}` : sql``} ORDER BY c.seq DESC LIMIT ${SEARCH_WINDOW}`,
  ).map((r) => ({ kind: 'case' as const, seq: r.seq, rank: TAG_RANK }));
}

/**
 * A search within one case of at most SEARCH_WINDOW records: the case's texts go into a scratch
 * FTS table (temp schema, memory) and are matched and scored there, every one of them, with the
 * last word completed (FTS5's own prefix query is cheap on a table this small). Walking a whole
 * vault's index for a word found in 170 000 notes to keep the case's few would cost 50–80 ms at a
 * million notes. bm25's document frequencies are then those of the case: within a case, the
 * better measure of what is rare. Columns: c0 the title (weighted double), c1 the body,
 * summary or description, c2 the strategy or the evidence source.
 */
function searchCase(db: WritableDB, caseId: string, kinds: readonly SearchKind[], match: string): SourceResult {
  const records: Array<{ kind: SearchKind; seq: number; c: [string, string, string] }> = [];
  if (kinds.includes('case')) {
    for (const r of all<{ seq: number; title: string; summary: string; strategy: string }>(
      db,
      sql`SELECT seq, title, summary, strategy FROM cases WHERE id = ${caseId}`,
    )) {
      records.push({ kind: 'case', seq: r.seq, c: [r.title, r.summary, r.strategy] });
    }
  }
  if (kinds.includes('note')) {
    for (const r of all<{ seq: number; body: string }>(db, sql`SELECT seq, body FROM notes WHERE case_id = ${caseId}`))
      records.push({ kind: 'note', seq: r.seq, c: ['', r.body, ''] });
  }
  if (kinds.includes('evidence')) {
    for (const r of all<{ seq: number; title: string; description: string; source: string }>(
      db,
      sql`SELECT seq, title, description, source FROM evidence WHERE case_id = ${caseId}`,
    )) {
      records.push({ kind: 'evidence', seq: r.seq, c: [r.title, r.description, r.source] });
    }
  }
  const candidates: Candidate[] = [];
  if (records.length === 0) return { candidates, complete: true };
  db.transaction(() => {
    try {
      // folded as the vault's index is (migration 0007)
      records.forEach((r, i) =>
        run(
          db,
          sql`INSERT INTO temp.search_scope (rowid, c0, c1, c2) VALUES (${i + 1}, ${foldArabicSearch(r.c[0])}, ${foldArabicSearch(r.c[1])}, ${foldArabicSearch(r.c[2])})`,
        ),
      );
      for (const row of all<{ i: number; rank: number }>(
        db,
        sql`SELECT rowid AS i, bm25(search_scope, 2.0, 1.0, 1.0) AS rank FROM temp.search_scope WHERE search_scope MATCH ${match}`,
      )) {
        const r = records[row.i - 1]!;
        candidates.push({ kind: r.kind, seq: r.seq, rank: row.rank });
      }
    } finally {
      run(db, sql`DELETE FROM temp.search_scope`);
    }
  })();
  return { candidates, complete: true };
}

/**
 * Control characters (our markers among them) become spaces: a space tokenizes as they did. Arabic
 * is folded as the index folds it (marks dropped, letter variants folded), so that the snippet
 * highlights what the search found; the snippet then shows the Arabic without its marks.
 */
function sanitize(text: string): string {
  return foldArabicSearch(text.replace(CONTROL_CHARS, ' '));
}

/** Splits a snippet at our markers into segments; whitespace runs become one space. */
export function snippetSegments(marked: string): SnippetSegment[] {
  const out: SnippetSegment[] = [];
  let match = false;
  for (const piece of marked.split(/([\u0002\u0003])/)) {
    if (piece === OPEN) match = true;
    else if (piece === CLOSE) match = false;
    else {
      const text = piece.replace(/\s+/g, ' ');
      if (text === '') continue;
      const last = out.at(-1);
      if (last && last.match === match) last.text += text;
      else out.push({ text, match });
    }
  }
  if (out.length > 0) {
    out[0]!.text = out[0]!.text.trimStart();
    out[out.length - 1]!.text = out[out.length - 1]!.text.trimEnd();
  }
  return out.filter((s) => s.text !== '');
}

/**
 * Snippets for the page: the page's texts go into a scratch FTS5 table in the connection's temp
 * schema (memory: temp_store=MEMORY; gone when the vault locks), are matched with the same
 * expression, and are deleted again before this returns.
 */
function makeSnippets(
  db: WritableDB,
  match: string,
  texts: ReadonlyArray<[string, string, string]>,
  tokens: number,
): Map<number, SnippetSegment[]> {
  const out = new Map<number, SnippetSegment[]>();
  if (texts.length === 0) return out;
  ensureScratch(db);
  db.transaction(() => {
    try {
      texts.forEach(([a, b, c], i) =>
        run(
          db,
          sql`INSERT INTO temp.search_snippets (rowid, c0, c1, c2) VALUES (${i + 1}, ${sanitize(a)}, ${sanitize(b)}, ${sanitize(c)})`,
        ),
      );
      for (const r of all<{ i: number; s: string }>(
        db,
        sql`SELECT rowid AS i, snippet(search_snippets, -1, ${OPEN}, ${CLOSE}, '…', ${tokens}) AS s FROM temp.search_snippets WHERE search_snippets MATCH ${match}`,
      )) {
        out.set(r.i - 1, snippetSegments(r.s));
      }
    } finally {
      run(db, sql`DELETE FROM temp.search_snippets`);
    }
  })();
  return out;
}

/** The first words of a text, when no snippet could be made (should not happen). */
function plainStart(columns: readonly string[]): SnippetSegment[] {
  const text = sanitize(columns.find((c) => c.trim() !== '') ?? '')
    .replace(/\s+/g, ' ')
    .trim();
  const chars = [...text];
  return text ? [{ text: chars.length > 160 ? `${chars.slice(0, 160).join('')}…` : text, match: false }] : [];
}

/**
 * Search notes, cases and evidence. Empty or punctuation-only queries are INVALID_INPUT; FTS
 * syntax in the query is read as plain words.
 */
export function search(ctx: DomainContext, input: SearchQuery): SearchResult {
  const q = parseInput(SearchQuery, input);
  const parsed = parseQuery(q.query);
  const kinds = SEARCH_KINDS.filter((k) => !q.kinds || q.kinds.includes(k));
  const window = SEARCH_WINDOW;
  const db = ctx.db;
  ensureScratch(db);

  let snippetMatch: string;
  let sources: SourceResult[];
  const smallCase = q.caseId !== undefined && caseRecordCount(db, q.caseId, kinds) <= window;
  if (smallCase && q.caseId !== undefined) {
    snippetMatch = parsed.prefixed ?? parsed.exact;
    sources = [searchCase(db, q.caseId, kinds, snippetMatch)];
  } else {
    // Exact words, or the last one completed? Decided on the lazy, unscored walk of each source.
    const walks = new Map(kinds.map((k) => [k, sourceCandidates(db, k, parsed.exact, q.caseId, window, false)]));
    const narrow = parsed.prefixed !== null && kinds.every((k) => walks.get(k)!.complete);
    snippetMatch = narrow ? parsed.prefixed! : parsed.exact;
    sources = kinds.map((k) => {
      if (!narrow) return scoredIfFew(db, k, parsed.exact, q.caseId, window, walks.get(k)!);
      const alternatives = [...new Set([...completions(db, k, parsed.prefixWords), ...parsed.lastForms])];
      return alternatives.length
        ? scoredIfFew(db, k, parsed.withLastAlternatives(alternatives), q.caseId, window)
        : { candidates: [], complete: true };
    });
  }

  if (smallCase && kinds.includes('person')) {
    // people are not in the case's scratch table: their own index, filtered to the case
    sources.push(scoredIfFew(db, 'person', snippetMatch, q.caseId, window));
  }
  const byKey = new Map<string, Candidate>();
  for (const c of sources.flatMap((s) => s.candidates)) byKey.set(`${c.kind}:${c.seq}`, c);
  if (kinds.includes('case')) {
    // a case found by a tag comes first, whether or not its text matched as well
    for (const c of caseTagMatches(db, q.query, q.caseId)) byKey.set(`case:${c.seq}`, c);
  }
  const merged = [...byKey.values()];
  merged.sort((a, b) => a.rank - b.rank || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || b.seq - a.seq);
  const page = merged.slice(q.offset, q.offset + q.limit);

  const texts = new Map<SearchKind, Map<number, HitText>>();
  for (const kind of kinds)
    texts.set(
      kind,
      loadTexts(
        db,
        kind,
        page.filter((c) => c.kind === kind).map((c) => c.seq),
      ),
    );
  const found = page
    .map((c) => ({ c, t: texts.get(c.kind)?.get(c.seq) }))
    .filter((x): x is { c: Candidate; t: HitText } => x.t !== undefined);
  const tokens = PER_CHARACTER_SCRIPTS.test(q.query) ? SNIPPET_TOKENS_PER_CHARACTER : SNIPPET_TOKENS;
  // On the scratch table FTS5's own prefix query is cheap, and highlights every completion.
  const snippets = makeSnippets(
    db,
    snippetMatch,
    found.map((x) => x.t.columns),
    tokens,
  );

  const items: SearchHit[] = found.map(({ c, t }, i) => ({
    kind: c.kind,
    id: t.id,
    caseId: t.caseId,
    caseReference: t.caseReference,
    caseTitle: t.caseTitle,
    ...(t.title !== undefined ? { title: t.title } : {}),
    snippet: snippets.get(i) ?? plainStart(t.columns),
    rank: c.rank,
  }));
  const complete = sources.every((s) => s.complete);
  return {
    items,
    ...(complete ? { total: merged.length } : {}),
    hasMore: merged.length > q.offset + q.limit && q.offset + q.limit <= MAX_SEARCH_OFFSET,
    limit: q.limit,
    offset: q.offset,
  };
}
