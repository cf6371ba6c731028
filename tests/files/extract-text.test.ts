import { PDFParse } from 'pdf-parse';
import { extractText, FileExtractionError, type FileExtractionErrorCode } from '../../server/files';
import { docxWith, pdfWithPages, randomFileBytes, utf8 } from './sample-files';

const MB = 1024 * 1024;

async function failureOf(promise: Promise<unknown>): Promise<FileExtractionError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof FileExtractionError) return error;
    throw error;
  }
  throw new Error('expected a FileExtractionError');
}

function expectFailure(
  error: FileExtractionError,
  code: FileExtractionErrorCode,
  ...mentions: string[]
): void {
  expect(error.code).toBe(code);
  for (const mention of mentions) expect(error.message).toContain(mention);
}

describe('extractText: text files', () => {
  it('reads a .txt file and normalises its whitespace', async () => {
    const bytes = utf8('  First line.   \r\n\r\n\r\n\r\nSecond line.\t\r\n\n\n');

    const extracted = await extractText({ name: 'notes.txt', bytes });

    expect(extracted).toEqual({
      kind: 'txt',
      text: 'First line.\n\nSecond line.',
      pages: null,
      truncated: false,
    });
  });

  it('drops a UTF-8 byte-order mark', async () => {
    const bytes = utf8('\uFEFF# Meeting notes\n\nWe agreed to ship on Friday.');

    const extracted = await extractText({ name: 'Notes.MD', bytes });

    expect(extracted.kind).toBe('md');
    expect(extracted.text).toBe('# Meeting notes\n\nWe agreed to ship on Friday.');
  });

  it('reads a .csv file as it is', async () => {
    const bytes = utf8('region,revenue\nNorth,1200\nSouth,950\n');

    const extracted = await extractText({ name: 'sales.csv', bytes });

    expect(extracted).toEqual({
      kind: 'csv',
      text: 'region,revenue\nNorth,1200\nSouth,950',
      pages: null,
      truncated: false,
    });
  });

  it('reads UTF-16 with a byte-order mark and Windows-1252 CSVs from Excel', async () => {
    const utf16 = new Uint8Array(Buffer.from('\uFEFFCafé prices rose.', 'utf16le'));
    const latin = new Uint8Array(Buffer.from('name;city\nRené;Málaga\n', 'latin1'));

    expect((await extractText({ name: 'unicode.txt', bytes: utf16 })).text).toBe('Café prices rose.');
    expect((await extractText({ name: 'export.csv', bytes: latin })).text).toBe('name;city\nRené;Málaga');
  });

  it('falls back to the content type when the name has no known extension', async () => {
    const bytes = utf8('Plain words.');

    const extracted = await extractText({
      name: 'notes',
      contentType: 'text/markdown; charset=utf-8',
      bytes,
    });

    expect(extracted.kind).toBe('md');
  });

  it('refuses binary content in a text file as corrupt', async () => {
    const bytes = new Uint8Array([...utf8('header'), 0, 0, 0, 1, 2, 3]);

    expectFailure(await failureOf(extractText({ name: 'data.txt', bytes })), 'corrupt', 'data.txt');
  });

  it('refuses an empty file and a file of only blank lines', async () => {
    const empty = await failureOf(extractText({ name: 'empty.txt', bytes: new Uint8Array(0) }));
    const blank = await failureOf(extractText({ name: 'blank.md', bytes: utf8(' \n\r\n\t\n') }));

    expectFailure(empty, 'empty', 'empty.txt');
    expectFailure(blank, 'empty', 'blank.md');
  });
});

describe('extractText: Word documents', () => {
  it('extracts the paragraphs of a .docx', async () => {
    const bytes = await docxWith(
      ['The pilot cut handling time by a third.', '', '', 'Next we roll it out to the Lyon office.'],
      'Pilot review',
    );

    const extracted = await extractText({ name: 'Pilot review.DOCX', bytes });

    expect(extracted.kind).toBe('docx');
    expect(extracted.pages).toBeNull();
    expect(extracted.text).toContain('Pilot review');
    expect(extracted.text).toContain('The pilot cut handling time by a third.');
    expect(extracted.text).toContain('Next we roll it out to the Lyon office.');
    expect(extracted.text).not.toMatch(/\n{3,}/);
  });

  it('refuses random bytes named .docx as corrupt', async () => {
    const error = await failureOf(extractText({ name: 'broken.docx', bytes: randomFileBytes(4096) }));

    expectFailure(error, 'corrupt', 'broken.docx');
    expect(error.cause).toBeDefined();
  });
});

