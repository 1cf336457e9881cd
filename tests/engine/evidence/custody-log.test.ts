import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../shared/canonical-json.js';
import { createCase } from '../../../src-main/engine/cases/case-service.js';
import {
  appendCustodyEvent,
  custodyGenesis,
  verifyCustodyChain,
} from '../../../src-main/engine/evidence/custody-log.js';
import {
  CUSTODY_CSV_HEADER,
  addEvidence,
  custodyLog,
  exportCustodyLog,
  exportCustodyLogToFile,
  exportEvidence,
  readEvidence,
  verifyEvidence,
} from '../../../src-main/engine/evidence/evidence-service.js';
import { codeOf, collect, tempDir } from '../../helpers.js';
import { codeOfSync, newDomain } from '../domain-helpers.js';

async function item() {
  const d = await newDomain();
  const c = createCase(d.ctx, { title: 'Case' });
  const dir = tempDir('cv-custody-');
  const file = path.join(dir, 'report.pdf');
  fs.writeFileSync(file, '%PDF-1.7 medical report');
  const e = await addEvidence(d.ctx, { caseId: c.id, filePath: file, type: 'medical-report' });
  return { d, ctx: d.ctx, e, dir };
}

/** Test-only: lift the append-only triggers to play an attacker who holds the key. */
function dropTriggers(db: { exec(sql: string): unknown }): void {
  db.exec('DROP TRIGGER custody_events_no_update; DROP TRIGGER custody_events_no_delete;');
}

