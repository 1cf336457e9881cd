/**
 * policy show | policy set — the organisation's partner policy (docs/partners.md, "The partner
 * policy"): whether a share needs the partner's due diligence approved and a confidentiality or
 * data-sharing agreement in force. On by default.
 */
import type { OrgPolicy } from '../../../shared/domain/policy.js';
import type { Command, CommandContext } from '../command.js';
import { stringOpt } from '../command.js';
import { dropUndefined, printRecord } from '../domain-cli.js';
import { callEngine } from '../engine-call.js';
import { UsageError } from '../io.js';

function onOff(ctx: CommandContext, name: string): boolean | undefined {
  const v = stringOpt(ctx, name);
  if (v === undefined) return undefined;
  if (v === 'on') return true;
  if (v === 'off') return false;
  throw new UsageError(`--${name} takes on or off; got "${v}".`);
}

function printPolicy(ctx: CommandContext, p: OrgPolicy): void {
  printRecord(ctx, p, [
    [
      'require due diligence',
      p.requireDueDiligence ? 'on (a share needs the partner’s due diligence approved, its review not overdue)' : 'off',
    ],
    [
      'require agreement',
      p.requireAgreement ? 'on (a share needs a signed confidentiality or data-sharing agreement in force)' : 'off',
    ],
    ['changed', p.updatedAt ?? 'never (the default)'],
    ['changed by', p.updatedBy],
  ]);
}

const show: Command = {
  path: ['policy', 'show'],
  summary: 'Show the partner policy: what a partner needs before anything is shared with them.',
  maxArgs: 0,
  async run(ctx) {
    printPolicy(ctx, await callEngine(ctx, 'policy', 'show', {}));
  },
};

const set: Command = {
  path: ['policy', 'set'],
  summary: 'Change the partner policy (audited): --require-due-diligence on|off, --require-agreement on|off.',
  maxArgs: 0,
  options: {
    'require-due-diligence': {
      type: 'string',
      description: 'on: a share needs the partner’s due diligence approved and its review not overdue',
      valueName: 'on|off',
    },
    'require-agreement': {
      type: 'string',
      description: 'on: a share needs a signed confidentiality or data-sharing agreement in force',
      valueName: 'on|off',
    },
    by: {
      type: 'string',
      description: 'who decided (default: the name on this vault’s contact card)',
      valueName: 'NAME',
    },
  },
  async run(ctx) {
    const input = dropUndefined({
      requireDueDiligence: onOff(ctx, 'require-due-diligence'),
      requireAgreement: onOff(ctx, 'require-agreement'),
      updatedBy: stringOpt(ctx, 'by'),
    });
    if (input.requireDueDiligence === undefined && input.requireAgreement === undefined) {
      throw new UsageError('say what to change: --require-due-diligence on|off, --require-agreement on|off, or both.');
    }
    printPolicy(ctx, await callEngine(ctx, 'policy', 'set', input));
  },
};

export const policyCommands: Command[] = [show, set];
