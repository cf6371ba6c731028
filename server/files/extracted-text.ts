export type FileKind = 'txt' | 'md' | 'csv' | 'docx' | 'pdf';

export const SUPPORTED_KINDS: readonly FileKind[] = ['txt', 'md', 'csv', 'docx', 'pdf'];

/** The text of one attached file, ready to use as material. `pages` is known for PDFs only. */
export type ExtractedText = {
  kind: FileKind;
  text: string;
  pages: number | null;
  truncated: false;
};

export type AttachedFile = { name: string; contentType?: string | null; bytes: Uint8Array };

export type ExtractionLimits = { maxBytes?: number; maxPages?: number; maxChars?: number };
