/** Small pure helpers of the evidence screens. */

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
