import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ipcVault, type IpcVault } from './ipc-helpers.js';
import type { Case } from '../../shared/domain/cases.js';
import type { Evidence } from '../../shared/domain/evidence.js';
import type { Person } from '../../shared/domain/people.js';
import type { SearchResult } from '../../shared/domain/search.js';
import type { Note } from '../../shared/domain/notes.js';
import type { ChosenFile } from '../../shared/ipc/areas/app.js';

let v: IpcVault | undefined;
let folder: string | undefined;
afterEach(() => {
  v?.cleanup();
  v = undefined;
  if (folder) rmSync(folder, { recursive: true, force: true });
  folder = undefined;
});

describe('search.query through the router', () => {
  it('finds cases, notes and evidence, with snippets whose matches are marked', async () => {
    v = await ipcVault();
    folder = mkdtempSync(join(tmpdir(), 'cv-ipc-user-'));
    const c = await v.ok<Case>('cases.create', { title: 'Détention arbitraire', reference: 'R-1' });
    const other = await v.ok<Case>('cases.create', { title: 'Land rights', reference: 'R-2' });
    const note = await v.ok<Note>('notes.add', {
      caseId: c.id,
      body: 'The detention lasted nine days without a lawyer.',
    });
    await v.ok<Note>('notes.add', { caseId: other.id, body: 'Survey of the plots.' });
    writeFileSync(join(folder, 'scan.txt'), 'statement');
    v.host.openQueue.push(join(folder, 'scan.txt'));
    const chosen = (await v.ok<ChosenFile | null>('files.chooseEvidence'))!;
    const e = await v.ok<Evidence>('evidence.add', {
      caseId: other.id,
      file: chosen.handle,
      title: 'Photo of the detention cell',
    });

    const r = await v.ok<SearchResult>('search.query', { query: 'detention' });
    expect(r).toMatchObject({ total: 3, hasMore: false, limit: 20, offset: 0 });
    const byKind = Object.fromEntries(r.items.map((h) => [h.kind, h]));
    expect(byKind.case).toEqual({
      kind: 'case',
      id: c.id,
      caseId: c.id,
      caseReference: 'R-1',
      caseTitle: 'Détention arbitraire',
      title: 'Détention arbitraire',
      snippet: [
        { text: 'Détention', match: true },
        { text: ' arbitraire', match: false },
      ],
      rank: expect.any(Number),
    });
    expect(byKind.note).toEqual({
      kind: 'note',
      id: note.id,
      caseId: c.id,
      caseReference: 'R-1',
      caseTitle: 'Détention arbitraire',
      snippet: [
        { text: 'The ', match: false },
        { text: 'detention', match: true },
        { text: ' lasted nine days without a lawyer.', match: false },
      ],
      rank: expect.any(Number),
    });
    expect(byKind.evidence).toMatchObject({
      id: e.id,
      caseId: other.id,
      caseReference: 'R-2',
      title: 'Photo of the detention cell',
    });
    expect(byKind.evidence!.snippet.filter((s) => s.match).map((s) => s.text)).toEqual(['detention']);

    const notesOnly = await v.ok<SearchResult>('search.query', { query: 'detention', kinds: ['note'] });
    expect(notesOnly.items.map((h) => h.id)).toEqual([note.id]);
    const inCase = await v.ok<SearchResult>('search.query', { query: 'detention', caseId: other.id });
    expect(inCase.items.map((h) => h.id)).toEqual([e.id]);
    const paged = await v.ok<SearchResult>('search.query', { query: 'detention', limit: 1 });
    expect(paged.items).toHaveLength(1);
    expect(paged.hasMore).toBe(true);
    expect(await v.ok<SearchResult>('search.query', { query: 'nothing-like-this' })).toEqual({
      items: [],
      total: 0,
      hasMore: false,
      limit: 20,
      offset: 0,
    });
  });

  it('refuses an empty query in main and a query of punctuation in the engine', async () => {
    v = await ipcVault();
    expect(await v.call('search.query', { query: '   ' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringMatching(/^query: /) },
    });
    expect(await v.call('search.query', { query: '"!!" ...' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await v.call('search.query', { query: 'x', offset: 5000 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringMatching(/^offset: /) },
    });
  });

  it('finds people by name, alias or pseudonym (Arabic marks folded) and cases by a tag, each with its kind', async () => {
    v = await ipcVault();
    const c = await v.ok<Case>('cases.create', { title: 'Port detention', reference: 'R-9', tags: ['Torture'] });
    const p = await v.ok<Person>('people.create', { fullName: 'يُوسُف العَمْرَانِي', aliases: ['Abou Youssef'] });
    await v.ok('people.link', { personId: p.id, caseId: c.id, role: 'witness' });
    const byName = await v.ok<SearchResult>('search.query', { query: 'يوسف', kinds: ['person'] });
    expect(byName.items).toEqual([
      expect.objectContaining({
        kind: 'person',
        id: p.id,
        title: 'يُوسُف العَمْرَانِي',
        caseId: c.id,
        caseReference: 'R-9',
        caseTitle: 'Port detention',
      }),
    ]);
    expect(
      (await v.ok<SearchResult>('search.query', { query: 'abou youssef' })).items.map((h) => [h.kind, h.id]),
    ).toEqual([['person', p.id]]);
    expect((await v.ok<SearchResult>('search.query', { query: 'torture' })).items.map((h) => [h.kind, h.id])).toEqual([
      ['case', c.id],
    ]);
    const bad = await v.call('search.query', { query: 'x', kinds: ['tag'] });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
