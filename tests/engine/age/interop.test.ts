// Interoperability with Debian's age CLI (/usr/bin/age, /usr/bin/age-keygen): files we write open
// with it, files it writes open with ours. Missing age is a failure, not a skip: CI installs it.
import { IdentityKeyPair } from '@signalapp/libsignal-client';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  ScryptIdentity,
  ScryptRecipient,
  X25519Identity,
  X25519Recipient,
  decryptAge,
  encryptAge,
} from '../../../src-main/engine/age/index.js';
import { AGE, AGE_KEYGEN, collect, piecesOf, requireAgeCli, run, tempDir } from './age-helpers.js';

const PTY_RUN = path.resolve('tests/fixtures/pty_run.py');
const SIZES = [0, 1, 64 * 1024, 64 * 1024 + 1, 3 * 1024 * 1024 + 7];

function keyFile(dir: string, identity: X25519Identity): string {
  const file = path.join(dir, 'key.txt');
  fs.writeFileSync(file, `# written by the Case Vault tests\n${identity.toString()}\n`, { mode: 0o600 });
  return file;
}

/**
 * age -d -i KEYFILE, returning the plaintext from its stdout (with -o, age creates no file for
 * an empty plaintext). Fails the test on a non-zero exit or any message.
 */
function ageDecrypt(dir: string, keyPath: string, file: Buffer): Buffer {
  const input = path.join(dir, 'in.age');
  fs.writeFileSync(input, file);
  const r = run(AGE, ['-d', '-i', keyPath, input]);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return r.stdout;
}

