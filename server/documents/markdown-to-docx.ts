import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';

const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
] as const;

/** **bold** and *italic* runs of one line. */
function runs(text: string): TextRun[] {
  return text
    .split(/(\*\*[^*]+\*\*|\*[^*]+\*)/)
    .filter((part) => part !== '')
    .map((part) =>
      part.startsWith('**') && part.endsWith('**')
        ? new TextRun({ text: part.slice(2, -2), bold: true })
        : part.startsWith('*') && part.endsWith('*') && part.length > 2
          ? new TextRun({ text: part.slice(1, -1), italics: true })
          : new TextRun(part),
    );
}

function paragraphFor(line: string): Paragraph {
  const heading = /^(#{1,4})\s+(.*)$/.exec(line);
  if (heading?.[1] && heading[2] !== undefined) {
    return new Paragraph({ heading: HEADINGS[heading[1].length - 1], children: runs(heading[2]) });
  }
  const bullet = /^\s*[-*•]\s+(.*)$/.exec(line);
  if (bullet?.[1] !== undefined) return new Paragraph({ bullet: { level: 0 }, children: runs(bullet[1]) });
  const numbered = /^\s*\d+[.)]\s+(.*)$/.exec(line);
  if (numbered?.[1] !== undefined)
    return new Paragraph({ bullet: { level: 0 }, children: runs(numbered[1]) });
  return new Paragraph({ children: runs(line) });
}

/** A Word document from a deliverable's Markdown: headings, bullets, bold and italic; tables stay as text lines. */
export async function markdownToDocx(
  markdown: string,
  metadata: { title: string; creator: string },
): Promise<Buffer> {
  const paragraphs = markdown
    .replace(/\r\n/g, '\n')
    .split('\n')
    .filter((line, index, lines) => line.trim() !== '' || (index > 0 && lines[index - 1]?.trim() !== ''))
    .map((line) => (line.trim() === '' ? new Paragraph({}) : paragraphFor(line)));
  const document = new Document({
    title: metadata.title,
    creator: metadata.creator,
    description: 'Deliverable produced with Practica',
    sections: [{ children: paragraphs }],
  });
  return Packer.toBuffer(document);
}
