// The strict ustar subset of bundles: writer output is what GNU tar reads, the reader refuses
// everything the writer would not have produced.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TAR_BLOCK, TAR_END, TarReader, tarHeader, writeTar } from '../../src-main/engine/tar/tar.js';
import { collect, tempDir } from '../helpers.js';

async function archive(entries: Array<{ name: string; data: Buffer }>): Promise<Buffer> {
  return collect(writeTar(entries.map((e) => ({ name: e.name, size: e.data.length, data: e.data }))));
}

async function readEverything(bytes: Buffer): Promise<Array<{ name: string; data: Buffer }>> {
  const r = new TarReader([bytes]);
  const out: Array<{ name: string; data: Buffer }> = [];
  for (let e = await r.next(); e; e = await r.next()) out.push({ name: e.name, data: await r.readAll() });
  return out;
}

async function tarCode(bytes: Buffer): Promise<string> {
  try {
    await readEverything(bytes);
  } catch (e) {
    return (e as { code: string }).code + ': ' + (e as Error).message;
  }
  return 'ok';
}

/** A header with one field changed and the checksum made right again (so the field check fires). */
function patch(header: Buffer, offset: number, bytes: string | Buffer): Buffer {
  const h = Buffer.from(header);
  (typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : bytes).copy(h, offset);
  let sum = 0;
  for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 0x20 : h[i]!;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
  return h;
}

describe('tar writer', () => {
  it('writes the exact ustar bytes: header fields, padding, two zero blocks', async () => {
    const bytes = await archive([
      { name: 'manifest.json', data: Buffer.from('{"a":1}') },
      { name: 'files/x', data: Buffer.alloc(512, 7) },
    ]);
    expect(bytes.length).toBe(512 + 512 + 512 + 512 + 1024);
    const h = bytes.subarray(0, 512);
    expect(h.toString('latin1', 0, 13)).toBe('manifest.json');
    expect(h.toString('latin1', 100, 108)).toBe('0000600\0');
    expect(h.toString('latin1', 108, 124)).toBe('0000000\u00000000000\0');
    expect(h.toString('latin1', 124, 136)).toBe('00000000007\0');
    expect(h.toString('latin1', 136, 148)).toBe('00000000000\0');
    expect(h[156]).toBe(0x30);
    expect(h.toString('latin1', 257, 265)).toBe('ustar\u000000');
    expect(bytes.subarray(bytes.length - 1024).equals(TAR_END)).toBe(true);
    // the same input gives the same bytes (no times, no owners)
    expect(
      (
        await archive([
          { name: 'manifest.json', data: Buffer.from('{"a":1}') },
          { name: 'files/x', data: Buffer.alloc(512, 7) },
        ])
      ).equals(bytes),
    ).toBe(true);
  });

  it('is read by GNU tar, in order, with the same contents', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'a.tar');
    const big = Buffer.alloc(70_001, 3);
    fs.writeFileSync(
      file,
      await archive([
        { name: 'manifest.json', data: Buffer.from('{}') },
        { name: 'manifest.sig', data: Buffer.alloc(64, 1) },
        { name: 'files/' + 'a'.repeat(64), data: big },
      ]),
    );
    expect(execFileSync('tar', ['-tf', file], { encoding: 'utf8' })).toBe(
      `manifest.json\nmanifest.sig\nfiles/${'a'.repeat(64)}\n`,
    );
    expect(execFileSync('tar', ['-xOf', file, `files/${'a'.repeat(64)}`]).equals(big)).toBe(true);
    expect(execFileSync('tar', ['-tvf', file], { encoding: 'utf8' })).toMatch(
      /^-rw------- 0\/0 +2 1970-01-01 00:00 manifest.json$/m,
    );
  });

  it('uses 12 octal digits only above 8 GiB − 1 (header only; no such file is written in a test)', () => {
    expect(tarHeader('f', 8 ** 11 - 1).toString('latin1', 124, 136)).toBe('77777777777\0');
    expect(tarHeader('f', 8 ** 11).toString('latin1', 124, 136)).toBe('100000000000');
    expect(() => tarHeader('f', 8 ** 12)).toThrow(/0 to/);
    expect(() => tarHeader('x'.repeat(101), 0)).toThrow(/1 to 100 bytes/);
  });

  it('refuses data longer or shorter than the declared size', async () => {
    await expect(collect(writeTar([{ name: 'a', size: 3, data: Buffer.from('abcd') }]))).rejects.toThrow(
      /beyond its declared size/,
    );
    await expect(collect(writeTar([{ name: 'a', size: 5, data: Buffer.from('abcd') }]))).rejects.toThrow(
      /shorter than its declared size/,
    );
  });
});

