import { parseCsv } from './parse-csv';

const fields = (text: string) => parseCsv(text).map((row) => row.fields);

describe('parseCsv (RFC 4180)', () => {
  it('splits records on CRLF or LF and fields on commas, keeping empty fields', () => {
    expect(fields('a,b,c\r\n1,,3\n4,5,\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', '', '3'],
      ['4', '5', ''],
    ]);
  });

  it('keeps commas, line breaks and doubled quotes inside quoted fields, and counts lines across them', () => {
    const rows = parseCsv('name,note\r\n"Smith, Jo","line one\r\nline ""two"""\r\nlast,"x"');
    expect(rows).toEqual([
      { line: 1, fields: ['name', 'note'] },
      { line: 2, fields: ['Smith, Jo', 'line one\r\nline "two"'] },
      { line: 4, fields: ['last', 'x'] },
    ]);
  });

  it('ignores a byte-order mark, blank lines and a missing final line break', () => {
    expect(fields('\uFEFFa,b\n\n1,2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(fields('"",""\n')).toEqual([['', '']]);
  });

  it('refuses an unclosed quote, a stray quote and text after a closing quote, naming the line', () => {
    expect(() => parseCsv('a,b\n"open,2\n3,4')).toThrow('line 2: a quoted field is never closed');
    expect(() => parseCsv('a,b\n1,2\nab"c,4')).toThrow(/line 3: a quote inside a field/);
    expect(() => parseCsv('a,b\n"x"y,2')).toThrow(/line 2: a closing quote must be followed/);
  });
});
