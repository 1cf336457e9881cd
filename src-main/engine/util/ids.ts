/** Identifiers: UUIDv7 for records (time-ordered, RFC 9562), random hex for blob file names. */
import { randomBytes } from 'node:crypto';

export function uuidv7(now = Date.now()): string {
  const b = randomBytes(16);
  const ms = BigInt(now);
  for (let i = 0; i < 6; i++) b[i] = Number((ms >> BigInt(8 * (5 - i))) & 0xffn);
  b[6] = (b[6]! & 0x0f) | 0x70; // version 7
  b[8] = (b[8]! & 0x3f) | 0x80; // variant 10
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Blob ids are random rather than time-ordered so that the two-character fan-out folder
 * (blobs/ab/…) spreads files evenly, and so that a file name says nothing about when it came.
 */
export function newBlobId(): string {
  return randomBytes(16).toString('hex');
}

export const BLOB_ID_RE = /^[0-9a-f]{32}$/;

/** UTC ISO-8601 with milliseconds, the one time format stored anywhere. */
export function isoNow(now: Date = new Date()): string {
  return now.toISOString();
}
