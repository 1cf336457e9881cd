/**
 * Events main pushes to the renderer (the only traffic that is not a call/answer).
 * The preload exposes them as `window.vault.events.on(name, listener)`.
 */
import { z } from 'zod';
import type { Channel } from './contract.js';

export const ProgressEvent = z.strictObject({
  /** the call that reports, e.g. 'vault.unlock' or 'evidence.add' */
  channel: z.string(),
  /** a short machine name for the step: 'deriving-key', 'hashing', 'encrypting', … */
  phase: z.string(),
  /** work done and total work in the call's own unit (bytes, records); total null when unknown */
  done: z.number().nonnegative(),
  total: z.number().nonnegative().nullable(),
  /** for steps of known duration but no countable work (the KDF): how long it should take */
  expectedMs: z.number().nonnegative().optional(),
});
export type ProgressEvent = z.infer<typeof ProgressEvent>;

/** 'panic': the panic button or Ctrl/Cmd+Shift+L (locks like 'user'; the window is cleared before main answers) */
export const LOCK_REASONS = ['user', 'idle', 'suspend', 'screen-lock', 'shutdown', 'panic'] as const;
export const LockedEvent = z.strictObject({ reason: z.enum(LOCK_REASONS) });
export type LockedEvent = z.infer<typeof LockedEvent>;

/**
 * What the renderer can show, by kind of record. A `changed` event names the kinds a call
 * changed so that every open list and page showing one of them reads it again.
 */
export const CHANGE_AREAS = [
  'cases',
  'people',
  'enquiries',
  'consents',
  'evidence',
  'notes',
  'deadlines',
  'outcomes',
  'partners',
  'risks',
  'identity',
  'bundles',
  'proposals',
  'policy',
  'backup',
  'team',
] as const;
export type ChangeArea = (typeof CHANGE_AREAS)[number];

export const ChangedEvent = z.strictObject({
  areas: z.array(z.enum(CHANGE_AREAS)).min(1),
  /** the id of the record the call answered with, when it answered with one */
  ids: z.array(z.string()).optional(),
});
export type ChangedEvent = z.infer<typeof ChangedEvent>;

/** Everything a bundle (or a recall notice) can write when it is imported or its conflicts are settled. */
const IMPORTED: readonly ChangeArea[] = [
  'bundles',
  'cases',
  'people',
  'consents',
  'evidence',
  'notes',
  'deadlines',
  'outcomes',
  'partners',
  'proposals',
];

/** Everything a team sync bundle can write (docs/team-sync.md, what is synced). */
const SYNCED: readonly ChangeArea[] = ['cases', 'people', 'consents', 'evidence', 'notes', 'deadlines', 'outcomes'];

/**
 * THE list of calls that change what the vault holds, with the kinds of record each changes.
 * A call not named here only reads (or writes only files outside the vault): it announces
 * nothing, so a list that reloads on `changed` can never set off another `changed` by reading.
 * tests/app/change-events.test.ts fails when a call whose name is not a reader's is missing here.
 */
