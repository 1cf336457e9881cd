/**
 * bundle proposals | proposal show | proposal accept | proposal reject: a partner's additions to
 * a case it did not create wait for a person's decision (docs/bundle-format.md, "Authority").
 */
import { PROPOSAL_STATUSES, type ProposedAddition } from '../../../shared/domain/bundles.js';
import type { Command, CommandContext } from '../command.js';
import { stringOpt } from '../command.js';
import { idArg, printRecord, printTable } from '../domain-cli.js';
import { callEngine } from '../engine-call.js';
import { UsageError, formatBytes } from '../io.js';

const KIND_NOUN: Record<ProposedAddition['kind'], string> = {
  notes: 'note',
  deadlines: 'deadline',
  outcomes: 'outcome',
  evidence: 'evidence',
};

function from(p: ProposedAddition): string {
  return p.partner ? `${p.partner.name} (${p.partner.id})` : `vault ${p.fromVault}`;
}

/** One line saying what the proposal carries. */
function gist(p: ProposedAddition): string {
  const v = p.preview;
  if (!v) return p.status === 'superseded' ? '(replaced by a later version)' : '(content dropped)';
  const parts = [
    v.subtype,
    v.day,
    v.title,
    v.fileName,
    v.size !== null ? formatBytes(v.size) : null,
    v.text ? v.text.slice(0, 80) : null,
  ].filter((x): x is string => !!x);
  return parts.join(' · ');
}

function lines(p: ProposedAddition): Array<[string, unknown]> {
  const v = p.preview;
  return [
    ['proposal', p.id],
    [
      'what',
      `${KIND_NOUN[p.kind]} ${p.recordId} (version ${p.version})${p.isUpdate ? ': a change to one already accepted' : ''}`,
    ],
    ['case', `${p.caseReference} ${p.caseTitle}`],
    ['from', from(p)],
    ['bundle', p.bundleId],
    ['received', p.receivedAt],
    ['status', p.status],
    ['decided', p.decidedAt ? `${p.decidedAt} by ${p.decidedBy ?? '?'}` : undefined],
    ['title', v?.title ?? undefined],
    ['kind', v?.subtype ?? undefined],
    ['day', v?.day ?? undefined],
    [
      'file',
      v?.fileName
        ? `${v.fileName}${v.size !== null ? ` (${formatBytes(v.size)})` : ''}${v.hasFile ? '' : ', file not received'}`
        : undefined,
    ],
    [
      'amount',
      v?.currency && v.amountAwardedMinor !== null
        ? `${v.amountAwardedMinor} (minor units of ${v.currency})`
        : undefined,
    ],
    ['text', v?.text ?? undefined],
  ];
}

const listCommand: Command = {
  path: ['bundle', 'proposals'],
  summary:
    "A partner's notes, deadlines, outcomes and evidence for cases it did not create, waiting for your decision.",
  options: {
    status: {
      type: 'string',
      description: `which: ${PROPOSAL_STATUSES.join(', ')} (default pending)`,
      valueName: 'STATUS',
    },
    case: { type: 'string', description: 'only those for this case', valueName: 'ID' },
  },
  async run(ctx) {
    const status = stringOpt(ctx, 'status');
    if (status !== undefined && !(PROPOSAL_STATUSES as readonly string[]).includes(status))
      throw new UsageError(`--status must be one of ${PROPOSAL_STATUSES.join(', ')}.`);
    const caseId = stringOpt(ctx, 'case');
    const items = await callEngine(ctx, 'proposals', 'list', {
      ...(status ? { status } : {}),
      ...(caseId ? { caseId } : {}),
    });
    printTable<ProposedAddition>(
      ctx,
      items,
      [
        ['id', (p) => p.id],
        ['kind', (p) => KIND_NOUN[p.kind]],
        ['case', (p) => p.caseReference],
        ['from', (p) => from(p)],
        ['received', (p) => p.receivedAt],
        ['what', (p) => gist(p)],
      ],
      status && status !== 'pending' ? `No ${status} proposals.` : 'No proposals wait for a decision.',
    );
  },
};

const showCommand: Command = {
  path: ['bundle', 'proposal', 'show'],
  summary: 'Everything a proposed addition carries, before you decide.',
  args: 'ID',
  minArgs: 1,
  maxArgs: 1,
  async run(ctx) {
    const p = await callEngine(ctx, 'proposals', 'get', { id: idArg(ctx, 'proposed addition') });
    printRecord(ctx, p, lines(p));
  },
};

function decideCommand(decision: 'accept' | 'reject'): Command {
  return {
    path: ['bundle', 'proposal', decision],
    summary:
      decision === 'accept'
        ? "Accept a partner's proposed addition: it enters the case (and donor reports), attributed to the partner."
        : "Reject a partner's proposed addition: its content is dropped and a file it brought is erased.",
    args: 'ID',
    minArgs: 1,
    maxArgs: 1,
    options: {
      by: {
        type: 'string',
        description: 'who decides (recorded with the decision; default "Vault owner")',
        valueName: 'NAME',
      },
    },
    async run(ctx: CommandContext) {
      const by = stringOpt(ctx, 'by');
      const input = { id: idArg(ctx, 'proposed addition'), ...(by !== undefined ? { decidedBy: by } : {}) };
      const p = await callEngine(ctx, 'proposals', decision, input);
      printRecord(ctx, p, [
        ['proposal', p.id],
        ['what', `${KIND_NOUN[p.kind]} ${p.recordId}`],
        ['case', p.caseReference],
        ['status', p.status],
        ['decided', `${p.decidedAt ?? ''} by ${p.decidedBy ?? ''}`],
      ]);
    },
  };
}

export const proposalCommands: Command[] = [listCommand, showCommand, decideCommand('accept'), decideCommand('reject')];
