// A small disk for fault tests: a tmpfs of a few MiB, mounted once per test file, that a test
// fills up to a few KiB free before running a command. Mounting needs root (the test machines
// run as root); where it is impossible the tests are skipped with the reason.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface SmallDisk {
  /** the mount point */
  readonly dir: string;
  /** a fresh, empty folder on the disk */
  folder(name: string): string;
  /** fill the disk until only `bytesFree` bytes are left (rounded by the file system to its pages) */
  fill(bytesFree: number): void;
  /** remove the filler */
  unfill(): void;
  /** remove the filler and everything the tests put on the disk */
  clear(): void;
  /** bytes free now */
  free(): number;
  unmount(): void;
}

/** Mount a tmpfs of `sizeMiB`; returns the reason as a string when that is impossible here. */
export function mountSmallDisk(sizeMiB: number): SmallDisk | string {
  if (process.platform !== 'linux') return 'tmpfs mounts need Linux';
  if (process.getuid?.() !== 0) return 'mounting a small tmpfs needs root';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cv-small-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeMiB}m,mode=0700`, 'tmpfs', dir], { stdio: 'pipe' });
  } catch (e) {
    fs.rmSync(dir, { recursive: true, force: true });
    return `mount -t tmpfs failed: ${String((e as { stderr?: Buffer }).stderr ?? e).trim()}`;
  }
  const filler = path.join(dir, '.filler');
  const free = () => {
    const s = fs.statfsSync(dir);
    return s.bavail * s.bsize;
  };
  let n = 0;
  return {
    dir,
    folder(name) {
      const f = path.join(dir, `${name}-${n++}`);
      fs.mkdirSync(f);
      return f;
    },
    fill(bytesFree) {
      fs.rmSync(filler, { force: true });
      const size = free() - bytesFree;
      if (size <= 0) return;
      const fd = fs.openSync(filler, 'w');
      try {
        const chunk = Buffer.alloc(1024 * 1024, 0x5a);
        for (let left = size; left > 0; left -= chunk.length) fs.writeSync(fd, chunk, 0, Math.min(chunk.length, left));
      } finally {
        fs.closeSync(fd);
      }
    },
    unfill() {
      fs.rmSync(filler, { force: true });
    },
    clear() {
      for (const name of fs.readdirSync(dir)) fs.rmSync(path.join(dir, name), { recursive: true, force: true });
    },
    free,
    unmount() {
      try {
        execFileSync('umount', ['-l', dir], { stdio: 'pipe' });
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