/** A minimal RFC 4180 parser (quoted fields, doubled quotes, CRLF rows) to read the CSV back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (ch === '"') {
        quoted = false;
        i++;
      } else {
        field += ch;
        i++;
      }
    } else if (ch === '"') {
      quoted = true;
      i++;
    } else if (ch === ',') {
      row.push(field);
      field = '';
      i++;
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 2;
    } else {
      field += ch;
      i++;
    }
  }
  if (field !== '' || row.length > 0) throw new Error('CSV does not end with CRLF');
  return rows;
}

describe('custody chain', () => {
  it('chains each item from its own genesis: hash = SHA-256(prev || canonical event)', async () => {
    const { ctx, e, dir } = await item();
    await collect(readEvidence(ctx, e.id, { purpose: 'view' }));
    await verifyEvidence(ctx, e.id);
    await exportEvidence(ctx, e.id, path.join(dir, 'out.pdf'), { reason: 'court' });
    const { events, chain } = custodyLog(ctx, e.id);
    expect(events.map((x) => x.action)).toEqual(['received', 'viewed', 'verified', 'exported']);
    expect(chain).toEqual({ ok: true, events: 4 });
    let prev = createHash('sha256').update(`case-vault/custody/v1\0${e.id}`).digest();
    expect(prev.equals(custodyGenesis(e.id))).toBe(true);
    for (const ev of events) {
      expect(ev.prevHash).toBe(prev.toString('hex'));
      const h = createHash('sha256')
        .update(prev)
        .update(canonicalJson({ evidenceId: e.id, at: ev.at, actor: ev.actor, action: ev.action, details: ev.details }))
        .digest();
      expect(ev.hash).toBe(h.toString('hex'));
      prev = h;
    }
  });

  it('custody_events refuses UPDATE and DELETE', async () => {
    const { ctx, e } = await item();
    expect(() => ctx.db.prepare("UPDATE custody_events SET action = 'viewed'").run()).toThrow(/append-only/);
    expect(() => ctx.db.prepare('DELETE FROM custody_events').run()).toThrow(/append-only/);
    expect(custodyLog(ctx, e.id).events).toHaveLength(1);
  });

  it('names the first altered event', async () => {
    const { ctx, e } = await item();
    await verifyEvidence(ctx, e.id);
    await verifyEvidence(ctx, e.id);
    const events = custodyLog(ctx, e.id).events;
    dropTriggers(ctx.db);
    ctx.db
      .prepare('UPDATE custody_events SET details = ? WHERE seq = ?')
      .run(['{"result":"match","sha256":"00"}', events[1]!.seq]);
    expect(verifyCustodyChain(ctx.db, e.id)).toEqual({
      ok: false,
      events: 1,
      brokenAt: events[1]!.seq,
      reason: expect.stringMatching(/altered/),
    });
    expect(custodyLog(ctx, e.id).chain).toMatchObject({ ok: false, brokenAt: events[1]!.seq });
  });

  it('names the event after one removed from the middle', async () => {
    const { ctx, e } = await item();
    await verifyEvidence(ctx, e.id);
    await verifyEvidence(ctx, e.id);
    const events = custodyLog(ctx, e.id).events;
    dropTriggers(ctx.db);
    ctx.db.prepare('DELETE FROM custody_events WHERE seq = ?').run([events[1]!.seq]);
    expect(verifyCustodyChain(ctx.db, e.id)).toMatchObject({
      ok: false,
      brokenAt: events[2]!.seq,
      reason: expect.stringMatching(/does not follow/),
    });
  });

  it('catches the last events removed, through the hashes the audit log recorded', async () => {
    const { ctx, e } = await item();
    await verifyEvidence(ctx, e.id);
    const events = custodyLog(ctx, e.id).events;
    dropTriggers(ctx.db);
    ctx.db.prepare('DELETE FROM custody_events WHERE seq = ?').run([events[1]!.seq]);
    expect(verifyCustodyChain(ctx.db, e.id)).toMatchObject({
      ok: false,
      events: 1,
      brokenAt: null,
      reason: expect.stringMatching(/missing from the custody log/),
    });
  });

  it('an event transplanted from another item does not fit', async () => {
    const { ctx, e, dir } = await item();
    const c2 = createCase(ctx, { title: 'Two' });
    const f2 = path.join(dir, 'b.txt');
    fs.writeFileSync(f2, 'b');
    const e2 = await addEvidence(ctx, { caseId: c2.id, filePath: f2 });
    dropTriggers(ctx.db);
    const first2 = custodyLog(ctx, e2.id).events[0]!;
    ctx.db.prepare('UPDATE custody_events SET evidence_id = ? WHERE seq = ?').run([e.id, first2.seq]);
    expect(verifyCustodyChain(ctx.db, e.id)).toMatchObject({ ok: false, brokenAt: first2.seq });
  });

  it("appendCustodyEvent joins the caller's transaction: rolled back with it", async () => {
    const { ctx, e } = await item();
    expect(() =>
      ctx.db.transaction(() => {
        appendCustodyEvent(ctx, e.id, 'shared', { bundleId: 'b1' });
        throw new Error('bundle write failed');
      })(),
    ).toThrow('bundle write failed');
    expect(custodyLog(ctx, e.id).events.map((x) => x.action)).toEqual(['received']);
    ctx.db.transaction(() => appendCustodyEvent(ctx, e.id, 'shared', { bundleId: 'b2' }))();
    const log = custodyLog(ctx, e.id);
    expect(log.events.at(-1)).toMatchObject({ action: 'shared', details: { bundleId: 'b2' } });
    expect(log.chain.ok).toBe(true);
  });
});

describe('custody log export', () => {
  it('JSON: the item, every event with its hashes, and the chain verdict', async () => {
    const { ctx, e } = await item();
    await verifyEvidence(ctx, e.id);
    const doc = JSON.parse(exportCustodyLog(ctx, e.id, 'json')) as Record<string, unknown>;
    const log = custodyLog(ctx, e.id);
    expect(doc).toEqual({
      format: 'case-vault/custody-log/v1',
      exportedAt: '2026-11-21T12:00:00.000Z',
      evidence: log.evidence,
      chain: { ok: true, events: 2 },
      events: log.events,
    });
    expect(log.evidence).toEqual({
      id: e.id,
      caseId: e.caseId,
      type: 'medical-report',
      title: 'report.pdf',
      fileName: 'report.pdf',
      mediaType: 'application/pdf',
      size: e.size,
      sha256: e.sha256,
      derivedFrom: null,
      receivedAt: e.receivedAt,
    });
  });

  it('CSV: a header row, one row per event, RFC 4180 quoting of commas, quotes and newlines', async () => {
    const { ctx, e, dir } = await item();
    const reason = 'to the court, "exhibit 4"\nsecond line';
    await exportEvidence(ctx, e.id, path.join(dir, 'x.pdf'), { reason });
    const csv = exportCustodyLog(ctx, e.id, 'csv');
    expect(csv.startsWith('evidence_id,seq,at,actor,action,details,prev_hash,hash\r\n')).toBe(true);
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual([...CUSTODY_CSV_HEADER]);
    const events = custodyLog(ctx, e.id).events;
    expect(rows.slice(1)).toEqual(
      events.map((ev) => [
        e.id,
        String(ev.seq),
        ev.at,
        ev.actor,
        ev.action,
        canonicalJson(ev.details),
        ev.prevHash,
        ev.hash,
      ]),
    );
    expect(JSON.parse(rows[2]![5]!)).toMatchObject({ reason });
  });

  it('writes to a new file only, atomically, and refuses a bad format', async () => {
    const { ctx, e } = await item();
    const out = tempDir('cv-custody-out-');
    const dest = path.join(out, 'custody.csv');
    const r = await exportCustodyLogToFile(ctx, e.id, 'csv', dest);
    expect(r).toEqual({ path: dest, format: 'csv', bytes: fs.statSync(dest).size });
    expect(fs.readFileSync(dest, 'utf8')).toBe(exportCustodyLog(ctx, e.id, 'csv'));
    expect(await codeOf(exportCustodyLogToFile(ctx, e.id, 'json', dest))).toBe('EXPORT_TARGET_EXISTS');
    expect(fs.readFileSync(dest, 'utf8')).toBe(exportCustodyLog(ctx, e.id, 'csv'));
    expect(await codeOf(exportCustodyLogToFile(ctx, e.id, 'xml' as never, path.join(out, 'c.xml')))).toBe(
      'INVALID_INPUT',
    );
    expect(fs.readdirSync(out)).toEqual(['custody.csv']);
    expect(codeOfSync(() => exportCustodyLog(ctx, '01900000-0000-7000-8000-000000000000', 'json'))).toBe('NOT_FOUND');
  });
});