export const CALL_CHANGES: Partial<Record<Channel, readonly ChangeArea[]>> = {
  'cases.create': ['cases'],
  'cases.update': ['cases'],
  'cases.transition': ['cases'],
  'cases.close': ['cases'],
  'cases.purge': [
    'cases',
    'people',
    'consents',
    'evidence',
    'notes',
    'deadlines',
    'outcomes',
    'enquiries',
    'risks',
    'proposals',
  ],
  // an import creates and updates records of its kind (people also join cases)
  'import.run': ['cases', 'people', 'enquiries', 'deadlines', 'partners'],
  'people.create': ['people'],
  'people.update': ['people'],
  'people.link': ['people', 'cases'],
  'people.unlink': ['people', 'cases'],
  'people.erase': ['people', 'cases', 'consents', 'enquiries'],
  'enquiries.add': ['enquiries'],
  'enquiries.checkConflicts': ['enquiries'],
  // accepting opens a case (with its people); referring names a partner
  'enquiries.decide': ['enquiries', 'cases', 'people'],
  'consents.add': ['consents'],
  'consents.withdraw': ['consents'],
  'consents.renew': ['consents'],
  'evidence.add': ['evidence'],
  'evidence.addCopy': ['evidence'],
  // an export is a custody event of the item
  'evidence.export': ['evidence'],
  'evidence.exportCustodyLog': ['evidence'],
  'evidence.erase': ['evidence'],
  'notes.add': ['notes'],
  'notes.update': ['notes'],
  'deadlines.add': ['deadlines', 'cases'],
  'deadlines.complete': ['deadlines', 'cases'],
  'outcomes.add': ['outcomes'],
  'outcomes.update': ['outcomes'],
  'outcomes.addIndicator': ['outcomes'],
  'outcomes.observeIndicator': ['outcomes'],
  'outcomes.upsertEvaluation': ['outcomes'],
  'partners.add': ['partners'],
  'partners.update': ['partners'],
  'partners.addAgreement': ['partners'],
  'partners.updateAgreement': ['partners'],
  'partners.setSharingProfile': ['partners'],
  'partners.importCard': ['partners'],
  'partners.verifyKey': ['partners'],
  'partners.importCardPicture': ['partners'],
  'partners.verifyKeyPicture': ['partners'],
  'risks.add': ['risks'],
  'risks.update': ['risks'],
  'identity.update': ['identity'],
  'policy.set': ['policy'],
  'vault.setWipeAfterFailedUnlocks': ['policy'],
  'policy.setRetention': ['policy'],
  'bundles.import': IMPORTED,
  'bundles.acceptQuarantined': IMPORTED,
  'bundles.resolveConflict': IMPORTED,
  'bundles.discardQuarantined': ['bundles'],
  'bundles.addSender': ['bundles', 'partners'],
  'bundles.export': ['bundles'],
  'bundles.importReceipt': ['bundles'],
  'bundles.writeRecall': ['bundles'],
  // accepting writes the addition into its case; rejecting erases a file it brought
  'proposals.accept': ['proposals', 'notes', 'deadlines', 'outcomes', 'evidence', 'cases'],
  'proposals.reject': ['proposals'],
  'backup.create': ['backup'],
  'backup.setReminder': ['backup'],
  'backup.prune': ['backup'],
  'backup.restore': ['backup'],
  'team.add': ['team', 'partners'],
  'team.verifyMember': ['team', 'partners'],
  'team.remove': ['team'],
  'sync.export': ['team'],
  'sync.import': ['team', ...SYNCED],
  'sync.folder': ['team', ...SYNCED],
  'sync.resolveConflict': ['team', ...SYNCED],
};

/** Method names of calls that only read; any other call must be listed in CALL_CHANGES. */
export const READER_METHODS: ReadonlySet<string> = new Set([
  'list',
  'get',
  'history',
  'check',
  'show',
  'status',
  'unlockGuard',
  'info',
  'query',
  'verify',
  'keys',
  'safetyNumber',
  'clearance',
  'possibleDuplicates',
  'conflicts',
  'peek',
  'plan',
  'recallPlan',
  'recalls',
  'custodyLog',
  'receivedDescriptions',
  'getEvaluation',
  'getIndicator',
  'listIndicators',
  'preview',
  'scopeOptions',
  'cardQr',
  'cases',
  'safetyNotes',
  'retention',
  'retentionReview',
  'listOnDrive',
  'preflight',
  'mappings',
]);

/** The `changed` event a successful call announces, or null when it changed nothing. */
export function changeOf(channel: string, value: unknown): ChangedEvent | null {
  const areas = Object.hasOwn(CALL_CHANGES, channel) ? CALL_CHANGES[channel as Channel] : undefined;
  if (!areas) return null;
  const id = typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : undefined;
  return { areas: [...areas], ...(typeof id === 'string' ? { ids: [id] } : {}) };
}

export const EVENTS = {
  progress: ProgressEvent,
  locked: LockedEvent,
  changed: ChangedEvent,
} as const;
export type EventName = keyof typeof EVENTS;
export type EventPayload<N extends EventName> = z.infer<(typeof EVENTS)[N]>;

/** The IPC channel an event travels on (main → renderer). */
export function eventChannel(name: EventName): string {
  return `event:${name}`;
}
