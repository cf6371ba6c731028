import { previewOf, type ExtractedText } from '../../server/files';

function extracted(text: string, pages: number | null): ExtractedText {
  return { kind: pages === null ? 'txt' : 'pdf', text, pages, truncated: false };
}

describe('previewOf', () => {
  it('shows short text whole, with the page and word counts', () => {
    expect(previewOf(extracted('Our revenue grew.\n\nChurn fell.', 1))).toBe(
      'Our revenue grew. Churn fell.\n1 page · 5 words',
    );
  });

  it('leaves out pages for files without them', () => {
    expect(previewOf(extracted('One two three.', null))).toBe('One two three.\n3 words');
  });

  it('cuts long text at a word boundary with an ellipsis', () => {
    const text = Array.from({ length: 4_210 }, (_, index) => `word${index}`).join(' ');

    const [opening, figures] = previewOf(extracted(text, 12)).split('\n');

    expect(figures).toBe('12 pages · 4,210 words');
    expect(opening?.endsWith('…')).toBe(true);
    expect(opening?.length).toBeLessThanOrEqual(301);
    expect(text.startsWith(`${opening?.slice(0, -1)} `)).toBe(true);
  });

  it('cuts a single very long word hard', () => {
    const [opening] = previewOf(extracted('x'.repeat(1_000), null), 50).split('\n');

    expect(opening).toBe(`${'x'.repeat(50)}…`);
  });
});
