/**
 * What kind of file a piece of evidence is: from its first bytes ("magic numbers") first, then
 * from its extension, else application/octet-stream.
 *
 * The content wins over the name because a name is easy to get wrong (a photo saved as
 * `statement.pdf`); the extension only decides between types the first bytes cannot tell apart
 * (a ZIP that is a .xlsx, a text file that is a .csv). Detection never executes or parses the
 * file beyond comparing a few bytes of its head (HEAD_BYTES).
 */
import path from 'node:path';

/** How many bytes of a file's beginning detection looks at. */
export const HEAD_BYTES = 4096;

export const OCTET_STREAM = 'application/octet-stream';
export const TEXT_PLAIN = 'text/plain; charset=utf-8';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const PPTX = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';

const BY_EXTENSION: Readonly<Record<string, string>> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  heic: 'image/heic',
  heif: 'image/heif',
  avif: 'image/avif',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  bmp: 'image/bmp',
  pdf: 'application/pdf',
  mp4: 'video/mp4',
  m4v: 'video/mp4',
  mov: 'video/quicktime',
  '3gp': 'video/3gpp',
  webm: 'video/webm',
  mkv: 'video/x-matroska',
  avi: 'video/x-msvideo',
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
  aac: 'audio/aac',
  wav: 'audio/wav',
  ogg: 'audio/ogg',
  oga: 'audio/ogg',
  opus: 'audio/ogg',
  flac: 'audio/flac',
  amr: 'audio/amr',
  zip: 'application/zip',
  docx: DOCX,
  xlsx: XLSX,
  pptx: PPTX,
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  odp: 'application/vnd.oasis.opendocument.presentation',
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  ppt: 'application/vnd.ms-powerpoint',
  rtf: 'application/rtf',
  eml: 'message/rfc822',
  txt: TEXT_PLAIN,
  text: TEXT_PLAIN,
  log: TEXT_PLAIN,
  md: 'text/markdown; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  tsv: 'text/tab-separated-values; charset=utf-8',
  json: 'application/json',
  xml: 'application/xml',
  html: 'text/html; charset=utf-8',
  htm: 'text/html; charset=utf-8',
};

function extensionOf(fileName: string): string {
  return path.extname(fileName).slice(1).toLowerCase();
}

/** The media type a file name's extension suggests, or null. */
export function mediaTypeFromExtension(fileName: string): string | null {
  const ext = extensionOf(fileName);
  return Object.hasOwn(BY_EXTENSION, ext) ? BY_EXTENSION[ext]! : null;
}

function ascii(head: Buffer, start: number, end: number): string {
  return head.subarray(start, Math.min(end, head.length)).toString('latin1');
}

function startsWith(head: Buffer, bytes: readonly number[], at = 0): boolean {
  if (head.length < at + bytes.length) return false;
  return bytes.every((b, i) => head[at + i] === b);
}

/** ISO base media files (MP4, QuickTime, HEIC, 3GP): `....ftyp<brand>`. */
function isoMediaType(head: Buffer): string | null {
  if (head.length < 12 || ascii(head, 4, 8) !== 'ftyp') return null;
  const brand = ascii(head, 8, 12);
  if (brand === 'qt  ') return 'video/quicktime';
  if (brand === 'heic' || brand === 'heix' || brand === 'heim' || brand === 'heis') return 'image/heic';
  if (brand === 'mif1' || brand === 'msf1') return 'image/heif';
  if (brand === 'avif' || brand === 'avis') return 'image/avif';
  if (brand === 'M4A ' || brand === 'M4B ') return 'audio/mp4';
  if (brand.startsWith('3gp') || brand.startsWith('3g2')) return 'video/3gpp';
  return 'video/mp4';
}

/** ZIP containers: OpenDocument names its type in a first `mimetype` entry; OOXML by its folders. */
function zipMediaType(head: Buffer, fileName: string): string {
  // Local file header: name length at 26, extra length at 28, name at 30.
  if (head.length >= 30) {
    const nameLen = head.readUInt16LE(26);
    const extraLen = head.readUInt16LE(28);
    const name = ascii(head, 30, 30 + nameLen);
    if (name === 'mimetype') {
      const start = 30 + nameLen + extraLen;
      const m = /^application\/vnd\.oasis\.opendocument\.[a-z.-]+/.exec(ascii(head, start, start + 80));
      if (m) return m[0];
    }
  }
  const text = head.toString('latin1');
  if (text.includes('word/')) return DOCX;
  if (text.includes('xl/')) return XLSX;
  if (text.includes('ppt/')) return PPTX;
  const byExt = mediaTypeFromExtension(fileName);
  const zipLike = new Set([DOCX, XLSX, PPTX, BY_EXTENSION.odt, BY_EXTENSION.ods, BY_EXTENSION.odp]);
  return byExt && zipLike.has(byExt) ? byExt : 'application/zip';
}

