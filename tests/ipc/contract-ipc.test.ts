/**
 * The contract as a whole: every channel has exactly one implementation, and every answer is
 * parsed with a schema that lets nothing unexpected through (strict objects all the way down,
 * no z.any or z.unknown).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CONTRACT } from '../../shared/ipc/contract.js';
import { listCalls } from '../../shared/ipc/kit.js';
import { dispatch, ENGINE_HANDLERS } from '../../src-main/engine/api/dispatch.js';
import { ipcVault, type IpcVault } from './ipc-helpers.js';
import type { Case } from '../../shared/domain/cases.js';

const CASE_DOMAIN_AREAS = [
  'cases',
  'people',
  'enquiries',
  'consents',
  'evidence',
  'notes',
  'search',
  'deadlines',
  'outcomes',
  'partners',
  'risks',
];

type Def = { type: string; [key: string]: unknown };
const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

/**
 * Problems with an output schema, by path: a non-strict object, z.any/z.unknown, or anything
 * that is not plain data (transforms, pipes, defaults). z.json() is a lazy union of itself.
 */
function outputProblems(schema: z.ZodType, path = '$', seen = new Set<z.ZodType>()): string[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const def = defOf(schema);
  switch (def.type) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'null':
    case 'literal':
    case 'enum':
      return [];
    case 'object': {
      const catchall = def.catchall as z.ZodType | undefined;
      const out = !catchall || defOf(catchall).type !== 'never' ? [`${path}: not a strict object`] : [];
      for (const [k, v] of Object.entries(def.shape as Record<string, z.ZodType>))
        out.push(...outputProblems(v, `${path}.${k}`, seen));
      return out;
    }
    case 'array':
      return outputProblems(def.element as z.ZodType, `${path}[]`, seen);
    case 'nullable':
    case 'optional':
      return outputProblems(def.innerType as z.ZodType, path, seen);
    case 'union':
      return (def.options as z.ZodType[]).flatMap((o) => outputProblems(o, path, seen));
    case 'record':
      return [
        ...outputProblems(def.keyType as z.ZodType, `${path}{key}`, seen),
        ...outputProblems(def.valueType as z.ZodType, `${path}{}`, seen),
      ];
    case 'lazy':
      return outputProblems((def.getter as () => z.ZodType)(), path, seen);
    default:
      return [`${path}: ${def.type} is not allowed in an answer`];
  }
}

/** The top level: a strict object, null, or an array / nullable / union of those. */
function topLevelOk(schema: z.ZodType): boolean {
  const def = defOf(schema);
  switch (def.type) {
    case 'null':
      return true;
    case 'object':
      return defOf(def.catchall as z.ZodType).type === 'never';
    case 'array':
      return topLevelOk(def.element as z.ZodType);
    case 'nullable':
      return topLevelOk(def.innerType as z.ZodType);
    case 'union':
      return (def.options as z.ZodType[]).every(topLevelOk);
    default:
      return false;
  }
}

let v: IpcVault | undefined;
afterEach(() => {
  v?.cleanup();
  v = undefined;
});

