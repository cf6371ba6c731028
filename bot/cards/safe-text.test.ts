import { safeCardText } from './safe-text';

describe('card text from authors, employees and the model', () => {
  it('keeps http(s) and mailto links working', () => {
    const text =
      'See [the ledger](https://erp.contoso.com/gl) or [ask](mailto:fin@contoso.com) <https://x.example>.';
    expect(safeCardText(text)).toBe(text);
  });

  it.each([
    [
      '[Open the memo](javascript:alert(document.cookie))',
      'Open the memo (javascript:alert(document.cookie)',
    ],
    ['[x](JavaScript:alert(1))', 'x (JavaScript:alert(1)'],
    ['![pixel](data:image/png;base64,AAAA)', 'pixel (data:image/png;base64,AAAA)'],
    ['[file](file:///etc/passwd)', 'file (file:///etc/passwd)'],
    ['<javascript:alert(1)>', 'javascript:alert(1)'],
    ['[a]( vbscript:msgbox )', 'a (vbscript:msgbox)'],
  ])('turns %s into text that is not a link', (hostile, shown) => {
    const safe = safeCardText(hostile);
    expect(safe.startsWith(shown.slice(0, 5))).toBe(true);
    expect(safe).not.toMatch(/\]\(\s*(javascript|data|file|vbscript):/i);
    expect(safe).not.toMatch(/<(javascript|data|file|vbscript):/i);
  });

  it('leaves HTML as text (Adaptive Cards do not render it) and ordinary Markdown alone', () => {
    const text = '<script>alert(1)</script> **Totals** match: 1 < 2 and [brackets] (not a link).';
    expect(safeCardText(text)).toBe(text);
  });
});
