/**
 * Format versions of what travels between vaults: bundle manifests (and the records of the
 * bundle), bundle receipts, recall notices and recall receipts (docs/bundle-format.md,
 * "Format versions and change policy").
 *
 * A document names its version as `formatVersion: MAJOR` and, only when its minor is not 0,
 * `formatMinor: MINOR` (absent means 0, so a document that uses nothing added since 1.0 is read
 * by every 1.x reader, including those from before minors existed). A reader of MAJOR.m:
 *   - another MAJOR above its own                           → BUNDLE_FORMAT_TOO_NEW (update Case Vault)
 *   - MAJOR with minor ≤ m: the strict schema, as always    → an unknown member is refused
 *   - MAJOR with minor > m: the strict schema, except that members it does not know are
 *     dropped and reported ({kind, field}); everything it knows is checked exactly as before
 * A minor may only ADD optional members that a reader may ignore; anything else is a new major.
 */
import { type UnknownField } from '../../../shared/domain/bundles.js';
import { VaultError } from '../../../shared/errors.js';
import { describeZodError } from '../../../shared/zod-message.js';
import type { z } from 'zod';

/** What a reader learns from a document's version members before it parses the document. */
export type DocumentVersion = { tooNew: true; major: number } | { tooNew: false; minor: number };

/**
 * Look at `format`, `formatVersion` and `formatMinor` only. A document of another format, or
 * with version members of the wrong type, is left to the strict schema, which refuses it with
 * its own words.
 */
export function documentVersion(value: unknown, format: string, readerMajor: number): DocumentVersion {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { tooNew: false, minor: 0 };
  const v = value as Record<string, unknown>;
  if (v.format !== format) return { tooNew: false, minor: 0 };
  const major = v.formatVersion;
  if (typeof major === 'number' && Number.isSafeInteger(major) && major > readerMajor) return { tooNew: true, major };
  const minor = v.formatMinor;
  return { tooNew: false, minor: typeof minor === 'number' && Number.isSafeInteger(minor) && minor > 0 ? minor : 0 };
}

/** The refusal of a document of a newer major: the user's way out is to update. */
export function formatTooNew(what: string, found: number, readerMajor: number, consequence: string): VaultError {
  return new VaultError(
    'BUNDLE_FORMAT_TOO_NEW',
    `This ${what} was made by a newer version of Case Vault (format version ${found}); this version reads format version ${readerMajor}. Update Case Vault on this computer, then open it again. ${consequence}`,
  );
}

/** How many distinct unknown members one document (a bundle with its records) may bring. */
export const MAX_UNKNOWN_FIELDS = 100;

/**
 * An unknown member must be named as ours are (a letter, then letters and digits, at most 64):
 * the name is shown to people and printed on terminals, and no format of ours would use another.
 */
const MEMBER_NAME = /^[A-Za-z][A-Za-z0-9]{0,63}$/;

/** The unknown members met while reading one document, each (kind, field) once. */
export class UnknownFields {
  readonly list: UnknownField[] = [];
  private readonly seen = new Set<string>();

  /** false when the document brings more than MAX_UNKNOWN_FIELDS */
  add(kind: string, field: string): boolean {
    const key = `${kind}\u0000${field}`;
    if (this.seen.has(key)) return true;
    if (this.list.length >= MAX_UNKNOWN_FIELDS) return false;
    this.seen.add(key);
    this.list.push({ kind, field });
    return true;
  }
}

export interface VersionedParseOptions {
  /** the document's minor (documentVersion) and the reader's */
  minor: number;
  readerMinor: number;
  /** what the unknown members are reported under: "manifest", a record kind, "receipt", … */
  kind: string;
  /** paths (`sender`, `receipt.recipient`) whose content has a format of its own (a contact card): never loosened */
  exact?: readonly string[];
  unknown: UnknownFields;
}

export type VersionedParse<T> = { ok: true; data: T } | { ok: false; problem: string };

/** `entries[].note`: the path of an unknown member, array positions left out. */
function fieldPath(path: readonly PropertyKey[], key: string): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? '[]' : `${out ? '.' : ''}${String(p)}`;
  return `${out}${out ? '.' : ''}${key}`;
}

/** A copy of a parsed JSON value without the named members. */
function withoutMembers(
  value: unknown,
  drop: ReadonlyArray<{ path: readonly PropertyKey[]; keys: string[] }>,
): unknown {
  const copy = structuredClone(value) as unknown;
  for (const { path, keys } of drop) {
    let at: unknown = copy;
    for (const p of path) at = (at as Record<PropertyKey, unknown>)[p];
    for (const k of keys) delete (at as Record<string, unknown>)[k];
  }
  return copy;
}

/**
 * Parse a received document (or a record of a bundle) with its strict schema under the version
 * policy above: refused as before unless the document is of a newer minor, in which case the
 * members the schema does not know are dropped and logged, and what remains must pass exactly.
 */
export function parseVersioned<T>(schema: z.ZodType<T>, value: unknown, o: VersionedParseOptions): VersionedParse<T> {
  const first = schema.safeParse(value);
  if (first.success) return { ok: true, data: first.data };
  const refused: VersionedParse<T> = { ok: false, problem: describeZodError(first.error) };
  if (o.minor <= o.readerMinor) return refused;
  const drop: Array<{ path: readonly PropertyKey[]; keys: string[] }> = [];
  for (const issue of first.error.issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    const at = issue.path.map(String).join('.');
    if (o.exact?.some((x) => at === x || at.startsWith(`${x}.`))) return refused;
    if (issue.keys.some((k) => !MEMBER_NAME.test(k)))
      return {
        ok: false,
        problem: 'it has a member this version does not know, named otherwise than with letters and digits',
      };
    drop.push({ path: issue.path, keys: issue.keys });
  }
  if (drop.length === 0) return refused;
  const second = schema.safeParse(withoutMembers(value, drop));
  if (!second.success) return { ok: false, problem: describeZodError(second.error) };
  for (const { path, keys } of drop) {
    for (const k of keys) {
      if (!o.unknown.add(o.kind, fieldPath(path, k)))
        return { ok: false, problem: `it has more than ${MAX_UNKNOWN_FIELDS} members this version does not know` };
    }
  }
  return { ok: true, data: second.data };
}

/**
 * A document this vault keeps after it passed the checks above (a received manifest, a
 * partner's receipt: kept as signed, members of a newer minor included), read again under the
 * same policy. `version.of` is the object that carries the version members.
 */
export function parseStored<T>(
  schema: z.ZodType<T>,
  value: unknown,
  version: { of: unknown; format: string; readerMinor: number },
): VersionedParse<T> {
  const v = documentVersion(version.of, version.format, Number.MAX_SAFE_INTEGER);
  return parseVersioned(schema, value, {
    minor: v.tooNew ? 0 : v.minor,
    readerMinor: version.readerMinor,
    kind: 'stored',
    unknown: new UnknownFields(),
  });
}
