/**
 * The situation `evidence.receivedDescriptions` and `evidence received` exist for, built the way
 * two organisations would build it (through the real router): A and B meet and verify each
 * other (pair()); A's sharing profile for B lets cases and SOME evidence fields through, but not
 * the files; A shares a case with two items; B imports the bundle. B then has the case, no
 * evidence file, and two descriptions waiting in received_evidence_metadata.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BundleExport, ImportResult } from '../../shared/domain/bundles.js';
import type { Evidence } from '../../shared/domain/evidence.js';
import type { IpcVault } from './ipc-helpers.js';
import { openHandle, pair, saveHandle, type Pair } from './exchange-ipc-helpers.js';

/** What B's profile lets through of an evidence record: no description, provenance, file name or media type, and no file. */
export const EVIDENCE_FIELDS_SHARED = ['title', 'type', 'size', 'sha256', 'collected-at', 'received-at'] as const;

export interface Described {
  p: Pair;
  caseId: string;
  /** A's items, as A recorded them (A's evidence.add answers) */
  statement: Evidence;
  photo: Evidence;
  bundle: BundleExport;
  imported: ImportResult;
}

async function evidenceHandle(v: IpcVault, path: string): Promise<string> {
  v.host.openQueue.push(path);
  const chosen = await v.ok<{ handle: string }>('files.chooseEvidence');
  return chosen.handle;
}

/** A shares case KE-2026-7 with B, evidence described but files left out; B imports it. */
export async function describedWithoutFiles(p?: Pair): Promise<Described> {
  p ??= await pair();
  const { a, b, aSeesB } = p;
  const partner = await a.ok<{ version: number }>('partners.get', { id: aSeesB.partner.id });
  await a.ok('partners.setSharingProfile', {
    partnerId: aSeesB.partner.id,
    expectedVersion: partner.version,
    allow: [{ kind: 'cases' }, { kind: 'evidence', fields: [...EVIDENCE_FIELDS_SHARED] }],
  });
  const c = await a.ok<{ id: string }>('cases.create', {
    title: 'Detention at Kilima station',
    reference: 'KE-2026-7',
  });
  const pdf = join(p.dir, 'statement.pdf');
  writeFileSync(pdf, '%PDF-1.4\n' + 'statement of AB-1\n'.repeat(300));
  const statement = await a.ok<Evidence>('evidence.add', {
    caseId: c.id,
    file: await evidenceHandle(a, pdf),
    type: 'testimony',
    title: 'Statement of AB-1',
    description: 'Names the officers on duty that night',
    source: 'AB-1, in person',
    collector: 'Asha',
    place: 'Kilima',
    collectedAt: '2026-03-01',
  });
  const jpg = join(p.dir, 'cell-4.jpg');
  writeFileSync(jpg, Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2048, 7)]));
  const photo = await a.ok<Evidence>('evidence.add', {
    caseId: c.id,
    file: await evidenceHandle(a, jpg),
    type: 'photo',
  });
  const bundlePath = join(p.dir, 'ke-2026-7.cvbundle');
  const bundle = await a.ok<BundleExport>('bundles.export', {
    partnerId: aSeesB.partner.id,
    caseIds: [c.id],
    evidenceIds: [],
    purpose: 'Coordination of the detention cases',
    expiresInDays: 14,
    onMissingConsent: 'refuse',
    target: await saveHandle(a, bundlePath, 'bundle'),
  });
  const imported = await b.ok<ImportResult>('bundles.import', { file: await openHandle(b, bundlePath, 'bundle') });
  return { p, caseId: c.id, statement, photo, bundle, imported };
}
