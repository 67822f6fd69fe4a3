import type { FieldError } from '../errors.js';
import type { ComplaintFile } from '../tryton/complaint.mapper.js';

/**
 * The files of a complaint, checked before they travel to Tryton, which checks them again
 * (complaint.py of portal_api has the last word): at most 5, each 10 MB at most, and only
 * PDF, images (PNG, JPEG, GIF, WebP) or plain UTF-8 text, recognised by their first bytes,
 * with a name that agrees. SVG is refused: it is a document that runs scripts.
 */
export const MAX_FILES = 5;
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
const MAX_NAME = 200;

type Kind = 'pdf' | 'png' | 'jpeg' | 'gif' | 'webp' | 'text';

const EXTENSIONS: Record<Kind, string[]> = {
  pdf: ['.pdf'],
  png: ['.png'],
  jpeg: ['.jpg', '.jpeg'],
  gif: ['.gif'],
  webp: ['.webp'],
  text: ['.txt', '.text', '.log', '.csv'],
};

function startsWith(bytes: Uint8Array, prefix: number[], at = 0): boolean {
  return prefix.every((byte, i) => bytes[at + i] === byte);
}

const TEXT_CONTROLS = new Set(
  Array.from({ length: 32 }, (_, code) => code).filter((code) => ![9, 10, 12, 13].includes(code)),
);

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/** What the content is, by its magic bytes; null when it is none of the allowed kinds. */
export function sniff(bytes: Uint8Array): Kind | null {
  if (startsWith(bytes, ascii('%PDF-'))) return 'pdf';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'gif';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'webp';
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
  // Control characters but tab, new lines and form feed: not a plain text.
  if ([...text].some((c) => TEXT_CONTROLS.has(c.charCodeAt(0)))) return null;
  if (text.slice(0, 1024).toLowerCase().includes('<svg')) return null;
  return 'text';
}

/** The file's own name, without folders; null when none is left or it is too long. */
function baseName(name: string): string | null {
  const base = (name.replaceAll('\\', '/').split('/').at(-1) ?? '').trim();
  if (!base || base.length > MAX_NAME || [...base].some((c) => c.charCodeAt(0) < 32)) return null;
  return base;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Decodes and checks the files; field errors (`files.<i>`) for those refused. */
export function checkFiles(files: { name: string; contentBase64: string }[]): {
  files: ComplaintFile[];
  errors: FieldError[];
} {
  if (files.length > MAX_FILES)
    return {
      files: [],
      errors: [
        { field: 'files', code: 'TOO_MANY_FILES', message: `Attach ${MAX_FILES} files at most.` },
      ],
    };
  const kept: ComplaintFile[] = [];
  const errors: FieldError[] = [];
  files.forEach((file, index) => {
    const field = `files.${index}`;
    const name = baseName(file.name);
    if (!name) {
      errors.push({
        field,
        code: 'FILE_NAME',
        message: `Each file needs a name of ${MAX_NAME} characters at most.`,
      });
      return;
    }
    const encoded = file.contentBase64.replace(/\s+/g, '');
    // Decoding what is surely too large would cost memory for nothing.
    if (encoded.length > Math.ceil(MAX_FILE_BYTES / 3) * 4) {
      errors.push({
        field,
        code: 'FILE_TOO_LARGE',
        message: `The file ${name} is larger than 10 MB.`,
      });
      return;
    }
    if (!BASE64.test(encoded)) {
      errors.push({ field, code: 'INVALID', message: `The file ${name} is not base64.` });
      return;
    }
    const content = new Uint8Array(Buffer.from(encoded, 'base64'));
    if (content.length === 0) {
      errors.push({ field, code: 'FILE_EMPTY', message: `The file ${name} is empty.` });
    } else if (content.length > MAX_FILE_BYTES) {
      errors.push({
        field,
        code: 'FILE_TOO_LARGE',
        message: `The file ${name} is larger than 10 MB.`,
      });
    } else {
      const kind = sniff(content);
      if (!kind || !EXTENSIONS[kind].some((ext) => name.toLowerCase().endsWith(ext))) {
        errors.push({
          field,
          code: 'FILE_TYPE_NOT_ALLOWED',
          message: `The file ${name} is not a PDF, an image (PNG, JPEG, GIF, WebP) or plain text.`,
        });
      } else {
        kept.push({ name, content });
      }
    }
  });
  return { files: kept, errors };
}
