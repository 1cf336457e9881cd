/** Small pure helpers of the evidence screens. */
import type { EvidenceType } from '../../../shared/domain/evidence.js';

/** The first 12 hex digits of a SHA-256 (or of an id): enough to compare by eye, the whole value is in a tooltip. */
export function shortHash(hex: string): string {
  return hex.length > 12 ? `${hex.slice(0, 12)}…` : hex;
}

/** The first 8 characters of a vault id (as bundle import prefixes received references), for a vault no partner key names. */
export function shortVault(vaultId: string): string {
  return vaultId.slice(0, 8);
}

export type ViewKind = 'image' | 'pdf' | 'text' | 'audio' | 'video' | 'other';

/** How the viewer shows a media type (main only issues URLs for types it serves safely). */
export function viewKind(mediaType: string): ViewKind {
  const base = (mediaType.split(';')[0] ?? '').trim().toLowerCase();
  if (base === 'image/svg+xml') return 'other';
  if (base.startsWith('image/')) return 'image';
  if (base === 'application/pdf') return 'pdf';
  if (base.startsWith('text/') || base === 'application/json') return 'text';
  if (base.startsWith('audio/')) return 'audio';
  if (base.startsWith('video/')) return 'video';
  return 'other';
}

/** A file name without its last extension, for suggested names of exports. */
export function stem(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? fileName.slice(0, dot) : fileName;
}

/**
 * The evidence type a chosen file most likely is, from its extension: the intake form's first
 * choice, which the user can still change. Anything not listed stays a document.
 */
const TYPE_OF_EXTENSION: Readonly<Record<string, EvidenceType>> = {
  ...Object.fromEntries(
    ['jpg', 'jpeg', 'png', 'gif', 'webp', 'heic', 'heif', 'tif', 'tiff', 'bmp'].map((e) => [e, 'photo' as const]),
  ),
  ...Object.fromEntries(
    ['mp3', 'ogg', 'oga', 'opus', 'wav', 'm4a', 'aac', 'flac', 'amr'].map((e) => [e, 'audio' as const]),
  ),
  ...Object.fromEntries(['mp4', 'webm', 'mov', 'mkv', 'avi', 'm4v', '3gp'].map((e) => [e, 'video' as const])),
};

export function evidenceTypeOfFile(fileName: string): EvidenceType {
  const dot = fileName.lastIndexOf('.');
  const ext = dot > 0 ? fileName.slice(dot + 1).toLowerCase() : '';
  return Object.hasOwn(TYPE_OF_EXTENSION, ext) ? TYPE_OF_EXTENSION[ext]! : 'document';
}

/** A collection time as the engine stores it: a day (YYYY-MM-DD) or an instant. */
export function isDay(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value);
}
