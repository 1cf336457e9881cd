/** The intake form's first guess of an evidence type, from the chosen file's name. */
import { describe, expect, test } from 'vitest';
import { evidenceTypeOfFile } from '../../src-renderer/features/evidence/evidence-format.js';

describe('evidenceTypeOfFile', () => {
  test.each([
    ['injuries.jpg', 'photo'],
    ['IMG_0042.JPEG', 'photo'],
    ['scan.png', 'photo'],
    ['hearing.mp3', 'audio'],
    ['voice-note.ogg', 'audio'],
    ['interview.mp4', 'video'],
    ['clip.webm', 'video'],
    ['report.pdf', 'document'],
    ['statement.txt', 'document'],
    ['no-extension', 'document'],
    ['.jpg', 'document'],
    ['archive.jpg.zip', 'document'],
  ])('%s → %s', (name, type) => {
    expect(evidenceTypeOfFile(name)).toBe(type);
  });
});
