// The CLI's door into the engine (src-main/cli/engine-call.ts), in process: its input is parsed
// by the contract's schema and a mistake reads exactly as the app's router words it; file fields
// take the path typed on the command line; the help of an option lists the shared enum.
import { describe, expect, it } from 'vitest';
import { DEADLINE_KINDS } from '../../shared/domain/deadlines.js';
import { RISK_CATEGORIES, RISK_STATUSES } from '../../shared/domain/risks.js';
import { isVaultError } from '../../shared/errors.js';
import { CONTRACT } from '../../shared/ipc/contract.js';
import { listCalls } from '../../shared/ipc/kit.js';
import { describeZodError } from '../../shared/zod-message.js';
import { parseEngineInput, type EngineArea } from '../../src-main/cli/engine-call.js';
import { COMMANDS, helpText } from '../../src-main/cli/main.js';

const CASE_ID = '01900000-0000-7000-8000-000000000000';

function refusal(area: EngineArea, method: string, input: Record<string, unknown>): { code: string; message: string } {
  try {
    parseEngineInput(area, method, input);
  } catch (e) {
    if (isVaultError(e)) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error(`${area}.${method} accepted the input`);
}

function command(...path: string[]) {
  const found = COMMANDS.find((c) => c.path.join(' ') === path.join(' '));
  if (!found) throw new Error(`no command ${path.join(' ')}`);
  return found;
}

describe('the CLI door into the engine', () => {
  it('refuses bad input with the sentence the app gets for the same input', () => {
    const input = { caseId: CASE_ID, kind: 'appeal', title: 'Reply', dueOn: '2026-03-01' };
    const app = CONTRACT.deadlines.add.input.safeParse(input);
    expect(app.success).toBe(false);
    expect(refusal('deadlines', 'add', input)).toEqual({
      code: 'INVALID_INPUT',
      message: describeZodError(app.error!),
    });
    expect(refusal('deadlines', 'add', input).message).toBe(`kind: must be one of: ${DEADLINE_KINDS.join(', ')}.`);
    expect(refusal('cases', 'get', { id: CASE_ID, extra: 1 }).message).toBe('input: unknown field(s): extra.');
  });

  it('hands on what the contract made of the input (its defaults and normalisations)', () => {
    const parsed = parseEngineInput('people', 'link', { personId: CASE_ID, caseId: CASE_ID, role: 'client' });
    expect(parsed).toEqual({ personId: CASE_ID, caseId: CASE_ID, role: 'survivor' });
  });

  it('takes a typed path where the app takes a file handle, and still names a missing one', () => {
    expect(parseEngineInput('bundles', 'verify', { file: '/media/usb/case.cvbundle' })).toEqual({
      file: '/media/usb/case.cvbundle',
    });
    expect(refusal('bundles', 'verify', {})).toEqual({ code: 'INVALID_INPUT', message: 'file: is required.' });
    expect(refusal('bundles', 'verify', { file: '' }).message).toBe('file: is required.');
    // every call with file fields can be prepared this way
    for (const { area, method, spec } of listCalls(CONTRACT)) {
      if (spec.handler !== 'engine' || Object.keys(spec.fileFields).length === 0) continue;
      expect(() => parseEngineInput(area as EngineArea, method, {}), `${area}.${method}`).toThrow();
    }
  });

  it('lists the values of an option from the enum the engine checks', () => {
    expect(helpText(command('deadline', 'add'))).toContain(DEADLINE_KINDS.join(', '));
    const risk = helpText(command('risk', 'add'));
    expect(risk).toContain(RISK_CATEGORIES.join(', '));
    expect(risk).toContain(RISK_STATUSES.map((s) => (s === 'open' ? 'open (default)' : s)).join(', '));
  });

  it('keeps the partner-key commands under partner', () => {
    for (const words of [
      ['partner', 'keys'],
      ['partner', 'safety-number'],
      ['partner', 'verify'],
    ])
      expect(command(...words).path).toEqual(words);
  });
});
