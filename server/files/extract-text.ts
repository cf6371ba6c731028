import { decodeText } from './decode-text';
import { extractDocx } from './extract-docx';
import { extractPdf } from './extract-pdf';
import type { AttachedFile, ExtractedText, ExtractionLimits, FileKind } from './extracted-text';
import { FileExtractionError } from './file-extraction-error';
import { fileKindOf } from './file-kind';
import { formatCount, formatSize } from './format-figures';
import { normaliseText } from './normalise-text';

export const DEFAULT_LIMITS: Required<ExtractionLimits> = {
  maxBytes: 10 * 1024 * 1024,
  maxPages: 200,
  maxChars: 200_000,
};

type RawText = { text: string; pages: number | null };

async function rawText(file: AttachedFile, kind: FileKind, maxPages: number): Promise<RawText> {
  switch (kind) {
    case 'docx':
      return { text: await extractDocx(file.name, file.bytes), pages: null };
    case 'pdf':
      return extractPdf(file.name, file.bytes, maxPages);
    case 'txt':
    case 'md':
    case 'csv':
      return { text: decodeText(file.name, file.bytes), pages: null };
  }
}

function emptyMessage(name: string, kind: FileKind): string {
  if (kind === 'pdf') {
    return `${name} has no text we can read: it looks like a scanned image without a text layer. Run text recognition (OCR) on it first, or paste the text instead.`;
  }
  return `${name} has no text in it. Check it is the right file, or paste the text instead.`;
}

function checkSize(name: string, bytes: Uint8Array, maxBytes: number): void {
  if (bytes.byteLength > maxBytes) {
    throw new FileExtractionError(
      'too_large',
      `${name} is ${formatSize(bytes.byteLength)}; the limit is ${formatSize(maxBytes)}. Attach a smaller file, or paste the part you need.`,
    );
  }
}

function checkLength(name: string, text: string, maxChars: number): void {
  if (text.length > maxChars) {
    throw new FileExtractionError(
      'too_long',
      `${name} has ${formatCount(text.length)} characters of text; the limit is ${formatCount(maxChars)}. Attach a shorter file, or paste the part you need.`,
    );
  }
}

/**
 * The text of a file an employee attached (.txt, .md, .csv, .docx or .pdf), whitespace normalised.
 * Throws FileExtractionError, with a message for the employee, when the file cannot be used.
 */
export async function extractText(file: AttachedFile, limits: ExtractionLimits = {}): Promise<ExtractedText> {
  const maxBytes = limits.maxBytes ?? DEFAULT_LIMITS.maxBytes;
  const maxPages = limits.maxPages ?? DEFAULT_LIMITS.maxPages;
  const maxChars = limits.maxChars ?? DEFAULT_LIMITS.maxChars;
  const kind = fileKindOf(file.name, file.contentType);
  checkSize(file.name, file.bytes, maxBytes);
  if (file.bytes.byteLength === 0) {
    throw new FileExtractionError(
      'empty',
      `${file.name} is empty. Check it is the right file, or paste the text instead.`,
    );
  }
  const raw = await rawText(file, kind, maxPages);
  const text = normaliseText(raw.text);
  if (text === '') throw new FileExtractionError('empty', emptyMessage(file.name, kind));
  checkLength(file.name, text, maxChars);
  return { kind, text, pages: raw.pages, truncated: false };
}
