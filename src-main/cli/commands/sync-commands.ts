/**
 * Team sync from the terminal (docs/team-sync.md, docs/cli.md):
 *
 *   team add --card FILE | team list | team verify ID --safety-number DIGITS | team remove ID
 *   sync export --to MEMBER --out FILE | sync import FILE
 *   sync conflicts [--all] | sync conflict resolve ID --keep local|incoming
 *   sync folder DIR
 */
import { LOCAL_ACTOR } from '../../engine/audit/audit-log.js';
import { getIdentity } from '../../engine/identity/identity-service.js';
import { addTeamMember, listTeamMembers, removeTeamMember, verifyTeamMember } from '../../engine/sync/members.js';
import { exportSync, importSync, listConflicts, resolveConflict } from '../../engine/sync/sync-service.js';
import { syncFolder } from '../../engine/sync/sync-folder.js';
import type { Command } from '../command.js';
import { boolOpt, stringOpt } from '../command.js';
import { arg, printRecord, printTable, withDomain } from '../domain-cli.js';
import { terminalSafe } from '../terminal-text.js';
import { UsageError } from '../io.js';
import { readCardText } from './partner/partner-key-commands.js';

const teamAdd: Command = {
  path: ['team', 'add'],
  summary: 'Add a vault of this organisation as a team member, from its contact card (verify it next).',
  options: { card: { type: 'string', description: "the member vault's contact card (.cvcard)", valueName: 'FILE' } },
  async run(ctx) {
    const file = stringOpt(ctx, 'card');
    if (file === undefined) throw new UsageError('give the member vault’s contact card: --card FILE.');
    const text = readCardText(file);
    const m = await withDomain(ctx, (d) => addTeamMember(d, { card: text }));
    if (ctx.out.json) return ctx.out.printJson(m);
    ctx.out.print(
      [
        `Added team member "${terminalSafe(m.name)}" (vault ${m.vaultId}).`,
        `member:      ${m.id}`,
        `fingerprint: ${m.fingerprint ?? ''}`,
        `status:      ${m.keyStatus ?? 'no key'}`,
        ...(m.keyStatus === 'verified'
          ? []
          : [
              `Next: compare the safety number with them (case-vault partner safety-number ${m.id}), then: case-vault team verify ${m.id} --safety-number "<the digits>"`,
            ]),
      ].join('\n'),
    );
  },
};

const teamList: Command = {
  path: ['team', 'list'],
  summary: 'List the team members, their key state and what they acknowledged.',
  async run(ctx) {
    const items = await withDomain(ctx, (d) => listTeamMembers(d));
    printTable(
      ctx,
      items,
      [
        ['NAME', (m) => terminalSafe(m.name)],
        ['KEY', (m) => (m.removedAt ? `removed ${m.removedAt.slice(0, 10)}` : (m.keyStatus ?? 'none'))],
        ['ACKED', (m) => m.acknowledged],
        ['VAULT', (m) => m.vaultId],
        ['ID', (m) => m.id],
      ],
      'No team members yet: add one with "team add --card FILE".',
    );
  },
};

const teamVerify: Command = {
  path: ['team', 'verify'],
  summary: "Mark a member's key verified after comparing the safety number with them (spaces are ignored).",
  args: 'ID',
  minArgs: 1,
  maxArgs: 1,
  options: {
    'safety-number': { type: 'string', description: 'the 60 digits you compared', valueName: 'DIGITS' },
    by: { type: 'string', description: "who compared (default: this vault's identity name)", valueName: 'NAME' },
  },
  async run(ctx) {
    const safetyNumber = stringOpt(ctx, 'safety-number');
    if (safetyNumber === undefined) throw new UsageError('give the number you compared: --safety-number DIGITS.');
    const m = await withDomain(ctx, (d) =>
      verifyTeamMember(d, {
        id: arg(ctx),
        safetyNumber,
        verifiedBy: stringOpt(ctx, 'by') ?? (getIdentity(d).name || LOCAL_ACTOR),
      }),
    );
    printRecord(ctx, m, [
      ['member', m.id],
      ['name', m.name],
      ['vault', m.vaultId],
      ['key', m.keyStatus],
      ['fingerprint', m.fingerprint],
    ]);
  },
};

const teamRemove: Command = {
  path: ['team', 'remove'],
  summary: 'Remove a team member: nothing new goes to it and its later sync bundles are refused.',
  args: 'ID',
  minArgs: 1,
  maxArgs: 1,
  async run(ctx) {
    const m = await withDomain(ctx, (d) => removeTeamMember(d, arg(ctx)));
    printRecord(ctx, m, [
      ['member', m.id],
      ['name', m.name],
      ['removed', m.removedAt],
    ]);
  },
};

const syncExport: Command = {
  path: ['sync', 'export'],
  summary: 'Write a sync bundle for a team member: every change made here they have not acknowledged.',
  options: {
    to: { type: 'string', description: 'the team member (its id, see team list)', valueName: 'MEMBER' },
    out: { type: 'string', description: 'the new file to write (never overwritten)', valueName: 'FILE' },
  },
  async run(ctx) {
    const to = stringOpt(ctx, 'to');
    const out = stringOpt(ctx, 'out');
    if (to === undefined || out === undefined) throw new UsageError('say for whom and where: --to MEMBER --out FILE.');
    const r = await withDomain(ctx, (d) => exportSync(d, { to, out }));
    if (ctx.out.json) return ctx.out.printJson(r);
    ctx.out.print(`Wrote ${r.file}: ${r.changes} change${r.changes === 1 ? '' : 's'} for member ${r.memberId}.`);
  },
};