describe('extractText: PDFs', () => {
  const sentences = [
    'Our first quarter revenue was 4.2 million euros.',
    'Customer churn fell to three percent.',
    'We will hire two analysts in May.',
  ];

  it('extracts the text of every page and counts the pages', async () => {
    const bytes = await pdfWithPages(sentences);

    const extracted = await extractText({ name: 'quarterly.pdf', contentType: 'application/pdf', bytes });

    expect(extracted.kind).toBe('pdf');
    expect(extracted.pages).toBe(3);
    const positions = sentences.map((sentence) => extracted.text.indexOf(sentence));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(extracted.text).not.toContain('-- 1 of 3 --');
  });

  it('finds a PDF by its content type when the name has no extension', async () => {
    const bytes = await pdfWithPages([sentences[0] ?? '']);

    const extracted = await extractText({ name: 'download', contentType: 'application/pdf', bytes });

    expect(extracted.text).toContain(sentences[0]);
  });

  it('reads a PDF that has permissions but no password to open it', async () => {
    const bytes = await pdfWithPages([sentences[1] ?? ''], { ownerPassword: 'owner-only' });

    expect((await extractText({ name: 'restricted.pdf', bytes })).text).toContain(sentences[1]);
  });

  it('refuses a password-protected PDF as encrypted', async () => {
    const bytes = await pdfWithPages(sentences, { userPassword: 'secret' });

    const error = await failureOf(extractText({ name: 'quarterly.pdf', bytes }));

    expectFailure(error, 'encrypted', 'quarterly.pdf is protected by a password');
  });

  it('refuses a PDF with more pages than the limit before extracting any text', async () => {
    const bytes = await pdfWithPages(['one', 'two', 'three', 'four', 'five']);
    const getText = jest.spyOn(PDFParse.prototype, 'getText');

    const error = await failureOf(extractText({ name: 'handbook.pdf', bytes }, { maxPages: 3 }));

    expectFailure(error, 'too_many_pages', 'handbook.pdf', '5 pages', '3 pages');
    expect(getText).not.toHaveBeenCalled();
    getText.mockRestore();
  });

  it('refuses a truncated PDF as corrupt', async () => {
    const whole = await pdfWithPages(sentences);

    const error = await failureOf(extractText({ name: 'cut.pdf', bytes: whole.slice(0, whole.length / 2) }));

    expectFailure(error, 'corrupt', 'cut.pdf');
  });

  it('does not blame the file when pdf.js itself fails', async () => {
    const bytes = await pdfWithPages(sentences);
    const fault = new Error('Setting up fake worker failed');
    const getInfo = jest.spyOn(PDFParse.prototype, 'getInfo').mockRejectedValue(fault);

    await expect(extractText({ name: 'quarterly.pdf', bytes })).rejects.toBe(fault);
    getInfo.mockRestore();
  });

  it('explains that a PDF without a text layer looks scanned', async () => {
    const bytes = await pdfWithPages(['', '']);

    const error = await failureOf(extractText({ name: 'scan.pdf', bytes }));

    expectFailure(error, 'empty', 'scan.pdf', 'scanned', 'OCR');
  });
});

describe('extractText: limits and types', () => {
  it('refuses a type it does not read, naming the extension and what it does read', async () => {
    const error = await failureOf(
      extractText({
        name: 'Budget.XLSX',
        contentType: 'application/octet-stream',
        bytes: randomFileBytes(64),
      }),
    );

    expectFailure(error, 'unsupported_type', '.xlsx files are not supported yet', '.docx', '.pdf');
  });

  it('checks the size before parsing, with the default limit of 10 MB', async () => {
    const bytes = new Uint8Array(Math.round(14.2 * MB));

    const error = await failureOf(extractText({ name: 'quarterly.pdf', bytes }));

    expectFailure(error, 'too_large', 'quarterly.pdf is 14.2 MB; the limit is 10 MB.');
  });

  it('applies a smaller size limit', async () => {
    const bytes = utf8('x'.repeat(3 * 1024));

    const error = await failureOf(extractText({ name: 'log.txt', bytes }, { maxBytes: 2 * 1024 }));

    expectFailure(error, 'too_large', 'log.txt is 3 KB', 'the limit is 2 KB');
  });

  it('refuses text longer than the limit, saying how long it is', async () => {
    const bytes = utf8('word '.repeat(50_000));

    const error = await failureOf(extractText({ name: 'transcript.txt', bytes }));

    expectFailure(error, 'too_long', 'transcript.txt has 249,999 characters', 'the limit is 200,000');
  });

  it('accepts text exactly at a smaller character limit', async () => {
    const extracted = await extractText({ name: 'short.txt', bytes: utf8('abcde') }, { maxChars: 5 });

    expect(extracted.text).toBe('abcde');
  });
});
