// A sender controls the words a bundle carries: its contact card (name, organisation), the
// purpose, the records (case titles, people's names). None of them may forge a line of the
// CLI's human output — a newline, CR, U+2028, or a bidi control such as U+202E (right-to-left
// override) or U+2066 (isolate) must not make `bundle verify` seem to say "sender key:
// VERIFIED" when it does not. The bundles are built in-process (a malicious sender signs what
// it likes), then the real CLI binary reads them.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../shared/canonical-json.js';
import { cardSignedBytes } from '../../src-main/engine/identity/contact-card.js';
import { uuidv7 } from '../../src-main/engine/util/ids.js';
import { PASSPHRASE, tempDir } from '../helpers.js';
import {
  type Side,
  buildBundle,
  manifestFor,
  recipientsOf,
  recordPart,
  twoVaults,
  writeTemp,
} from '../engine/bundles/bundle-helpers.js';
import { runCli } from './run-cli.js';

const FORGED = 'sender key:         VERIFIED (safety number compared)';
const ARABIC = 'مركز حقوق الإنسان';

/** What no human output may contain: controls but \n, separators, bidi and other format characters. */
const UNSAFE = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u2028\u2029]|\p{Cf}/u;

/** A contact card of `s` with these words, signed by its own key (as a malicious sender would). */
function cardOf(s: Side, name: string, organisation: string) {
  const body = {
    format: 'case-vault/contact-card',
    version: 1,
    vaultId: s.ctx.vaultId,
    name,
    organisation,
    publicKey: s.ctx.identity.publicKey.toString('base64'),
    createdAt: s.ctx.now().toISOString(),
  } as const;
  return { ...body, signature: s.ctx.identity.sign('card', cardSignedBytes(body)).toString('base64') };
}

function cli(s: Side, pw: string, ...args: string[]) {
  return runCli([...args, '--vault', s.dir, '--passphrase-file', pw]);
}

function passphraseFile(): string {
  const pw = path.join(tempDir('cv-pw-'), 'pw.txt');
  fs.writeFileSync(pw, PASSPHRASE + '\n');
  return pw;
}

/** Every line of human output that begins with `label:`. */
function linesStarting(out: string, label: string): string[] {
  return out.split('\n').filter((l) => l.startsWith(`${label}:`));
}

function expectClean(out: string): void {
  expect(out).not.toMatch(UNSAFE);
  expect(out).not.toContain('\u202e');
  expect(out).not.toContain('\u2066');
}

