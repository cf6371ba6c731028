import { FileExtractionError } from './file-extraction-error';
import { plural } from './format-figures';

export type PdfText = { text: string; pages: number };

const importPdfParse = () => import('pdf-parse');
type PdfParser = InstanceType<Awaited<ReturnType<typeof importPdfParse>>['PDFParse']>;
let pdfParse: ReturnType<typeof importPdfParse> | null = null;

/**
 * pdf-parse is loaded when the first PDF arrives, not at start-up: loading it installs core-js polyfills over
 * JSON.parse, Array.prototype.push, AbortSignal and more for the whole process, which slows every bot turn
 * (every query result and request body goes through the replaced JSON.parse).
 */
function loadPdfParse(): ReturnType<typeof importPdfParse> {
  pdfParse ??= importPdfParse();
  return pdfParse;
}

/** Names pdf.js gives the errors it raises about a document (as opposed to faults in our set-up). */
const DOCUMENT_ERRORS = new Set(['InvalidPDFException', 'FormatError', 'UnknownErrorException']);

function errorName(error: unknown): string | null {
  return error instanceof Error ? error.name : null;
}

/**
 * A document error becomes a FileExtractionError; anything else (the pdf.js worker failing to load, say)
 * is our fault, not the file's, and is thrown as it is so it is logged rather than blamed on the file.
 */
function failure(name: string, cause: unknown): unknown {
  const kind = errorName(cause);
  if (kind === 'PasswordException') {
    return new FileExtractionError(
      'encrypted',
      `${name} is protected by a password. Remove the password, or paste the text instead.`,
      { cause },
    );
  }
  if (kind === null || !DOCUMENT_ERRORS.has(kind)) return cause;
  return new FileExtractionError(
    'corrupt',
    `${name} could not be read as a PDF; it may be damaged or incomplete. Save or export it again, or paste the text instead.`,
    { cause },
  );
}

async function countPages(name: string, parser: PdfParser): Promise<number> {
  try {
    return (await parser.getInfo()).total;
  } catch (cause) {
    throw failure(name, cause);
  }
}

async function pageTexts(name: string, parser: PdfParser): Promise<string[]> {
  try {
    const result = await parser.getText({ pageJoiner: '' });
    return result.pages.map((page) => page.text);
  } catch (cause) {
    throw failure(name, cause);
  }
}

/** The text of a PDF's pages, refusing before any text is extracted when it has more than `maxPages`. */
export async function extractPdf(name: string, bytes: Uint8Array, maxPages: number): Promise<PdfText> {
  // pdf.js may take ownership of (detach) the buffer it is given, so it gets a copy.
  const { PDFParse } = await loadPdfParse();
  const parser = new PDFParse({ data: new Uint8Array(bytes), verbosity: 0 });
  try {
    const pages = await countPages(name, parser);
    if (pages > maxPages) {
      throw new FileExtractionError(
        'too_many_pages',
        `${name} has ${plural(pages, 'page')}; the limit is ${plural(maxPages, 'page')}. Attach the pages you need as a shorter PDF, or paste the text instead.`,
      );
    }
    return { text: (await pageTexts(name, parser)).join('\n\n'), pages };
  } finally {
    await parser.destroy().catch(() => undefined);
  }
}
