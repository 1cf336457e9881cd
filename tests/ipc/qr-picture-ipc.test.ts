/**
 * partners.importCardPicture and partners.verifyKeyPicture through the real router: the picture
 * comes from the open dialog for pictures as a handle (a path is refused), the card QR picture
 * the other vault saves is imported as its card file would be, and a picture of the partner's
 * safety-number code verifies the key as scanned; a refusal writes nothing.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import QRCode from 'qrcode';
import type { CardImportResult, PartnerKey } from '../../shared/domain/partners.js';
import type { IpcVault } from './ipc-helpers.js';
import {
  auditTotal,
  exportCard,
  importCard,
  namedVault,
  safetyNumberOf,
  saveHandle,
  stick,
} from './exchange-ipc-helpers.js';

const open: IpcVault[] = [];
afterEach(() => {
  for (const v of open.splice(0)) v.cleanup();
});

/** A picture chosen in the open dialog for pictures: the handle main issues for `path`. */
async function pictureHandle(v: IpcVault, path: string): Promise<string> {
  v.host.openQueue.push(path);
  const chosen = await v.ok<{ handle: string } | null>('files.chooseOpen', { kind: 'picture' });
  if (!chosen) throw new Error('the open dialog was cancelled');
  return chosen.handle;
}

describe('QR pictures through the router', () => {
  it('imports a card from its QR picture and verifies the key from a picture of the safety number', async () => {
    const dir = stick();
    const a = await namedVault('Asha Njeri', 'Haki Litigation Centre');
    const b = await namedVault('Tomás Ruiz', 'Partner Legal Aid');
    open.push(a, b);
    const aCardPicture = join(dir, 'haki.png');
    await a.ok('identity.exportCard', { target: await saveHandle(a, aCardPicture, 'qr-png'), format: 'png' });

    // a path is not a handle
    expect(await b.call('partners.importCardPicture', { picture: aCardPicture })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    const bSeesA = await b.ok<CardImportResult>('partners.importCardPicture', {
      picture: await pictureHandle(b, aCardPicture),
    });
    expect(bSeesA).toMatchObject({ change: 'new-partner', key: { status: 'unverified' } });
    expect(b.host.openKinds.at(-1)).toBe('picture');

    // A shows the safety number of (A, B); B reads it from a picture
    const aSeesB = await importCard(a, await exportCard(b, dir, 'partner.cvcard'));
    const onAScreen = await safetyNumberOf(a, aSeesB.key.id);
    const numberPicture = join(dir, 'number.png');
    writeFileSync(
      numberPicture,
      await QRCode.toBuffer([{ data: Buffer.from(onAScreen.scannable, 'base64'), mode: 'byte' }]),
    );

    // the card picture in the verify dialog: refused, nothing written
    const audit = await auditTotal(b);
    expect(
      await b.call('partners.verifyKeyPicture', {
        keyId: bSeesA.key.id,
        picture: await pictureHandle(b, aCardPicture),
        verifiedBy: 'Tomás Ruiz',
      }),
    ).toMatchObject({ ok: false, error: { code: 'QR_NOT_A_SAFETY_NUMBER' } });
    expect(await auditTotal(b)).toBe(audit);

    const events = b.host.events.length;
    const verified = await b.ok<PartnerKey>('partners.verifyKeyPicture', {
      keyId: bSeesA.key.id,
      picture: await pictureHandle(b, numberPicture),
      verifiedBy: 'Tomás Ruiz',
    });
    expect(verified).toMatchObject({ status: 'verified', verifiedHow: 'scanned', verifiedBy: 'Tomás Ruiz' });
    // the renderer is told that partners changed
    expect(b.host.events.slice(events)).toContainEqual({
      name: 'changed',
      payload: expect.objectContaining({ areas: ['partners'] }),
    });
  });
});
