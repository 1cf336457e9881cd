// `partner add --card-image` and `partner verify --scanned-image` through the real CLI binary:
// the QR picture the other vault's CLI saves, and a picture of its safety-number code.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import QRCode from 'qrcode';
import { cliVault, expectCliError } from './run-cli.js';

describe('case-vault partner keys from pictures', () => {
  // Many CLI runs (two vaults): more time than the default under a loaded machine.
  it(
    'adds a partner from a picture of its card and verifies its key from a picture of its safety number',
    { timeout: 180_000 },
    async () => {
      const us = cliVault();
      const them = cliVault();
      them.json('identity', 'set', '--name', 'Grace Mwangi', '--organisation', 'Haki Centre');
      const theirCard = path.join(them.base, 'haki.cvcard');
      const theirCardPicture = path.join(them.base, 'haki.png');
      them.json('identity', 'export-card', '--out', theirCard, '--qr', theirCardPicture);

      const added = us.json('partner', 'add', '--card-image', theirCardPicture, '--kind', 'ngo');
      expect(added).toMatchObject({ change: 'new-partner', key: { status: 'unverified' } });
      const pid = added.partner.id;
      expectCliError(us.raw('partner', 'add', '--card-image', theirCard), 'QR_IMAGE_UNREADABLE');
      expectCliError(us.raw('partner', 'add', '--card', theirCard, '--card-image', theirCardPicture), 'USAGE', 2);

      // their side shows the safety number of (them, us) as a code; we photograph it
      const ourCard = path.join(us.base, 'us.cvcard');
      us.json('identity', 'export-card', '--out', ourCard);
      const back = them.json('partner', 'add', '--card', ourCard);
      const theirScreen = them.json('partner', 'safety-number', back.partner.id);
      const picture = path.join(us.base, 'their-number.png');
      fs.writeFileSync(
        picture,
        await QRCode.toBuffer([{ data: Buffer.from(theirScreen.scannable, 'base64'), mode: 'byte' }]),
      );

      // a picture of the card instead is refused and nothing is recorded
      expectCliError(
        us.raw('partner', 'verify', pid, '--scanned-image', theirCardPicture, '--by', 'Amina'),
        'QR_NOT_A_SAFETY_NUMBER',
      );
      expect(us.json('partner', 'keys', pid)[0].status).toBe('unverified');
      expectCliError(us.raw('partner', 'verify', pid, '--scanned-image', picture, '--how', 'in-person'), 'USAGE', 2);
      expect(us.json('partner', 'verify', pid, '--scanned-image', picture, '--by', 'Amina')).toMatchObject({
        status: 'verified',
        verifiedHow: 'scanned',
        verifiedBy: 'Amina',
      });
    },
  );
});
