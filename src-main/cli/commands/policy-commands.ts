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
    'retention-years': {
      type: 'string',
      description: 'years after closure before a closed case comes up for review (1–100; none clears); set on its own',
      valueName: 'N|none',
    },
  },
  async run(ctx) {
    const years = stringOpt(ctx, 'retention-years');
    if (years !== undefined) {
      if (['require-due-diligence', 'require-agreement', 'by'].some((k) => ctx.values[k] !== undefined))
        throw new UsageError('set --retention-years on its own, not with the partner rules.');
      if (years !== 'none' && !/^\d+$/.test(years))
        throw new UsageError(`--retention-years takes a whole number of years or none; got "${years}".`);
      const r = await callEngine(ctx, 'policy', 'setRetention', {
        retentionYears: years === 'none' ? null : Number(years),
      });
      printRecord(ctx, r, [
        ['retention', r.retentionYears === null ? 'not set' : `${r.retentionYears} years after closure, then review`],
        ['changed', r.updatedAt],
      ]);
      return;
    }
    const input = dropUndefined({
      requireDueDiligence: onOff(ctx, 'require-due-diligence'),
      requireAgreement: onOff(ctx, 'require-agreement'),
      updatedBy: stringOpt(ctx, 'by'),
    });
    if (input.requireDueDiligence === undefined && input.requireAgreement === undefined) {
      throw new UsageError(
        'say what to change: --require-due-diligence on|off, --require-agreement on|off, or both (or --retention-years).',
      );
    }
    printPolicy(ctx, await callEngine(ctx, 'policy', 'set', input));
  },
};

export const policyCommands: Command[] = [show, set];
