/** docx is loaded on the first download, not at start-up (it is a large module that few requests need). */
const loadDocx = () => import('docx');
type Docx = Awaited<ReturnType<typeof loadDocx>>;
type Paragraph = InstanceType<Docx['Paragraph']>;
type TextRun = InstanceType<Docx['TextRun']>;

/** **bold** and *italic* runs of one line. */
function runs({ TextRun }: Docx, text: string): TextRun[] {
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

function paragraphFor(docx: Docx, line: string): Paragraph {
  const { HeadingLevel, Paragraph } = docx;
  const headings = [
    HeadingLevel.HEADING_1,
    HeadingLevel.HEADING_2,
    HeadingLevel.HEADING_3,
    HeadingLevel.HEADING_4,
  ] as const;
  const heading = /^(#{1,4})\s+(.*)$/.exec(line);
  if (heading?.[1] && heading[2] !== undefined) {
    return new Paragraph({ heading: headings[heading[1].length - 1], children: runs(docx, heading[2]) });
  }
  const bullet = /^\s*[-*•]\s+(.*)$/.exec(line);
  if (bullet?.[1] !== undefined)
    return new Paragraph({ bullet: { level: 0 }, children: runs(docx, bullet[1]) });
  const numbered = /^\s*\d+[.)]\s+(.*)$/.exec(line);
  if (numbered?.[1] !== undefined)
    return new Paragraph({ bullet: { level: 0 }, children: runs(docx, numbered[1]) });
  return new Paragraph({ children: runs(docx, line) });
}

/** A Word document from a deliverable's Markdown: headings, bullets, bold and italic; tables stay as text lines. */
export async function markdownToDocx(
  markdown: string,
  metadata: { title: string; creator: string },
): Promise<Buffer> {
  const docx = await loadDocx();
  const { Document, Packer, Paragraph } = docx;
  const paragraphs = markdown
    .replace(/\r\n/g, '\n')
    .split('\n')
    .filter((line, index, lines) => line.trim() !== '' || (index > 0 && lines[index - 1]?.trim() !== ''))
    .map((line) => (line.trim() === '' ? new Paragraph({}) : paragraphFor(docx, line)));
  const document = new Document({
    title: metadata.title,
    creator: metadata.creator,
    description: 'Deliverable produced with Practica',
    sections: [{ children: paragraphs }],
  });
  return Packer.toBuffer(document);
}
