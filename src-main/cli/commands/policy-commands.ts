/**
 * policy show | policy set — the organisation's partner policy (docs/partners.md, "The partner
 * policy"): whether a share needs the partner's due diligence approved and a confidentiality or
 * data-sharing agreement in force. On by default. Also the vault's unlock policy (off by
 * default): destroy the key slots after N failed unlocks (docs/security.md, "Panic and key
 * destruction").
 */
import type { OrgPolicy } from '../../../shared/domain/policy.js';
import type { Command, CommandContext } from '../command.js';
import { stringOpt } from '../command.js';
import { dropUndefined, printRecord } from '../domain-cli.js';
import { callEngine, withEngine } from '../engine-call.js';
import { UsageError } from '../io.js';

function onOff(ctx: CommandContext, name: string): boolean | undefined {
  const v = stringOpt(ctx, name);
  if (v === undefined) return undefined;
  if (v === 'on') return true;
  if (v === 'off') return false;
  throw new UsageError(`--${name} takes on or off; got "${v}".`);
}

/** --wipe-after-failed-unlocks: 5..20, or off (null); undefined when not given. */
function wipeAfterOpt(ctx: CommandContext): number | null | undefined {
  const v = stringOpt(ctx, 'wipe-after-failed-unlocks');
  if (v === undefined) return undefined;
  if (v === 'off') return null;
  const n = /^\d{1,3}$/.test(v) ? Number(v) : NaN;
  if (!(n >= 5 && n <= 20))
    throw new UsageError(`--wipe-after-failed-unlocks takes a number from 5 to 20, or off; got "${v}".`);
  return n;
}

type ShownPolicy = OrgPolicy & { wipeAfterFailedUnlocks?: number | null };

function printPolicy(ctx: CommandContext, p: ShownPolicy): void {
  const wipe = p.wipeAfterFailedUnlocks;
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
    ...(wipe === undefined
      ? []
      : [
          [
            'destroy keys after failed unlocks',
            wipe === null ? 'off' : `${wipe} in a row (the vault's key slots are destroyed; only a backup restores it)`,
          ] as [string, string],
        ]),
  ]);
}

const show: Command = {
  path: ['policy', 'show'],
  summary: 'Show the partner policy: what a partner needs before anything is shared with them.',
  maxArgs: 0,
  async run(ctx) {
    const shown = await withEngine(ctx, async (engine) => ({
      ...(await engine.call('policy', 'show', {})),
      wipeAfterFailedUnlocks: (await engine.call('vault', 'unlockGuard', {})).wipeAfterFailedUnlocks,
    }));
    printPolicy(ctx, shown);
  },
};

const set: Command = {
  path: ['policy', 'set'],
  summary:
    'Change the policy (audited): --require-due-diligence on|off, --require-agreement on|off, --wipe-after-failed-unlocks N|off, or --retention-years N|none.',
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
    'wipe-after-failed-unlocks': {
      type: 'string',
      description:
        'destroy the vault’s key slots after N failed unlocks in a row (5 to 20; off by default); only a backup restores the vault then',
      valueName: 'N|off',
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
      if (
        ['require-due-diligence', 'require-agreement', 'wipe-after-failed-unlocks', 'by'].some(
          (k) => ctx.values[k] !== undefined,
        )
      )
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
    const wipeAfter = wipeAfterOpt(ctx);
    const partnerRules = input.requireDueDiligence !== undefined || input.requireAgreement !== undefined;
    if (!partnerRules && wipeAfter === undefined) {
      throw new UsageError(
        'say what to change: --require-due-diligence on|off, --require-agreement on|off, --wipe-after-failed-unlocks N|off (or --retention-years on its own).',
      );
    }
    if (wipeAfter === undefined) {
      printPolicy(ctx, await callEngine(ctx, 'policy', 'set', input));
      return;
    }
    const shown = await withEngine(ctx, async (engine) => {
      const guard = await engine.call('vault', 'setWipeAfterFailedUnlocks', { attempts: wipeAfter });
      const policy = partnerRules ? await engine.call('policy', 'set', input) : await engine.call('policy', 'show', {});
      return { ...policy, wipeAfterFailedUnlocks: guard.wipeAfterFailedUnlocks };
    });
    printPolicy(ctx, shown);
  },
};

export const policyCommands: Command[] = [show, set];
