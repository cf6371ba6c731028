import type { ExtractedText } from './extracted-text';
import { plural } from './format-figures';

function wordCount(text: string): number {
  return text.split(/\s+/).filter((word) => word !== '').length;
}

/** At most `maxChars` characters, cut at the last word boundary when there is one in the second half. */
function opening(text: string, maxChars: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= maxChars) return flat;
  const cut = flat.slice(0, maxChars + 1);
  const boundary = cut.lastIndexOf(' ');
  const head = boundary >= maxChars / 2 ? cut.slice(0, boundary) : cut.slice(0, maxChars);
  return `${head.replace(/[\s,;:.\-–—]+$/, '')}…`;
}

/** The opening of the text and "12 pages · 4,210 words", so the employee can confirm it is the right file. */
export function previewOf(extracted: ExtractedText, maxChars = 300): string {
  const figures = [
    ...(extracted.pages === null ? [] : [plural(extracted.pages, 'page')]),
    plural(wordCount(extracted.text), 'word'),
  ];
  return `${opening(extracted.text, maxChars)}\n${figures.join(' · ')}`;
}
