/**
 * import.* — spreadsheet import (engine/import) behind the contract's import area.
 *
 * `file` is the path main swapped in for the open dialog's handle. A run from the app writes no
 * file beside the input (the CLI's summary and refused-rows files): the refused rows are kept in
 * this worker's memory, for the vault session that ran the import, until `saveRefused` writes them
 * to a file the user chose in a save dialog — or the vault locks. `cancel` aborts the running
 * import, which stops after the batch in hand (the worker takes messages while a run awaits).
 * Answers never carry a path.
 */
import { basename } from 'node:path';
import { VaultError } from '../../../../shared/errors.js';
import type { DomainContext } from '../../domain/context.js';
import { FIELDS, type ImportKind } from '../../import/fields.js';
import {
  type ImportProgress,
  type ImportRequest,
  type KeptRefusedRows,
  KEPT_REFUSED_ROWS,
  listMappings,
  previewImport,
  runImport,
  saveMapping,
  writeRefusedRows,
} from '../../import/import-service.js';
import type { CallContext } from '../call-context.js';
import type { EngineImplementation } from '../dispatch.js';

interface ImportState {
  running?: AbortController;
  kept?: KeptRefusedRows;
}
/** per unlocked vault: a lock ends the DomainContext, and with it what was kept */
const states = new WeakMap<DomainContext, ImportState>();
function stateOf(ctx: DomainContext): ImportState {
  let s = states.get(ctx);
  if (!s) states.set(ctx, (s = {}));
  return s;
}

function fieldsOf(kind: ImportKind): Array<{ key: string; required: boolean }> {
  return FIELDS[kind].map((f) => ({ key: f.key, required: f.required === true }));
}

function reporter(cx: CallContext): (p: ImportProgress) => void {
  return (p) => cx.progress({ phase: `import.${p.phase}`, done: p.done, total: p.total });
}

type RequestInput = Omit<ImportRequest, 'mapping'> & { mapping?: Record<string, string> | undefined };
function request(input: RequestInput): ImportRequest {
  return {
    file: input.file,
    kind: input.kind,
    ...(input.mappingName !== undefined ? { mappingName: input.mappingName } : {}),
    ...(input.mapping !== undefined ? { mapping: input.mapping } : {}),
    ...(input.exactMapping ? { exactMapping: true } : {}),
    ...(input.encoding !== undefined ? { encoding: input.encoding } : {}),
    ...(input.delimiter !== undefined ? { delimiter: input.delimiter } : {}),
  };
}

export const importHandlers: EngineImplementation['import'] = {
  preflight: async (input, cx) => {
    const ctx = cx.session.ctx;
    const p = await previewImport(
      ctx,
      { ...request(input), ...(input.saveMappingAs !== undefined ? { saveMappingAs: input.saveMappingAs } : {}) },
      reporter(cx),
    );
    return { ...p, fields: fieldsOf(p.kind) };
  },
  run: async (input, cx) => {
    const ctx = cx.session.ctx;
    if (input.dryRun) {
      const p = await previewImport(ctx, request(input), reporter(cx));
      return { dryRun: true as const, preview: { ...p, fields: fieldsOf(p.kind) } };
    }
    const state = stateOf(ctx);
    if (state.running)
      throw new VaultError('CONFLICT', 'An import is already running; wait for it to finish or cancel it first.');
    const abort = new AbortController();
    state.running = abort;
    const rows: KeptRefusedRows['rows'] = [];
    let leftOut = 0;
    try {
      const o = await runImport(ctx, request(input), {
        again: input.again === true,
        signal: abort.signal,
        onProgress: reporter(cx),
        keepRefused: (result, cells) => {
          if (rows.length < KEPT_REFUSED_ROWS) rows.push({ result, cells });
          else leftOut++;
        },
      });
      state.kept = { importId: o.importId, headers: o.headers, rows, leftOut };
      const { summaryFile: _s, refusedFile: _r, ...rest } = o;
      return { dryRun: false as const, outcome: { ...rest, fields: fieldsOf(o.kind), refusedKept: rows.length } };
    } finally {
      state.running = undefined;
    }
  },
  cancel: (_input, cx) => {
    const running = stateOf(cx.session.ctx).running;
    running?.abort();
    return { cancelled: running !== undefined };
  },
  mappings: (input, cx) => listMappings(cx.session.ctx).filter((m) => !input.kind || m.kind === input.kind),
  saveMapping: (input, cx) => {
    saveMapping(cx.session.ctx, input.name, input.kind, input.mapping);
    return null;
  },
  saveRefused: (input, cx) => {
    const kept = stateOf(cx.session.ctx).kept;
    if (!kept || kept.importId !== input.importId || kept.rows.length === 0)
      throw new VaultError(
        'NOT_FOUND',
        'The refused rows of that import are no longer held (they are kept until the vault locks); run the import preview again to see them.',
      );
    const r = writeRefusedRows(cx.session.ctx, kept, input.target);
    return { name: basename(r.file), rows: r.rows };
  },
};