describe('tar reader', () => {
  it('round-trips names and contents, streaming pieces across chunk borders', async () => {
    const entries = [
      { name: 'manifest.json', data: Buffer.from('{"x":"y"}') },
      { name: 'records/cases/x.json', data: Buffer.alloc(0) },
      { name: 'files/' + 'b'.repeat(64), data: Buffer.alloc(200_000, 9) },
    ];
    const bytes = await archive(entries);
    // feed it in odd-sized pieces
    const pieces: Buffer[] = [];
    for (let i = 0; i < bytes.length; i += 777) pieces.push(bytes.subarray(i, i + 777));
    const r = new TarReader(pieces);
    const names: string[] = [];
    for (let e = await r.next(); e; e = await r.next()) {
      names.push(e.name);
      const data = await r.readAll();
      expect(data.equals(entries[e.index]!.data)).toBe(true);
    }
    expect(names).toEqual(entries.map((e) => e.name));
  });

  it('skips unread content and still checks the padding and the end', async () => {
    const bytes = await archive([
      { name: 'a', data: Buffer.alloc(10, 1) },
      { name: 'b', data: Buffer.alloc(3, 2) },
    ]);
    const r = new TarReader([bytes]);
    expect((await r.next())!.name).toBe('a');
    expect((await r.next())!.name).toBe('b');
    expect(await r.next()).toBeNull();
  });

  const base = async () => archive([{ name: 'a', data: Buffer.from('hello') }]);
  const withHeader = async (h: Buffer) => {
    const b = Buffer.from(await base());
    h.copy(b, 0);
    return b;
  };

  it('refuses a wrong checksum', async () => {
    const b = Buffer.from(await base());
    b[0] = 0x62; // 'b': checksum no longer matches
    expect(await tarCode(b)).toMatch(/^BUNDLE_TAR_INVALID: .*checksum that does not match/);
  });

  it.each([
    ['not ustar', 257, 'ustar ', /not in the POSIX ustar format/],
    ['a symlink', 156, '2', /not a regular file/],
    ['a directory', 156, '5', /not a regular file/],
    ['a pax header', 156, 'x', /not a regular file/],
    ['a GNU long name', 156, 'L', /not a regular file/],
    ['the prefix field', 345, 'evil', /uses the name prefix field/],
    ['a link name', 157, 'target', /has a link name/],
    ['mode 0644', 100, '0000644\0', /does not have mode 0600/],
    ['uid 1000', 108, '0001750\0', /owner and group 0/],
    ['an mtime', 136, '14677272341\0', /modification time 0/],
    ['a size with a space', 124, '0000000005 \0', /size field/],
    ['a uname', 265, 'root', /unused header field/],
    ['bytes after the name', 10, 'x', /bytes after the end of its name/],
  ])('refuses %s', async (_what, offset, bytes, message) => {
    const h = patch((await base()).subarray(0, 512), offset, bytes);
    expect(await tarCode(await withHeader(h))).toMatch(message);
  });

  it('refuses a 12-digit size where 11 digits suffice (one form per size)', async () => {
    const h = patch((await base()).subarray(0, 512), 124, '000000000005');
    expect(await tarCode(await withHeader(h))).toMatch(/non-canonical form/);
  });

  it('refuses non-zero padding, a missing end, a half end marker and data after the end', async () => {
    const b = await base();
    const pad = Buffer.from(b);
    pad[512 + 5] = 1;
    expect(await tarCode(pad)).toMatch(/padding after entry 1 is not zero/);
    expect(await tarCode(b.subarray(0, 1024))).toMatch(/ends in the middle of the header of entry 2/);
    expect(await tarCode(b.subarray(0, 1536))).toMatch(/ends in the middle of the end-of-archive marker/);
    const half = Buffer.from(b);
    half[1536 + 3] = 1;
    expect(await tarCode(half)).toMatch(/end-of-archive marker is not two blocks/);
    expect(await tarCode(Buffer.concat([b, Buffer.alloc(512)]))).toMatch(/data follows the end-of-archive marker/);
    expect(await tarCode(b.subarray(0, 512 + 3))).toMatch(/ends in the middle of entry 1/);
  });

  it('accepts exactly the writer output (sanity for the fixtures above)', async () => {
    expect(await tarCode(await base())).toBe('ok');
    expect(TAR_BLOCK).toBe(512);
  });
});
