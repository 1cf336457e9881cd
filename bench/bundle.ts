/**
 * bundle: export and import of a case bundle carrying 1 GiB of evidence (256 MiB with --quick)
 * against Debian's `age` CLI on the same files, in the same run.
 *
 *   setup (untimed)  two vaults that exchanged contact cards and verified each other; a case
 *                    with a consenting survivor; 4 evidence files of random bytes taken in
 *                    (size / 4 each), also kept as plain files for age
 *   export   ours:   exportBundle(…, evidenceIds: all four) → FILE.cvbundle: plan, consent
 *                    check, read every blob (authenticated), SHA-256 every byte, tar, age
 *                    encrypt, write, fsync, commit the ledger + custody + audit
 *            age:    `age -r RECIPIENT -r SENDER -o F.age FILE` for each of the four plain files,
 *                    then fsync of each output (our export is durable when it returns; age does
 *                    not sync, so its files are synced in its timing too)
 *   import   ours:   importBundle into a fresh recipient vault: decrypt, check every entry and
 *                    hash, re-encrypt every file into the evidence store, fsync, commit
 *            age:    `age -d -i KEY -o F FILE.age` for each of the four files age wrote, then
 *                    fsync of each output
 *
 * Both sides read from the page cache (sources written and synced before any timing) and write
 * real files on the same disk. Each side runs `runs` times (2; 1 with --quick), interleaved, and
 * the best time is kept. Memory: our peak RSS and its growth over a post-GC baseline (sampled
 * every 20 ms); age's peak RSS from /usr/bin/time.
 *
 * Targets (docs/performance.md, "Budgets"): export ≥ 1.0× age's throughput while also hashing; import
 * ≥ 1.0× age's. Correctness (untimed): `age -d` with the recipient's key opens our bundle and
 * `tar -tf` lists its entries; the imported files read back with the right SHA-256.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Argon2Params } from '../src-main/engine/crypto/argon2.js';
import { exportBundle, importBundle } from '../src-main/engine/bundles/index.js';
import { createCase } from '../src-main/engine/cases/case-service.js';
import { addConsent } from '../src-main/engine/consents/consent-service.js';
import { type DomainContext, domainContext } from '../src-main/engine/domain/context.js';
import { addEvidence } from '../src-main/engine/evidence/evidence-service.js';
import { cardFileText, contactCardOf } from '../src-main/engine/identity/contact-card.js';
import { safetyNumberDigits } from '../src-main/engine/identity/safety-number.js';
import {
  addAgreement,
  getPartner,
  setSharingProfile,
  updatePartner,
} from '../src-main/engine/partners/partner-service.js';
import { importContactCard, verifyPartnerKey } from '../src-main/engine/partners/partner-keys.js';
import { createPerson, linkPerson } from '../src-main/engine/people/person-service.js';
import { Vault } from '../src-main/engine/vault/vault.js';
import { AGE, ours, timedAge } from './age.js';
import { type Bench, type BenchContext, GIB, MIB, atLeast, mibPerSecond, timed } from './lib.js';

const execFileP = promisify(execFile);
/** Synthetic, not a secret: it only guards throw-away vaults in a temp dir. */
const PASSPHRASE = 'bench correct horse battery staple';
/** The KDF is not what this bench measures. */
const FAST_KDF: Argon2Params = { opsLimit: 1, memLimitBytes: 64 * MIB };
const FILES = 4;
const PIECE_BYTES = 4 * MIB;

async function writeRandomFile(file: string, size: number): Promise<void> {
  const fh = await fsp.open(file, 'wx', 0o600);
  try {
    for (let done = 0; done < size;) {
      const piece = randomBytes(Math.min(PIECE_BYTES, size - done));
      await fh.write(piece, 0, piece.length);
      done += piece.length;
    }
    await fh.sync();
  } finally {
    await fh.close();
  }
}