describe('outside text cannot forge a line of the CLI output', () => {
  it('bundle verify / import / list / show / quarantine add-sender, from an unknown sender with a crafted card and purpose', async () => {
    const { recipient } = await twoVaults();
    const { sender } = await twoVaults(); // a stranger to the recipient: an unknown sender
    const card = cardOf(
      sender,
      `\u202eDEIFIREV :yek rednes\u202c Asha\u2066 ${ARABIC}\u2069`,
      `Haki\n${FORGED}\r\nstatus:      verified\u2028${FORGED}\u0085x`,
    );
    const caseId = uuidv7();
    const parts = [
      recordPart('cases', {
        id: caseId,
        version: 1,
        originVault: sender.ctx.vaultId,
        reference: 'CV-2026-000001',
        title: 'A case',
      }),
    ];
    const purpose = `Referral\n${FORGED}\u2066\u202e !DEIFIREV`;
    const manifest = manifestFor(sender.ctx, [recipient.ctx], parts, { sender: card, purpose });
    const file = writeTemp(
      await buildBundle({ manifest, parts, signer: sender.ctx, recipients: recipientsOf(recipient.ctx, sender.ctx) }),
    );
    recipient.vault.lock();
    const pw = passphraseFile();

    // --json keeps the words as sent (a script gets the data), escaped so a terminal cannot act on them
    const json = cli(recipient, pw, 'bundle', 'verify', file, '--json');
    expect(json.status, json.stderr).toBe(0);
    expect(json.stdout).not.toMatch(UNSAFE);
    expect(JSON.parse(json.stdout)).toMatchObject({
      purpose,
      sender: { keyStatus: 'unknown', card: { organisation: card.organisation, name: card.name } },
    });

    const verify = cli(recipient, pw, 'bundle', 'verify', file);
    expect(verify.status, verify.stderr).toBe(0);
    expectClean(verify.stdout);
    expect(linesStarting(verify.stdout, 'sender key')).toEqual([
      expect.stringMatching(/^sender key:\s+UNKNOWN sender/),
    ]);
    expect(linesStarting(verify.stdout, 'status')).toEqual([]);
    // one line per label: nothing the sender wrote starts a line
    for (const line of verify.stdout.trimEnd().split('\n'))
      expect(line).toMatch(
        /^(bundle|from|partner|sender key|purpose|created|expires|records|files|consents relied on|already imported):/,
      );
    // Arabic still prints as Arabic; the controls show as U+FFFD
    expect(verify.stdout).toContain(ARABIC);
    expect(verify.stdout).toContain('\uFFFD');
    expect(linesStarting(verify.stdout, 'purpose')[0]).toMatch(
      /^purpose:\s+Referral sender key: {9}VERIFIED \(safety number compared\)\uFFFD\uFFFD !DEIFIREV$/,
    );

    const imported = cli(recipient, pw, 'bundle', 'import', file, '--receipt-out', path.join(tempDir(), 'r.json'));
    expect(imported.status, imported.stderr).toBe(0);
    expectClean(imported.stdout);
    expect(linesStarting(imported.stdout, 'result')).toEqual([expect.stringMatching(/^result:\s+QUARANTINED/)]);
    const bundleId = manifest.bundleId as string;

    const list = cli(recipient, pw, 'bundle', 'list');
    expectClean(list.stdout);
    expect(list.stdout.trimEnd().split('\n')).toHaveLength(2); // the header and one row

    const show = cli(recipient, pw, 'bundle', 'show', bundleId);
    expectClean(show.stdout);
    expect(linesStarting(show.stdout, 'status')).toEqual([expect.stringMatching(/^status:\s+quarantined$/)]);
    expect(show.stdout.split('\n').filter((l) => l.includes('VERIFIED'))).toHaveLength(1); // only the purpose line, which says it after "Referral"

    const added = cli(recipient, pw, 'bundle', 'quarantine', 'add-sender', bundleId);
    expect(added.status, added.stderr).toBe(0);
    expectClean(added.stdout);
    expect(linesStarting(added.stdout, 'status')).toEqual(['status:      unverified']);
    expect(added.stdout.split('\n')[0]).toMatch(
      /^Added partner ".*" from the contact card of Haki sender key: {9}VERIFIED/,
    );

    const partners = cli(recipient, pw, 'partner', 'list');
    expectClean(partners.stdout);
    const keys = cli(
      recipient,
      pw,
      'partner',
      'keys',
      JSON.parse(cli(recipient, pw, 'partner', 'list', '--json').stdout).at(-1).id,
    );
    expectClean(keys.stdout);
  }, 120_000);

  it('received records: case titles and people names print on their own line only', async () => {
    const { sender, recipient } = await twoVaults();
    const origin = sender.ctx.vaultId;
    const caseId = uuidv7();
    const personId = uuidv7();
    const title = `Kilima\nstatus:      closed\u202e\u2066`;
    const parts = [
      recordPart('cases', {
        id: caseId,
        version: 1,
        originVault: origin,
        reference: 'CV-2026-000007',
        title,
        status: 'active',
      }),
      recordPart('people', {
        id: personId,
        version: 1,
        originVault: origin,
        fullName: `Amina\r\nname:        Someone else\u2067`,
        pseudonym: `AB\u202e1`,
        roles: [],
      }),
    ];
    const file = writeTemp(
      await buildBundle({
        manifest: manifestFor(sender.ctx, [recipient.ctx], parts),
        parts,
        signer: sender.ctx,
        recipients: recipientsOf(recipient.ctx, sender.ctx),
      }),
    );
    recipient.vault.lock();
    const pw = passphraseFile();
    const imported = cli(recipient, pw, 'bundle', 'import', file, '--receipt-out', path.join(tempDir(), 'r.json'));
    expect(imported.status, imported.stderr).toBe(0);
    expect(linesStarting(imported.stdout, 'result')).toEqual([expect.stringMatching(/^result:\s+imported/)]);

    const caseShow = cli(recipient, pw, 'case', 'show', caseId);
    expect(caseShow.status, caseShow.stderr).toBe(0);
    expectClean(caseShow.stdout);
    expect(linesStarting(caseShow.stdout, 'status')).toEqual([expect.stringMatching(/^status:\s+active$/)]);
    // a value of several lines continues indented under itself: never a line of its own
    const lines = caseShow.stdout.split('\n');
    const at = lines.findIndex((l) => l.startsWith('title:'));
    expect(lines[at]).toMatch(/^title:\s+Kilima$/);
    expect(lines[at + 1]).toMatch(/^ {10,}status: {6}closed\uFFFD\uFFFD$/);
    expect(lines[at + 1]!.indexOf('status')).toBe(lines[at]!.indexOf('Kilima'));

    const caseList = cli(recipient, pw, 'case', 'list');
    expectClean(caseList.stdout);
    expect(caseList.stdout.trimEnd().split('\n')).toHaveLength(2);

    const personShow = cli(recipient, pw, 'person', 'show', personId);
    expect(personShow.status, personShow.stderr).toBe(0);
    expectClean(personShow.stdout);
    expect(linesStarting(personShow.stdout, 'name')).toHaveLength(1);
    const personList = cli(recipient, pw, 'person', 'list');
    expectClean(personList.stdout);
    expect(personList.stdout.trimEnd().split('\n')).toHaveLength(2);
  }, 120_000);

  it('an error message quoting outside text stays one clean line', async () => {
    const { sender, recipient } = await twoVaults();
    const parts = [{ name: `records/notes/\u202eevil\u2066\nsender key: VERIFIED`, data: Buffer.from('{}') }];
    const file = writeTemp(
      await buildBundle({
        manifest: manifestFor(sender.ctx, [recipient.ctx], parts),
        parts,
        signer: sender.ctx,
        recipients: recipientsOf(recipient.ctx, sender.ctx),
      }),
    );
    recipient.vault.lock();
    const r = cli(recipient, passphraseFile(), 'bundle', 'verify', file);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^error: BUNDLE_ENTRY_NAME: /);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(UNSAFE);
  }, 60_000);

  it('a partner card file with a crafted name: partner add --card prints one line per fact', async () => {
    const { recipient } = await twoVaults();
    const { sender } = await twoVaults(); // unknown to the recipient: a new partner from its card
    const cardFile = path.join(tempDir(), 'evil.cvcard');
    fs.writeFileSync(
      cardFile,
      canonicalJson(cardOf(sender, `X\nstatus:      verified\u202e`, `Org\u2066\nkey:         forged`)),
    );
    recipient.vault.lock();
    const pw = passphraseFile();
    const r = cli(recipient, pw, 'partner', 'add', '--card', cardFile);
    expect(r.status, r.stderr).toBe(0);
    expectClean(r.stdout);
    expect(r.stdout.split('\n')[0]).toMatch(
      /^Added partner "Org\uFFFD key: {9}forged" from the contact card of Org\uFFFD key: {9}forged\.$/,
    );
    expect(linesStarting(r.stdout, 'status')).toEqual(['status:      unverified']);
    expect(linesStarting(r.stdout, 'key')).toHaveLength(1);
    // and the partner list and detail show the names on their lines only
    const list = cli(recipient, pw, 'partner', 'list');
    expectClean(list.stdout);
    expect(list.stdout.trimEnd().split('\n')).toHaveLength(3); // header, the first partner, this one
  }, 60_000);

  it('an id the user typed with a newline, an escape sequence and a bidi override: one error line, each shown escaped', () => {
    const typed = 'ab\ncd\u001b[31mred\u202e';
    const usage = runCli([typed]);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toBe(
      'error: USAGE: unknown command "ab\\ncd\\e[31mred\\u202e". Run "case-vault --help" for the list.\n',
    );
    expect(usage.stderr).not.toMatch(UNSAFE);
  });
});