const syncImport: Command = {
  path: ['sync', 'import'],
  summary: "Apply a team member's sync bundle (twice, or out of order, changes nothing wrong).",
  args: 'FILE',
  minArgs: 1,
  maxArgs: 1,
  async run(ctx) {
    const r = await withDomain(ctx, (d) => importSync(d, arg(ctx)));
    if (ctx.out.json) return ctx.out.printJson(r);
    ctx.out.print(
      [
        `Imported from member ${r.memberId}: ${r.applied} applied, ${r.duplicates} already here, ${r.held} waiting for their record.`,
        ...(r.openConflicts > 0 ? [`${r.openConflicts} open conflict(s): case-vault sync conflicts`] : []),
        ...(r.erased > 0 ? [`${r.erased} record(s) erased here, as the member erased them.`] : []),
      ].join('\n'),
    );
  },
};

const syncConflicts: Command = {
  path: ['sync', 'conflicts'],
  summary: 'List the fields two members edited at once (open ones; --all for settled too).',
  options: { all: { type: 'boolean', description: 'settled conflicts too' } },
  async run(ctx) {
    const items = await withDomain(ctx, (d) => listConflicts(d, { all: boolOpt(ctx, 'all') }));
    printTable(
      ctx,
      items,
      [
        ['RECORD', (c) => `${c.kind} ${c.recordId}`],
        ['FIELD', (c) => c.field],
        ['STATE', (c) => (c.resolvedAt ? 'settled' : 'open')],
        ['ID', (c) => c.id],
      ],
      'No open conflicts.',
    );
  },
};

const syncConflictResolve: Command = {
  path: ['sync', 'conflict', 'resolve'],
  summary: 'Settle a conflict: keep the value written here (local) or the other member’s (incoming).',
  args: 'ID',
  minArgs: 1,
  maxArgs: 1,
  options: { keep: { type: 'string', description: 'local or incoming', valueName: 'SIDE' } },
  async run(ctx) {
    const keep = stringOpt(ctx, 'keep');
    if (keep === undefined) throw new UsageError('say which value to keep: --keep local|incoming.');
    const c = await withDomain(ctx, (d) => resolveConflict(d, { id: arg(ctx), keep }));
    printRecord(ctx, c, [
      ['conflict', c.id],
      ['record', `${c.kind} ${c.recordId}`],
      ['field', c.field],
      ['settled', c.resolvedAt],
    ]);
  },
};

const syncFolderCommand: Command = {
  path: ['sync', 'folder'],
  summary:
    'Sync with every member through a shared folder (Syncthing, a network share, a USB stick): apply what is addressed here, write what each member lacks.',
  args: 'DIR',
  minArgs: 1,
  maxArgs: 1,
  async run(ctx) {
    const r = await withDomain(ctx, (d) => syncFolder(d, arg(ctx)));
    if (ctx.out.json) return ctx.out.printJson(r);
    const n = (k: number, what: string) => `${k} ${what}${k === 1 ? '' : 's'}`;
    const lines = [
      `Sync folder ${terminalSafe(r.folder)}: ${n(r.applied.length, 'file')} applied, ${n(r.written.length, 'file')} written, ${r.refused.length} refused.`,
    ];
    for (const a of r.applied)
      lines.push(
        `  applied ${terminalSafe(a.name)}: ${a.applied} change(s) applied, ${a.duplicates} already here, ${a.held} waiting for their record`,
      );
    for (const w of r.written)
      lines.push(`  wrote   ${terminalSafe(w.name)}: ${w.changes} change(s) for member ${w.memberId}`);
    for (const f of r.refused) lines.push(`  refused ${terminalSafe(f.name)}: ${f.code}: ${terminalSafe(f.message)}`);
    for (const f of r.failed)
      lines.push(`  not written for member ${f.memberId}: ${f.code}: ${terminalSafe(f.message)}`);
    for (const m of r.notWritten)
      if (m.reason === 'not-verified')
        lines.push(`  nothing written for member ${m.memberId}: its key is not verified (team verify)`);
    const skipped = r.skipped.filter((s) => s.reason !== 'for-another-vault' && s.reason !== 'already-applied');
    for (const s of skipped) lines.push(`  skipped ${terminalSafe(s.name)}: ${s.reason}`);
    if (r.removed.length > 0) lines.push(`  removed ${n(r.removed.length, 'file')} the members acknowledged`);
    if (r.openConflicts > 0) lines.push(`${r.openConflicts} open conflict(s): case-vault sync conflicts`);
    ctx.out.print(lines.join('\n'));
  },
};

export const syncCommands: Command[] = [
  teamAdd,
  teamList,
  teamVerify,
  teamRemove,
  syncExport,
  syncImport,
  syncConflicts,
  syncConflictResolve,
  syncFolderCommand,
];