async function fsyncFile(file: string): Promise<void> {
  const fh = await fsp.open(file, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

interface Side {
  vault: Vault;
  ctx: DomainContext;
}

async function newSide(dir: string, name: string): Promise<Side> {
  const { vault } = await Vault.create(path.join(dir, name), { passphrase: PASSPHRASE, kdf: FAST_KDF });
  return { vault, ctx: domainContext(vault) };
}

/** `a` knows and has verified `b`'s key; returns b's partner id in a. */
function introduce(a: Side, b: Side): string {
  const r = importContactCard(a.ctx, { card: cardFileText(contactCardOf(b.ctx)), kind: 'ngo' });
  const digits = safetyNumberDigits(
    { vaultId: a.ctx.vaultId, publicKey: a.ctx.identity.publicKey },
    { vaultId: b.ctx.vaultId, publicKey: b.ctx.identity.publicKey },
  ).digits;
  verifyPartnerKey(a.ctx, { keyId: r.key.id, safetyNumber: digits, verifiedBy: 'bench', how: 'in-person' });
  // cleared under the default partner policy: due diligence approved, a signed confidentiality agreement
  const partner = getPartner(a.ctx, r.partner.id);
  updatePartner(a.ctx, { id: partner.id, expectedVersion: partner.version, ddOutcome: 'approved' });
  addAgreement(a.ctx, { partnerId: partner.id, kind: 'confidentiality', signedOn: '2025-01-05' });
  return r.partner.id;
}

interface Best {
  ms: number;
  peak: number;
  growth: number;
}

function keepBest(best: Best | null, run: Best): Best {
  if (!best) return run;
  return {
    ms: Math.min(best.ms, run.ms),
    peak: Math.max(best.peak, run.peak),
    growth: Math.max(best.growth, run.growth),
  };
}

export const bundleBench: Bench = {
  name: 'bundle',
  summary: 'bundle export/import of 1 GiB of evidence vs age -r / age -d on the same files',
  async run(ctx: BenchContext) {
    const size = ctx.quick ? 256 * MIB : GIB;
    const runs = ctx.quick ? 1 : 2;
    const fileSize = size / FILES;
    const dir = await ctx.tempDir('bundle');

    // --- setup (untimed): one recipient vault per run (a bundle is encrypted to one partner;
    // importing it twice is a no-op), each introduced to the sender both ways and verified
    const sender = await newSide(dir, 'sender');
    const recipients: Side[] = [];
    try {
      const partnerIds: string[] = [];
      for (let run = 0; run < runs; run++) {
        const r = await newSide(dir, `recipient-${run}`);
        recipients.push(r);
        const partnerId = introduce(sender, r);
        introduce(r, sender);
        const partner = getPartner(sender.ctx, partnerId);
        setSharingProfile(sender.ctx, {
          partnerId,
          expectedVersion: partner.version,
          allow: [
            { kind: 'cases' },
            { kind: 'people' },
            { kind: 'consents' },
            { kind: 'evidence', fields: ['title', 'type', 'media-type', 'size', 'sha256', 'received-at', 'file'] },
          ],
        });
        partnerIds.push(partnerId);
      }
      const c = createCase(sender.ctx, { title: 'Bench case' });
      const p = createPerson(sender.ctx, { fullName: 'Bench Person', pseudonym: 'B-1' });
      linkPerson(sender.ctx, { personId: p.id, caseId: c.id, role: 'survivor' });
      addConsent(sender.ctx, {
        personId: p.id,
        caseId: c.id,
        purpose: 'sharing',
        recipient: { class: 'partner' },
        told: ['nature', 'purpose', 'use', 'consequences', 'right-to-refuse', 'right-to-withdraw'],
        method: 'written',
        givenAt: '2026-01-10',
      });
      const sources: string[] = [];
      const evidenceIds: string[] = [];
      for (let i = 0; i < FILES; i++) {
        const src = path.join(dir, `evidence-${i}.bin`);
        await writeRandomFile(src, fileSize);
        sources.push(src);
        evidenceIds.push((await addEvidence(sender.ctx, { caseId: c.id, filePath: src, type: 'video' })).id);
      }
      ctx.log(`set up: ${FILES} evidence files of ${fileSize / MIB} MiB taken in; ${runs} recipient vault(s)`);
      const senderRecipient = sender.ctx.identity.ageRecipient().toString();

      const best: Record<'ourExp' | 'ageEnc' | 'ourImp' | 'ageDec', Best | null> = {
        ourExp: null,
        ageEnc: null,
        ourImp: null,
        ageDec: null,
      };
      let lastBundle = '';
      let lastKey = '';
      for (let run = 0; run < runs; run++) {
        const target = recipients[run]!;
        const keyFile = path.join(dir, `recipient-${run}.key`);
        const identity = target.ctx.identity.ageIdentity();
        await fsp.writeFile(keyFile, `${identity.toString()}\n`, { mode: 0o600 });
        identity.dispose();
        const targetRecipient = target.ctx.identity.ageRecipient().toString();
        const bundleFile = path.join(dir, `run-${run}.cvbundle`);
        const ageOut = sources.map((s) => `${s}.run-${run}.age`);

        const expOurs = async () => {
          const r = await ours(() =>
            exportBundle(sender.ctx, {
              partnerId: partnerIds[run]!,
              caseIds: [c.id],
              evidenceIds,
              purpose: 'Bench',
              onMissingConsent: 'refuse',
              out: bundleFile,
            }),
          );
          best.ourExp = keepBest(best.ourExp, r);
          ctx.log(
            `run ${run + 1}: exportBundle ${(r.ms / 1000).toFixed(2)} s, peak RSS ${(r.peak / MIB).toFixed(0)} MiB (+${(r.growth / MIB).toFixed(0)})`,
          );
        };
        const encAge = async () => {
          let peak = 0;
          const r = await timed(async () => {
            for (let i = 0; i < FILES; i++) {
              peak = Math.max(
                peak,
                await timedAge(['-r', targetRecipient, '-r', senderRecipient, '-o', ageOut[i]!, sources[i]!]),
              );
              await fsyncFile(ageOut[i]!);
            }
          });
          best.ageEnc = keepBest(best.ageEnc, { ms: r.ms, peak, growth: 0 });
          ctx.log(
            `run ${run + 1}: age -r       ${(r.ms / 1000).toFixed(2)} s, peak RSS ${(peak / MIB).toFixed(0)} MiB`,
          );
        };
        const impOurs = async () => {
          const r = await ours(() => importBundle(target.ctx, bundleFile));
          if (r.result.result !== 'imported' || r.result.counts.files !== FILES)
            throw new Error(`import: ${r.result.result}, ${r.result.counts.files} files`);
          best.ourImp = keepBest(best.ourImp, r);
          ctx.log(
            `run ${run + 1}: importBundle ${(r.ms / 1000).toFixed(2)} s, peak RSS ${(r.peak / MIB).toFixed(0)} MiB (+${(r.growth / MIB).toFixed(0)})`,
          );
        };
        const decAge = async () => {
          let peak = 0;
          const r = await timed(async () => {
            for (let i = 0; i < FILES; i++) {
              const outFile = `${ageOut[i]!}.dec`;
              peak = Math.max(peak, await timedAge(['-d', '-i', keyFile, '-o', outFile, ageOut[i]!]));
              await fsyncFile(outFile);
            }
          });
          best.ageDec = keepBest(best.ageDec, { ms: r.ms, peak, growth: 0 });
          ctx.log(
            `run ${run + 1}: age -d       ${(r.ms / 1000).toFixed(2)} s, peak RSS ${(peak / MIB).toFixed(0)} MiB`,
          );
          for (let i = 0; i < FILES; i++) await fsp.rm(`${ageOut[i]!}.dec`, { force: true });
        };
        const order = run % 2 === 0 ? [encAge, expOurs, impOurs, decAge] : [expOurs, encAge, decAge, impOurs];
        for (const step of order) await step();
        for (const f of ageOut) await fsp.rm(f, { force: true });
        if (lastBundle) await fsp.rm(lastBundle, { force: true });
        lastBundle = bundleFile;
        lastKey = keyFile;
      }

      // Untimed: the stock tool opens our bundle; the plaintext is a tar in manifest order.
      const plain = path.join(dir, 'bundle.tar');
      await execFileP(AGE, ['-d', '-i', lastKey, '-o', plain, lastBundle]);
      const { stdout } = await execFileP('tar', ['-tf', plain], { maxBuffer: 16 * MIB });
      const names = stdout.trim().split('\n');
      if (
        names[0] !== 'manifest.json' ||
        names[1] !== 'manifest.sig' ||
        names.filter((n) => n.startsWith('files/')).length !== FILES
      ) {
        throw new Error(`tar -tf listed an unexpected archive: ${names.slice(0, 5).join(', ')}`);
      }

      const measured = (b: Best | null): Best => {
        if (!b) throw new Error('a measurement is missing');
        return b;
      };
      const [oe, ae, oi, ad] = [
        measured(best.ourExp),
        measured(best.ageEnc),
        measured(best.ourImp),
        measured(best.ageDec),
      ];
      const exp = mibPerSecond(size, oe.ms);
      const enc = mibPerSecond(size, ae.ms);
      const imp = mibPerSecond(size, oi.ms);
      const dec = mibPerSecond(size, ad.ms);
      ctx.report('evidence_size', size / MIB, 'MiB');
      ctx.report('runs_best_of', runs, 'runs');
      ctx.report('export_throughput', exp, 'MiB/s');
      ctx.report('age_encrypt_throughput', enc, 'MiB/s');
      ctx.report('export_vs_age', exp / enc, 'x', atLeast(1.0));
      ctx.report('import_throughput', imp, 'MiB/s');
      ctx.report('age_decrypt_throughput', dec, 'MiB/s');
      ctx.report('import_vs_age', imp / dec, 'x', atLeast(1.0));
      ctx.report('export_rss_peak', oe.peak / MIB, 'MiB');
      ctx.report('export_rss_growth', oe.growth / MIB, 'MiB');
      ctx.report('import_rss_peak', oi.peak / MIB, 'MiB');
      ctx.report('import_rss_growth', oi.growth / MIB, 'MiB');
      ctx.report('age_encrypt_rss_peak', ae.peak / MIB, 'MiB');
      ctx.report('age_decrypt_rss_peak', ad.peak / MIB, 'MiB');
    } finally {
      for (const r of recipients) r.vault.lock();
      sender.vault.lock();
    }
  },
};
