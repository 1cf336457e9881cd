/**
 * Building blocks shared by every domain schema (engine services, IPC contract, CLI).
 *
 * Conventions (docs/domain-model.md):
 * - ids are UUIDv7 strings;
 * - an *instant* is UTC ISO-8601 with milliseconds and `Z` (`2026-11-21T09:30:00.000Z`);
 * - a *day* is a calendar date `YYYY-MM-DD` (hearings, expiry, limitation periods), compared
 *   as the whole day in UTC;
 * - countries are ISO 3166-1 alpha-2 codes in capitals;
 * - free text is trimmed, NFC-normalised and bounded so that no single field can swell a
 *   record (and a bundle) without limit.
 *
 * This file imports zod only: it runs in the engine, the preload and the renderer.
 */
import { isCountryCode } from './iso.js';
import { z } from 'zod';

export const Id = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'must be a record id (UUID)');
export type Id = z.infer<typeof Id>;

function isRealDay(s: string): boolean {
  const d = new Date(`${s}T00:00:00.000Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

export const Day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
  .refine(isRealDay, 'is not a real calendar date');
export type Day = z.infer<typeof Day>;

export const Instant = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/, 'must be a UTC time as YYYY-MM-DDTHH:MM:SS.sssZ')
  .refine((s) => isRealDay(s.slice(0, 10)) && !Number.isNaN(new Date(s).getTime()), 'is not a real time');
export type Instant = z.infer<typeof Instant>;

/**
 * A day or an instant, as people type them: `2026-03-01`, `2026-03-01T10:00Z`,
 * `2026-03-01T10:00:00+02:00`. Days stay days; times are normalised to an Instant.
 */
export const DayOrInstant = z
  .string()
  .trim()
  .transform((s, ctx) => {
    if (/^\d{4}-\d{2}-\d{2}$/.test(s)) {
      if (isRealDay(s)) return s;
    } else if (
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(s) &&
      isRealDay(s.slice(0, 10))
    ) {
      const t = new Date(s);
      if (!Number.isNaN(t.getTime())) return t.toISOString();
    }
    ctx.addIssue({
      code: 'custom',
      message: 'must be a date (YYYY-MM-DD) or a time with its zone (YYYY-MM-DDTHH:MM[:SS]Z or ±HH:MM)',
    });
    return z.NEVER;
  });

/** The first instant of a day or instant value, in ms since the epoch. */
export function startOf(value: string): number {
  return value.length === 10 ? Date.parse(`${value}T00:00:00.000Z`) : Date.parse(value);
}

/** The first instant *after* a day or instant value: a day runs to its last millisecond. */
export function endOf(value: string): number {
  return value.length === 10 ? Date.parse(`${value}T00:00:00.000Z`) + 86_400_000 : Date.parse(value) + 1;
}

export const CountryCode = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase())
  .pipe(
    z
      .string()
      .regex(/^[A-Z]{2}$/, 'must be a two-letter ISO 3166 country code, e.g. KE or FR')
      .refine(isCountryCode, 'is not an ISO 3166 country code'),
  );

/** Bounded, trimmed, NFC text. `min` 1 means "required, not blank". */
export function text(max: number, min = 0) {
  return z
    .string()
    .transform((s) => s.normalize('NFC').trim())
    .pipe(
      z
        .string()
        .min(min, min === 1 ? 'must not be empty' : `must be at least ${min} characters`)
        .max(max, `must be at most ${max} characters`),
    );
}

export const ShortText = text(200, 1);
export const OptionalShortText = text(200).optional();
export const LongText = text(20_000);
export const Tag = text(60, 1).pipe(z.string().regex(/^[^\s,][^,]*$/, 'must not contain commas'));

export const Paging = z.object({
  limit: z.number().int().min(1).max(1000).default(50),
  offset: z.number().int().min(0).default(0),
});

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

// ---------------------------------------------------------------------------------------------
// Record (output) schemas. The engine answers with these shapes; the IPC contract parses every
// answer with them before it reaches the renderer. They are strict about SHAPE (no unknown
// field passes, exact types, enums, nullability) and lenient about FORMATS (ids, days and
// instants are plain strings: the engine is trusted, the point is that nothing unexpected leaks).

/** The fields every stored record carries (docs/domain-model.md). */
export const RecordMeta = z.strictObject({
  id: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
  /** the vault that created the record: needed for exchange between vaults */
  originVault: z.string(),
});
export type RecordMeta = z.infer<typeof RecordMeta>;

/** A page of records as the engine answers a paged list. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.strictObject({
    items: z.array(item),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
  });
}

/** For updates: the version the user edited, so a stale edit is refused instead of lost. */
export const ExpectedVersion = z.number().int().min(1).optional();
