/**
 * Our identity: what this vault's contact card says (name, organisation), its key, the card as
 * a QR code to show on screen, and the card exported to a file chosen in main's save dialog
 * (as a `.cvcard` file, or as a QR code in PNG or SVG).
 *
 * Deliberately absent: exporting the private key as an age identity. Whoever holds that file
 * reads every bundle sent to this vault without the passphrase, so it is offered only by the
 * command line (`identity export-age-key`), where it prints a warning and is typed on purpose.
 */
import { z } from 'zod';
import { IdentityProfile, UpdateIdentityInput } from '../../domain/identity.js';
import { engineCall, NoInput } from '../kit.js';
import { FileHandle } from './app.js';

export const CARD_EXPORT_FORMATS = ['card', 'png', 'svg'] as const;
export const CardExportFormat = z.enum(CARD_EXPORT_FORMATS);
export type CardExportFormat = z.infer<typeof CardExportFormat>;

export const identityArea = {
  /** who this vault says it is: name, organisation, public key, fingerprint */
  show: engineCall(NoInput, IdentityProfile),
  /** change the name or organisation the card carries (audited) */
  update: engineCall(UpdateIdentityInput, IdentityProfile),
  /** the card as a QR code, SVG text, for the screen (shown as an <img> from a data: URL) */
  cardQr: engineCall(z.strictObject({ format: z.literal('svg') }), z.strictObject({ svg: z.string().max(500_000) })),
  /** the card to a new file (`target` from files.chooseSaveTarget): `.cvcard`, or its QR code as PNG or SVG */
  exportCard: engineCall(
    z.strictObject({ target: FileHandle, format: CardExportFormat }),
    z.strictObject({ format: CardExportFormat, fingerprint: z.string() }),
    { fileFields: { target: 'save' } },
  ),
} as const;