describe('interop with the age CLI', () => {
  beforeAll(() => requireAgeCli());

  it('has /usr/bin/age and /usr/bin/age-keygen (apt-get install age)', () => {
    requireAgeCli();
    expect(run(AGE, ['--version']).status).toBe(0);
  });

  for (const size of SIZES) {
    it(`age -d opens what we write: X25519, ${size} bytes`, async () => {
      const dir = tempDir();
      const me = X25519Identity.generate();
      const data = randomBytes(size);
      const file = await collect(encryptAge(piecesOf(data, 50_000), [me.recipient()]));
      expect(ageDecrypt(dir, keyFile(dir, me), file).equals(data)).toBe(true);
    });

    it(`we open what age -r writes: ${size} bytes`, async () => {
      const dir = tempDir();
      const key = path.join(dir, 'key.txt');
      expect(run(AGE_KEYGEN, ['-o', key]).status).toBe(0);
      const secret = fs
        .readFileSync(key, 'utf8')
        .split('\n')
        .find((l) => l.startsWith('AGE-SECRET-KEY-1'))!;
      const recipient = run(AGE_KEYGEN, ['-y', key]).stdout.toString().trim();
      const me = X25519Identity.fromString(secret);
      expect(me.recipient().toString()).toBe(recipient);
      const data = randomBytes(size);
      const plain = path.join(dir, 'plain.bin');
      fs.writeFileSync(plain, data);
      const enc = path.join(dir, 'plain.age');
      expect(run(AGE, ['-r', recipient, '-o', enc, plain]).status).toBe(0);
      expect((await collect(decryptAge(fs.createReadStream(enc), [me]))).equals(data)).toBe(true);
    });
  }

  it('age -d opens a file we wrote to several recipients, with any one of their keys', async () => {
    const ids = [X25519Identity.generate(), X25519Identity.generate(), X25519Identity.generate()];
    const data = randomBytes(150_000);
    const file = await collect(
      encryptAge(
        [data],
        ids.map((i) => i.recipient()),
      ),
    );
    for (const id of ids) {
      const dir = tempDir();
      expect(ageDecrypt(dir, keyFile(dir, id), file).equals(data)).toBe(true);
    }
  });

  it('we open a file age -r wrote to several recipients, and its armored form (-a)', async () => {
    const dir = tempDir();
    const ours = X25519Identity.generate();
    const other = X25519Identity.generate();
    const data = randomBytes(100_000);
    const plain = path.join(dir, 'plain.bin');
    fs.writeFileSync(plain, data);
    for (const armor of [false, true]) {
      const enc = path.join(dir, `plain${armor ? '.asc' : ''}.age`);
      const r = run(AGE, [
        ...(armor ? ['-a'] : []),
        '-r',
        other.recipient().toString(),
        '-r',
        ours.recipient().toString(),
        '-o',
        enc,
        plain,
      ]);
      expect(r.status).toBe(0);
      expect(fs.readFileSync(enc, 'latin1').startsWith('-----BEGIN AGE ENCRYPTED FILE-----')).toBe(armor);
      expect((await collect(decryptAge(fs.createReadStream(enc), [ours]))).equals(data)).toBe(true);
    }
  });

  it('age -d opens our armored output', async () => {
    const dir = tempDir();
    const me = X25519Identity.generate();
    const data = randomBytes(70_000);
    const file = await collect(encryptAge([data], [me.recipient()], { armor: true }));
    expect(ageDecrypt(dir, keyFile(dir, me), file).equals(data)).toBe(true);
  });

  it('a libsignal identity key pair: encrypt to its public key, open with its private key — ours and age -d', async () => {
    const pair = IdentityKeyPair.generate();
    const data = randomBytes(300_000);
    const file = await collect(encryptAge([data], [X25519Recipient.fromLibsignal(pair.publicKey)]));
    const identity = X25519Identity.fromLibsignal(pair.privateKey);
    expect((await collect(decryptAge([file], [identity]))).equals(data)).toBe(true);
    const dir = tempDir();
    // The Bech32 identity of the libsignal private key is what `identity export-age-key` will write.
    expect(ageDecrypt(dir, keyFile(dir, identity), file).equals(data)).toBe(true);
    // and age-keygen agrees on the recipient
    expect(
      run(AGE_KEYGEN, ['-y', path.join(dir, 'key.txt')])
        .stdout.toString()
        .trim(),
    ).toBe(X25519Recipient.fromLibsignal(pair.publicKey).toString());
  });

  // age reads passphrases from the terminal only (no environment variable, no flag), so the
  // passphrase cases run it in a pseudo-terminal (tests/fixtures/pty_run.py answers its prompts).
  it('age -d opens what we write with a passphrase (scrypt, 2^18)', async () => {
    const dir = tempDir();
    const data = randomBytes(200_000);
    const enc = path.join(dir, 'p.age');
    fs.writeFileSync(enc, await collect(encryptAge([data], [new ScryptRecipient('interop passphrase 1')])));
    const out = path.join(dir, 'out.bin');
    const r = run('python3', [
      PTY_RUN,
      JSON.stringify([['Enter passphrase', 'interop passphrase 1']]),
      AGE,
      '-d',
      '-o',
      out,
      enc,
    ]);
    expect(r.status, r.stdout.toString()).toBe(0);
    expect(fs.readFileSync(out).equals(data)).toBe(true);
  });

  it('we open what age -p writes', async () => {
    const dir = tempDir();
    const data = randomBytes(200_000);
    const plain = path.join(dir, 'plain.bin');
    fs.writeFileSync(plain, data);
    const enc = path.join(dir, 'p.age');
    const answers = [
      ['Enter passphrase', 'interop passphrase 2'],
      ['Confirm passphrase', 'interop passphrase 2'],
    ];
    const r = run('python3', [PTY_RUN, JSON.stringify(answers), AGE, '-p', '-o', enc, plain]);
    expect(r.status, r.stdout.toString()).toBe(0);
    expect(
      (await collect(decryptAge(fs.createReadStream(enc), [new ScryptIdentity('interop passphrase 2')]))).equals(data),
    ).toBe(true);
  });

  it('age -d refuses what we refuse: a flipped payload byte', async () => {
    const dir = tempDir();
    const me = X25519Identity.generate();
    const file = await collect(encryptAge([randomBytes(1000)], [me.recipient()]));
    file[file.length - 20]! ^= 1;
    const input = path.join(dir, 'bad.age');
    fs.writeFileSync(input, file);
    const r = run(AGE, ['-d', '-i', keyFile(dir, me), '-o', path.join(dir, 'out'), input]);
    expect(r.status).not.toBe(0);
    expect(await collect(decryptAge([file], [me])).catch((e: { code: string }) => e.code)).toBe('AGE_PAYLOAD_CORRUPT');
  });
});