/**
 * True when `head` is UTF-8 text: no NUL, no C0 control other than tab, newlines, form feed and
 * escape, and valid UTF-8 — a multi-byte sequence cut off by the end of the head is allowed
 * when the head is only the beginning of a longer file.
 */
export function looksLikeUtf8Text(head: Buffer, complete: boolean): boolean {
  let i = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  while (i < head.length) {
    const b = head[i]!;
    if (b < 0x80) {
      if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) return false;
      if (b === 0x7f) return false;
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else {
      return false;
    }
    if (i + need >= head.length) {
      // The sequence runs past the end of what we have: fine only if the file goes on.
      if (complete) return false;
      for (let k = i + 1; k < head.length; k++) if ((head[k]! & 0xc0) !== 0x80) return false;
      return true;
    }
    let cp = b & (0xff >> (need + 2));
    for (let k = 1; k <= need; k++) {
      const c = head[i + k]!;
      if ((c & 0xc0) !== 0x80) return false;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return false;
    i += need + 1;
  }
  return true;
}

/** The media type from the first bytes alone, or null when they say nothing we know. */
export function sniffMediaType(head: Buffer, fileName: string, complete: boolean): string | null {
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (ascii(head, 0, 6) === 'GIF87a' || ascii(head, 0, 6) === 'GIF89a') return 'image/gif';
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WEBP') return 'image/webp';
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WAVE') return 'audio/wav';
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'AVI ') return 'video/x-msvideo';
  if (startsWith(head, [0x49, 0x49, 0x2a, 0x00]) || startsWith(head, [0x4d, 0x4d, 0x00, 0x2a])) return 'image/tiff';
  if (ascii(head, 0, 2) === 'BM' && head.length >= 26 && head.readUInt32LE(2) > 26 && head[6] === 0 && head[7] === 0)
    return 'image/bmp';
  if (ascii(head, 0, 5) === '%PDF-') return 'application/pdf';
  const iso = isoMediaType(head);
  if (iso) return iso;
  if (startsWith(head, [0x1a, 0x45, 0xdf, 0xa3]))
    return head.toString('latin1').includes('webm') ? 'video/webm' : 'video/x-matroska';
  if (ascii(head, 0, 4) === 'OggS') return head.toString('latin1').includes('\x80theora') ? 'video/ogg' : 'audio/ogg';
  if (ascii(head, 0, 4) === 'fLaC') return 'audio/flac';
  if (ascii(head, 0, 6) === '#!AMR\n') return 'audio/amr';
  if (ascii(head, 0, 3) === 'ID3') return 'audio/mpeg';
  // An MPEG audio frame: 11 sync bits, a valid version, layer III, a valid bitrate and rate.
  if (
    head.length >= 4 &&
    head[0] === 0xff &&
    (head[1]! & 0xe0) === 0xe0 &&
    (head[1]! & 0x18) !== 0x08 &&
    (head[1]! & 0x06) === 0x02 &&
    (head[2]! & 0xf0) !== 0xf0 &&
    (head[2]! & 0x0c) !== 0x0c
  ) {
    return 'audio/mpeg';
  }
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return zipMediaType(head, fileName);
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    const byExt = mediaTypeFromExtension(fileName);
    return byExt === BY_EXTENSION.doc || byExt === BY_EXTENSION.xls || byExt === BY_EXTENSION.ppt
      ? byExt
      : 'application/x-ole-storage';
  }
  if (ascii(head, 0, 5) === '{\\rtf') return 'application/rtf';
  if (head.length > 0 && looksLikeUtf8Text(head, complete)) {
    const byExt = mediaTypeFromExtension(fileName);
    return byExt &&
      (byExt.startsWith('text/') ||
        byExt === 'application/json' ||
        byExt === 'application/xml' ||
        byExt === 'message/rfc822')
      ? byExt
      : TEXT_PLAIN;
  }
  return null;
}

/**
 * The media type of a file: from its first bytes, then its extension, else octet-stream.
 * `complete` is true when `head` is the whole file (it was shorter than HEAD_BYTES).
 */
export function detectMediaType(head: Buffer, fileName: string, complete: boolean): string {
  return sniffMediaType(head, fileName, complete) ?? mediaTypeFromExtension(fileName) ?? OCTET_STREAM;
}
