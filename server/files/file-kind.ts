import { FileExtractionError } from './file-extraction-error';
import { type FileKind, SUPPORTED_KINDS } from './extracted-text';

const KIND_BY_CONTENT_TYPE: Readonly<Record<string, FileKind>> = {
  'text/plain': 'txt',
  'text/markdown': 'md',
  'text/x-markdown': 'md',
  'text/csv': 'csv',
  'application/csv': 'csv',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/pdf': 'pdf',
};

const KIND_BY_EXTENSION: Readonly<Record<string, FileKind>> = {
  txt: 'txt',
  text: 'txt',
  md: 'md',
  markdown: 'md',
  csv: 'csv',
  docx: 'docx',
  pdf: 'pdf',
};

const SUPPORTED_LIST = '.txt, .md, .csv, .docx or .pdf';

export function extensionOf(name: string): string | null {
  const match = /\.([^./\\]+)$/.exec(name.trim());
  return match?.[1] ? match[1].toLowerCase() : null;
}

function kindOfContentType(contentType: string | null | undefined): FileKind | null {
  const essence = contentType?.split(';')[0]?.trim().toLowerCase();
  return essence ? (KIND_BY_CONTENT_TYPE[essence] ?? null) : null;
}

/** The kind of an attached file: by its extension (any case), else by its content type. */
export function fileKindOf(name: string, contentType?: string | null): FileKind {
  const extension = extensionOf(name);
  const kind = (extension ? KIND_BY_EXTENSION[extension] : undefined) ?? kindOfContentType(contentType);
  if (kind && SUPPORTED_KINDS.includes(kind)) return kind;
  const what = extension ? `.${extension} files are` : `${name || 'That file'} is of a type that is`;
  throw new FileExtractionError(
    'unsupported_type',
    `${what} not supported yet: attach ${SUPPORTED_LIST}, or paste the text.`,
  );
}
