import { describe, expect, it } from 'vitest';
import { checkFiles, MAX_FILE_BYTES, sniff } from './complaint-files.js';

const b64 = (bytes: Uint8Array | string) =>
  Buffer.from(typeof bytes === 'string' ? bytes : bytes).toString('base64');
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

describe('complaint files', () => {
  it('knows PDF, images and UTF-8 text by their first bytes', () => {
    expect(sniff(new TextEncoder().encode('%PDF-1.7\n'))).toBe('pdf');
    expect(sniff(PNG)).toBe('png');
    expect(sniff(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe('jpeg');
    expect(sniff(new TextEncoder().encode('GIF89a...'))).toBe('gif');
    expect(sniff(new TextEncoder().encode('RIFF\0\0\0\0WEBPVP8 '))).toBe('webp');
    expect(sniff(new TextEncoder().encode('Livré le 12, carton abîmé.\n'))).toBe('text');
    expect(sniff(new Uint8Array([0x4d, 0x5a, 0x90, 0]))).toBeNull();
    expect(sniff(new TextEncoder().encode('<svg onload="x()"/>'))).toBeNull();
    expect(sniff(new Uint8Array([0x63, 0x61, 0x66, 0xe9]))).toBeNull();
  });

  it('keeps allowed files with their base name, and gives a field error for each refused one', () => {
    const { files, errors } = checkFiles([
      { name: 'C:\\Photos\\carton.png', contentBase64: b64(PNG) },
      { name: 'note.txt', contentBase64: b64('ok') },
      { name: 'photo.exe', contentBase64: b64(PNG) },
      { name: 'run.pdf', contentBase64: b64(new Uint8Array([0x4d, 0x5a, 0x90, 0])) },
      { name: 'empty.txt', contentBase64: '' },
    ]);
    expect(files.map((f) => f.name)).toEqual(['carton.png', 'note.txt']);
    expect(errors.map((e) => [e.field, e.code])).toEqual([
      ['files.2', 'FILE_TYPE_NOT_ALLOWED'],
      ['files.3', 'FILE_TYPE_NOT_ALLOWED'],
      ['files.4', 'FILE_EMPTY'],
    ]);
  });

  it('refuses a file over 10 MB, not one of exactly 10 MB, and more than 5 files', () => {
    const exactly = new Uint8Array(MAX_FILE_BYTES).fill(0x61);
    const over = new Uint8Array(MAX_FILE_BYTES + 1).fill(0x61);
    expect(checkFiles([{ name: 'a.txt', contentBase64: b64(exactly) }]).errors).toEqual([]);
    expect(checkFiles([{ name: 'a.txt', contentBase64: b64(over) }]).errors[0]?.code).toBe(
      'FILE_TOO_LARGE',
    );
    const six = Array.from({ length: 6 }, (_, i) => ({
      name: `${i}.txt`,
      contentBase64: b64('a'),
    }));
    expect(checkFiles(six).errors.map((e) => [e.field, e.code])).toEqual([
      ['files', 'TOO_MANY_FILES'],
    ]);
  });
});
