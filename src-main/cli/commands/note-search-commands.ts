/** note add | list | show | update, and search: case notes and full-text search. */
import fs from 'node:fs';
import { SEARCH_KINDS, type SearchHit, type SnippetSegment } from '../../../shared/domain/search.js';
import { type Note } from '../../../shared/domain/notes.js';
import { VaultError } from '../../../shared/errors.js';
import type { Command, CommandContext } from '../command.js';
import { stringOpt } from '../command.js';
import { dropUndefined, idArg, intOpt, listOpt, printRecord, printTable, terminalSafe } from '../domain-cli.js';
import { callEngine } from '../engine-call.js';
import { UsageError } from '../io.js';

/** A note file is read whole; anything this large is not a note (the limit is 20 000 characters). */
const MAX_NOTE_FILE_BYTES = 1024 * 1024;

/** --text, or the UTF-8 contents of --file (not both). Undefined when neither: the engine says the body is required. */
function noteBody(ctx: CommandContext): string | undefined {
  const text = stringOpt(ctx, 'text');
  const file = stringOpt(ctx, 'file');
  if (text !== undefined && file !== undefined) throw new UsageError('give --text or --file, not both.');
  if (file === undefined) return text;
  let bytes: Buffer;
  try {
    const size = fs.statSync(file).size;
    if (size > MAX_NOTE_FILE_BYTES)
      throw new VaultError('INVALID_INPUT', `body: the file is ${size} bytes; a note holds at most 20000 characters.`);
    bytes = fs.readFileSync(file);
  } catch (e) {
    if (e instanceof VaultError) throw e;
    throw new VaultError(
      'IO_ERROR',
      `The note file ${file} could not be read (${(e as { code?: string }).code ?? 'I/O error'}).`,
    );
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new VaultError('INVALID_INPUT', `body: the file ${file} is not UTF-8 text.`);
  }
}

const BODY_OPTIONS = {
  text: { type: 'string', description: 'the note', valueName: 'TEXT' },
  file: { type: 'string', description: 'read the note from a UTF-8 text file instead', valueName: 'FILE' },
} as const;

function noteLines(n: Note): Array<[string, unknown]> {
  return [
    ['id', n.id],
    ['case', n.caseId],
    ['author', terminalSafe(n.author)],
    ['created', n.createdAt],
    ['updated', n.updatedAt !== n.createdAt ? n.updatedAt : null],
    ['version', n.version],
    ['text', n.body], // several lines: printRecord makes it safe and indents them
  ];
}

const add: Command = {
  path: ['note', 'add'],
  summary: 'Add a note to a case (full-text indexed).',
  options: {
    case: { type: 'string', description: 'the case id (required)', valueName: 'ID' },
    ...BODY_OPTIONS,
    author: { type: 'string', description: 'who wrote it (e.g. initials)', valueName: 'NAME' },
  },
  async run(ctx) {
    const input = dropUndefined({
      caseId: stringOpt(ctx, 'case'),
      body: noteBody(ctx),
      author: stringOpt(ctx, 'author'),
    });
    const note = await callEngine(ctx, 'notes', 'add', input);
    printRecord(ctx, note, noteLines(note));
  },
};

const list: Command = {
  path: ['note', 'list'],
  summary: "List a case's notes, newest first.",
  options: {
    case: { type: 'string', description: 'the case id (required)', valueName: 'ID' },
    limit: { type: 'string', description: 'at most N notes (default 50, max 1000)', valueName: 'N' },
    offset: { type: 'string', description: 'skip the first N', valueName: 'N' },
  },
  async run(ctx) {
    const query = dropUndefined({
      caseId: stringOpt(ctx, 'case'),
      limit: intOpt(ctx, 'limit'),
      offset: intOpt(ctx, 'offset'),
    });
    const page = await callEngine(ctx, 'notes', 'list', query);
    printTable(
      ctx,
      page.items,
      [
        ['ID', (n) => n.id],
        ['CREATED', (n) => n.createdAt.slice(0, 16).replace('T', ' ')],
        ['AUTHOR', (n) => terminalSafe(n.author)],
        ['TEXT', (n) => terminalSafe(n.body).replace(/\s+/g, ' ')],
      ],
      'No notes.',
    );
    if (!ctx.out.json && page.total > page.offset + page.items.length)
      ctx.out.note(`${page.total} notes in all; next: --offset ${page.offset + page.items.length}`);
  },
};

