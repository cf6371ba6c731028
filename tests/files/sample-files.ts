import { randomBytes } from 'node:crypto';
import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import PDFDocument from 'pdfkit';

/** Real sample files, made by the libraries that write them, so nothing binary is committed. */

export type PdfOptions = { userPassword?: string; ownerPassword?: string };

/** A PDF with one page per entry; an empty string makes a page with a drawing and no text layer. */
export function pdfWithPages(pages: readonly string[], options: PdfOptions = {}): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const document = new PDFDocument({ autoFirstPage: false, ...options });
    const chunks: Buffer[] = [];
    document.on('data', (chunk: Buffer) => chunks.push(chunk));
    document.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    document.on('error', reject);
    for (const text of pages) {
      document.addPage();
      if (text === '') document.rect(72, 72, 200, 300).fill('#888888');
      else document.fontSize(12).text(text);
    }
    document.end();
  });
}

/** A Word document with one paragraph per entry; a heading first when given. */
export function docxWith(paragraphs: readonly string[], heading?: string): Promise<Uint8Array> {
  const children = [
    ...(heading ? [new Paragraph({ text: heading, heading: HeadingLevel.HEADING_1 })] : []),
    ...paragraphs.map((text) => new Paragraph({ text })),
  ];
  const document = new Document({ sections: [{ children }] });
  return Packer.toBuffer(document).then((buffer) => new Uint8Array(buffer));
}

export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

export function randomFileBytes(length: number): Uint8Array {
  return new Uint8Array(randomBytes(length));
}