describe('the IPC contract', () => {
  const calls = listCalls(CONTRACT);
  const handlers = ENGINE_HANDLERS as unknown as Record<string, Record<string, unknown>>;

  it('holds every case-domain area, answered by the engine', () => {
    for (const area of CASE_DOMAIN_AREAS) {
      const inArea = calls.filter((c) => c.area === area);
      expect(inArea.length, area).toBeGreaterThan(0);
      expect(
        inArea.every((c) => c.spec.handler === 'engine' && c.spec.unlocked),
        area,
      ).toBe(true);
    }
    expect(calls.map((c) => c.channel)).toEqual(
      expect.arrayContaining(['cases.list', 'evidence.get', 'search.query', 'evidence.add']),
    );
  });

  it('has exactly one implementation per channel: an engine handler for engine calls, none for main calls', () => {
    for (const { area, method, channel, spec } of calls) {
      const own = handlers[area] !== undefined && Object.hasOwn(handlers[area]!, method);
      if (spec.handler === 'engine') {
        expect(own, channel).toBe(true);
        expect(typeof handlers[area]![method], channel).toBe('function');
      } else {
        expect(own, channel).toBe(false);
      }
    }
    // and no engine handler answers a channel the contract does not have
    const channels = new Set(calls.filter((c) => c.spec.handler === 'engine').map((c) => c.channel));
    const handled = Object.entries(handlers).flatMap(([area, methods]) =>
      Object.keys(methods).map((m) => `${area}.${m}`),
    );
    expect(handled.filter((ch) => !channels.has(ch))).toEqual([]);
    expect(handled).toHaveLength(channels.size);
  });

  it('has a strictness check that catches loose schemas', () => {
    expect(outputProblems(z.object({ a: z.string() }))).toEqual(['$: not a strict object']);
    expect(outputProblems(z.array(z.strictObject({ a: z.any(), b: z.unknown() })))).toEqual([
      '$[].a: any is not allowed in an answer',
      '$[].b: unknown is not allowed in an answer',
    ]);
    expect(outputProblems(z.strictObject({ n: z.string().transform((x) => x.length) }))).toEqual([
      '$.n: pipe is not allowed in an answer',
    ]);
    expect(outputProblems(z.strictObject({ d: z.record(z.string(), z.json()) }))).toEqual([]);
    expect(topLevelOk(z.unknown())).toBe(false);
    expect(topLevelOk(z.strictObject({}).nullable())).toBe(true);
  });

  it('answers through strict schemas only', () => {
    const problems = calls.flatMap(({ channel, spec }) => [
      ...(topLevelOk(spec.output) ? [] : [`${channel}: top level`]),
      ...outputProblems(spec.output).map((p) => `${channel} ${p}`),
    ]);
    expect(problems).toEqual([]);
  });

  it('declares file fields on exactly the calls that take a chosen file, with progress on the long evidence calls', () => {
    const withFiles = Object.fromEntries(
      calls.filter((c) => Object.keys(c.spec.fileFields).length > 0).map((c) => [c.channel, { ...c.spec.fileFields }]),
    );
    expect(withFiles).toEqual({
      'evidence.add': { file: 'open' },
      'evidence.addCopy': { file: 'open' },
      'evidence.export': { target: 'save' },
      'evidence.exportCustodyLog': { target: 'save' },
      // partner exchange (issue 5)
      'identity.exportCard': { target: 'save' },
      'partners.importCard': { file: 'open' },
      'partners.importCardPicture': { picture: 'open' },
      'partners.verifyKeyPicture': { picture: 'open' },
      'bundles.export': { target: 'save' },
      'bundles.verify': { file: 'open' },
      'bundles.import': { file: 'open' },
      'bundles.saveReceipt': { target: 'save' },
      'bundles.importReceipt': { file: 'open' },
      // recall notices (issue 12)
      'bundles.peek': { file: 'open' },
      'bundles.writeRecall': { target: 'save' },
      'bundles.saveRecallReceipt': { target: 'save' },
      // donor reports (issue 6)
      'reports.write': { target: 'save' },
      // backups to a drive folder (docs/backup.md)
      'backup.create': { drive: 'save' },
      'backup.list': { drive: 'save' },
      'backup.listOnDrive': { drive: 'save' },
      'backup.restore': { drive: 'save' },
      'backup.verify': { drive: 'save' },
      'backup.prune': { drive: 'save' },
      // spreadsheet import (docs/import.md)
      'import.preflight': { file: 'open' },
      'import.run': { file: 'open' },
      'import.saveRefused': { target: 'save' },
      // team sync: a card, a bundle to read or write, the shared folder (docs/team-sync.md)
      'team.add': { file: 'open' },
      'sync.export': { target: 'save' },
      'sync.import': { file: 'open' },
      'sync.folder': { folder: 'save' },
    });
    const progress = calls.filter((c) => CASE_DOMAIN_AREAS.includes(c.area) && c.spec.progress).map((c) => c.channel);
    expect(progress).toEqual(['evidence.add', 'evidence.addCopy', 'evidence.export', 'evidence.verify']);
    // every file field is a FileHandle: a path is refused
    for (const c of calls) {
      for (const field of Object.keys(c.spec.fileFields)) {
        const shape = defOf(c.spec.input).shape as Record<string, z.ZodType> | undefined;
        expect(shape?.[field]?.safeParse('/home/user/secret.pdf').success, `${c.channel}.${field}`).toBe(false);
      }
    }
  });

  it('refuses an engine answer with a field the contract does not name', async () => {
    v = await ipcVault();
    const created = await v.ok<Case>('cases.create', { title: 'Case' });
    const raw = await dispatch('cases.get', { id: created.id }, { session: v.engine.session, progress: () => {} });
    if (!raw.ok) throw new Error(raw.error.code);
    expect(CONTRACT.cases.get.output.safeParse(raw.value).success).toBe(true);
    expect(CONTRACT.cases.get.output.safeParse({ ...(raw.value as object), dbKey: 'x' }).success).toBe(false);
    const team = { ...(raw.value as Case), team: [{ member: 'MK', role: '', phone: '1' }] };
    expect(CONTRACT.cases.get.output.safeParse(team).success).toBe(false);
    const list = await dispatch('cases.list', {}, { session: v.engine.session, progress: () => {} });
    if (!list.ok) throw new Error(list.error.code);
    const page = list.value as { items: object[] };
    expect(
      CONTRACT.cases.list.output.safeParse({ ...page, items: page.items.map((i) => ({ ...i, summary: 'long text' })) })
        .success,
    ).toBe(false);
  });
});