const show: Command = {
  path: ['note', 'show'],
  summary: 'Show a note.',
  args: 'ID',
  minArgs: 1,
  maxArgs: 1,
  async run(ctx) {
    const note = await callEngine(ctx, 'notes', 'get', { id: idArg(ctx, 'note') });
    printRecord(ctx, note, noteLines(note));
  },
};

const update: Command = {
  path: ['note', 'update'],
  summary: "Replace a note's text.",
  args: 'ID',
  minArgs: 1,
  maxArgs: 1,
  options: {
    ...BODY_OPTIONS,
    'expected-version': {
      type: 'string',
      description: 'refuse (CONFLICT) if the note has changed since this version',
      valueName: 'N',
    },
  },
  async run(ctx) {
    const input = dropUndefined({
      id: idArg(ctx, 'note'),
      body: noteBody(ctx),
      expectedVersion: intOpt(ctx, 'expected-version'),
    });
    const note = await callEngine(ctx, 'notes', 'update', input);
    printRecord(ctx, note, noteLines(note));
  },
};

/** A snippet for a person: matches in bold on a terminal (unless NO_COLOR), in [brackets] otherwise. */
export function renderSnippet(segments: readonly SnippetSegment[], terminal: boolean): string {
  return segments
    .map((s) =>
      s.match
        ? terminal
          ? `\x1b[1m${terminalSafe(s.text)}\x1b[22m`
          : `[${terminalSafe(s.text)}]`
        : terminalSafe(s.text),
    )
    .join('');
}

function hitHeading(h: SearchHit): string {
  const what = h.kind;
  if (h.kind === 'person') {
    const inCase = h.caseId
      ? `  (first case ${terminalSafe(h.caseReference)} ${terminalSafe(h.caseTitle)})`
      : '  (in no case)';
    return `${what.padEnd(8)} ${terminalSafe(h.title ?? '')}${inCase}  (${h.id})`;
  }
  const title = h.kind === 'case' ? h.caseTitle : h.title ? `${h.caseTitle} — ${h.title}` : h.caseTitle;
  return `${what.padEnd(8)} ${terminalSafe(h.caseReference)}  ${terminalSafe(title)}  (${h.id})`;
}

const searchCommand: Command = {
  path: ['search'],
  summary:
    'Search notes, cases (and their tags), evidence and people’s names (words, "a phrase", the last word also as a prefix).',
  args: 'QUERY',
  minArgs: 1,
  maxArgs: 64,
  options: {
    kind: {
      type: 'string',
      multiple: true,
      description: `only ${SEARCH_KINDS.slice(0, -1).join(', ')} or ${SEARCH_KINDS.at(-1)} (repeat, or comma-separated)`,
      valueName: 'K',
    },
    case: { type: 'string', description: "only this case's records", valueName: 'ID' },
    limit: { type: 'string', description: 'at most N hits (default 20, max 100)', valueName: 'N' },
    offset: { type: 'string', description: 'skip the first N hits (max 1000)', valueName: 'N' },
  },
  async run(ctx) {
    const kinds = listOpt(ctx, 'kind');
    const query = dropUndefined({
      query: ctx.positionals.join(' '),
      kinds: kinds.length ? kinds : undefined,
      caseId: stringOpt(ctx, 'case'),
      limit: intOpt(ctx, 'limit'),
      offset: intOpt(ctx, 'offset'),
    });
    const result = await callEngine(ctx, 'search', 'query', query);
    if (ctx.out.json) return ctx.out.printJson(result.items);
    if (result.items.length === 0) return ctx.out.print('Nothing found.');
    const terminal = process.stdout.isTTY === true && !process.env.NO_COLOR;
    ctx.out.print(result.items.map((h) => `${hitHeading(h)}\n    ${renderSnippet(h.snippet, terminal)}`).join('\n'));
    const shown = `${result.offset + 1}–${result.offset + result.items.length}`;
    ctx.out.note(
      `${shown} of ${result.total ?? 'many (the best of the most recent matches; add words to narrow)'}` +
        (result.hasMore ? `; next: --offset ${result.offset + result.items.length}` : ''),
    );
  },
};

export const noteSearchCommands: Command[] = [add, list, show, update, searchCommand];
