/**
 * Lists as CSV for internal use (a spreadsheet of the caseload, the deadlines, the people of a
 * case): an explicit export of plain text to a file the user names. Written by the project's CSV
 * writer (util/csv.ts: formulas neutralised), by the new-file rule (util/new-file.ts: never over
 * an existing file, nothing half-written), and audited with the list, the row count and the
 * file's SHA-256 — never what it holds. The columns are the import's field names
 * (import/fields.ts), so an exported list can be edited and imported back to update records.
 * Summaries only: no case summary or strategy, no person's contact or safety notes.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { VaultError } from '../../../shared/errors.js';
import { FilePath } from '../../../shared/domain/evidence.js';
import { listCases } from '../cases/case-service.js';
import { requireCase } from '../cases/case-service.js';
import { listDeadlines } from '../deadlines/deadline-service.js';
import { type DomainContext, mutate, parseInput } from '../domain/context.js';
import { listPeople } from '../people/person-service.js';
import { csvDocument } from '../util/csv.js';
import { stageNewFile, unpublish } from '../util/new-file.js';

export const EXPORT_LISTS = ['cases', 'deadlines', 'people'] as const;
export type ExportList = (typeof EXPORT_LISTS)[number];

const ExportListInput = z.strictObject({
  list: z.enum(EXPORT_LISTS),
  /** people: the case whose people are listed (required); deadlines: only this case's */
  caseId: z.string().optional(),
  destPath: FilePath,
});
export type ExportListInput = z.input<typeof ExportListInput>;

export interface ListExport {
  path: string;
  list: ExportList;
  rows: number;
  bytes: number;
}

const PAGE = 1000;

function caseRows(ctx: DomainContext): { header: string[]; rows: string[][] } {
  const header = [
    'id',
    'reference',
    'title',
    'status',
    'forum',
    'country',
    'stage',
    'sensitivity',
    'openedOn',
    'tags',
    'nextDeadline',
  ];
  const rows: string[][] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = listCases(ctx, { sort: 'reference', limit: PAGE, offset });
    for (const c of page.items)
      rows.push([
        c.id,
        c.reference,
        c.title,
        c.status,
        c.forum ?? '',
        c.country ?? '',
        c.stage ?? '',
        c.sensitivity,
        c.openedOn,
        c.tags.join('; '),
        c.nextDeadline ?? '',
      ]);
    if (offset + PAGE >= page.total) break;
  }
  return { header, rows };
}

function deadlineRows(ctx: DomainContext, caseId?: string): { header: string[]; rows: string[][] } {
  const header = ['id', 'caseReference', 'kind', 'title', 'dueOn', 'status', 'completedOn', 'notes'];
  const rows = listDeadlines(ctx, caseId ? { caseId } : {}).map((d) => [
    d.id,
    d.caseReference,
    d.kind,
    d.title,
    d.dueOn,
    d.status,
    d.completedOn ?? '',
    d.notes,
  ]);
  return { header, rows };
}

function peopleRows(ctx: DomainContext, caseId: string): { header: string[]; rows: string[][] } {
  const reference = requireCase(ctx.db, caseId).reference;
  const header = [
    'id',
    'fullName',
    'aliases',
    'pseudonym',
    'gender',
    'country',
    'vulnerabilities',
    'caseReference',
    'role',
  ];
  const rows: string[][] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = listPeople(ctx, { caseId, limit: PAGE, offset });
    for (const p of page.items)
      for (const r of p.roles.filter((x) => x.caseId === caseId))
        rows.push([
          p.id,
          p.fullName,
          p.aliases.join('; '),
          p.pseudonym ?? '',
          p.gender ?? '',
          p.country ?? '',
          p.vulnerabilities.join('; '),
          reference,
          r.role,
        ]);
    if (offset + PAGE >= page.total) break;
  }
  return { header, rows };
}

/** Write the list to a new file; EXPORT_TARGET_EXISTS for an existing one. */
export function exportListCsv(ctx: DomainContext, input: ExportListInput): ListExport {
  const p = parseInput(ExportListInput, input);
  if (p.list === 'people' && !p.caseId)
    throw new VaultError('INVALID_INPUT', 'caseId: is required for the people of a case.');
  const { header, rows } =
    p.list === 'cases'
      ? caseRows(ctx)
      : p.list === 'deadlines'
        ? deadlineRows(ctx, p.caseId)
        : peopleRows(ctx, p.caseId!);
  const data = Buffer.from(csvDocument(header, rows), 'utf8');
  const staged = stageNewFile(p.destPath, data);
  let published = false;
  try {
    mutate(ctx, (audit) => {
      staged.publish();
      published = true;
      audit({
        action: 'list.exported',
        subject: p.caseId ? { kind: 'case', id: p.caseId } : null,
        details: { list: p.list, rows: rows.length, sha256: createHash('sha256').update(data).digest('hex') },
      });
    });
    published = false;
  } finally {
    // a file published by a transaction that then failed goes again
    if (published) unpublish(staged.dest);
    staged.discard();
  }
  return { path: staged.dest, list: p.list, rows: rows.length, bytes: data.length };
}
