import { describe, expect, it } from 'vitest';
import {
  detectMediaType,
  looksLikeUtf8Text,
  mediaTypeFromExtension,
} from '../../../src-main/engine/evidence/media-type.js';

const b = (...parts: Array<string | number[]>) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

function zipWithFirstEntry(name: string, content: string): Buffer {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(Buffer.byteLength(name), 26);
  header.writeUInt16LE(0, 28);
  return Buffer.concat([header, Buffer.from(name), Buffer.from(content), Buffer.alloc(64, 0)]);
}

describe('media type detection', () => {
  it.each([
    ['png', b([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], [0, 0, 0, 13]), 'x.bin', 'image/png'],
    ['jpeg', b([0xff, 0xd8, 0xff, 0xe1, 0, 0]), 'x.bin', 'image/jpeg'],
    ['gif', b('GIF89a', [1, 0, 1, 0]), 'x.bin', 'image/gif'],
    ['webp', b('RIFF', [0, 0, 0, 0], 'WEBPVP8 '), 'x.bin', 'image/webp'],
    ['wav', b('RIFF', [0, 0, 0, 0], 'WAVEfmt '), 'x.bin', 'audio/wav'],
    ['pdf', b('%PDF-1.7\n'), 'x.bin', 'application/pdf'],
    ['mp4', b([0, 0, 0, 0x20], 'ftypisom', [0, 0, 2, 0]), 'x.bin', 'video/mp4'],
    ['quicktime', b([0, 0, 0, 0x14], 'ftypqt  ', [0, 0, 0, 0]), 'x.bin', 'video/quicktime'],
    ['heic', b([0, 0, 0, 0x18], 'ftypheic', [0, 0, 0, 0]), 'x.bin', 'image/heic'],
    ['webm', b([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01], 'B\x82\x84webm'), 'x.bin', 'video/webm'],
    [
      'matroska',
      b([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01], 'B\x82\x88matroska'),
      'x.bin',
      'video/x-matroska',
    ],
    ['mp3 with ID3', b('ID3', [4, 0, 0, 0, 0, 0, 0]), 'x.bin', 'audio/mpeg'],
    ['mp3 frame', b([0xff, 0xfb, 0x90, 0x64, 0, 0]), 'x.bin', 'audio/mpeg'],
    ['ogg', b('OggS', [0, 2, 0, 0, 0, 0, 0, 0, 0, 0], '\x01vorbis'), 'x.bin', 'audio/ogg'],
    ['tiff', b([0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0]), 'x.bin', 'image/tiff'],
    [
      'odt',
      zipWithFirstEntry('mimetype', 'application/vnd.oasis.opendocument.text'),
      'x.bin',
      'application/vnd.oasis.opendocument.text',
    ],
    [
      'docx',
      zipWithFirstEntry('[Content_Types].xml', '<Types/>word/document.xml'),
      'x.bin',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ],
    [
      'docx told by its name',
      zipWithFirstEntry('[Content_Types].xml', '<Types/>'),
      'letter.docx',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ],
    ['plain zip', zipWithFirstEntry('a.txt', 'hello'), 'archive.bin', 'application/zip'],
    ['utf-8 text', Buffer.from('Témoignage — مرحبا — 証言\n'), 'statement', 'text/plain; charset=utf-8'],
    ['csv by its name', Buffer.from('a,b\n1,2\n'), 'table.CSV', 'text/csv; charset=utf-8'],
    ['text misnamed .pdf', Buffer.from('just words'), 'fake.pdf', 'text/plain; charset=utf-8'],
    ['png misnamed .pdf', b([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 'photo.pdf', 'image/png'],
    ['binary by extension', b([0, 1, 2, 3, 0xfe]), 'clip.mkv', 'video/x-matroska'],
    ['unknown binary', b([0, 1, 2, 3, 0xfe]), 'blob', 'application/octet-stream'],
    ['empty file, by extension', Buffer.alloc(0), 'empty.pdf', 'application/pdf'],
    ['empty file, no extension', Buffer.alloc(0), 'empty', 'application/octet-stream'],
  ])('%s', (_name, head, fileName, expected) => {
    expect(detectMediaType(head, fileName, true)).toBe(expected);
  });

  it('UTF-8: a sequence cut by the end of the head is fine only if the file goes on', () => {
    const euro = Buffer.from('price: €');
    const cut = euro.subarray(0, euro.length - 1);
    expect(looksLikeUtf8Text(cut, false)).toBe(true);
    expect(looksLikeUtf8Text(cut, true)).toBe(false);
    expect(looksLikeUtf8Text(Buffer.from([0x61, 0xc0, 0x80]), false)).toBe(false); // overlong
    expect(looksLikeUtf8Text(Buffer.from([0x61, 0xed, 0xa0, 0x80]), true)).toBe(false); // surrogate
    expect(looksLikeUtf8Text(Buffer.from('a\0b'), true)).toBe(false);
    expect(looksLikeUtf8Text(Buffer.from('\ufefftab\tand\r\nlines'), true)).toBe(true);
  });

  it('extension lookup ignores case and unknown or inherited names', () => {
    expect(mediaTypeFromExtension('A.JPG')).toBe('image/jpeg');
    expect(mediaTypeFromExtension('x.constructor')).toBeNull();
    expect(mediaTypeFromExtension('noext')).toBeNull();
  });
});
