import { AppError } from '../errors';

export type CsvRow = { line: number; fields: string[] };

/**
 * RFC 4180 CSV: fields separated by commas, records by CRLF or LF; a field in double quotes may hold commas,
 * line breaks and doubled quotes (""). A byte-order mark and blank lines are ignored. A stray or unclosed
 * quote is refused with its line number rather than guessed at.
 */
export function parseCsv(text: string): CsvRow[] {
  const rows: CsvRow[] = [];
  const input = text.startsWith('\uFEFF') ? text.slice(1) : text;
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let rowLine = 1;
  let quoted = false;
  let fieldWasQuoted = false;
  let index = 0;

  const endField = () => {
    fields.push(field);
    field = '';
    fieldWasQuoted = false;
  };
  const endRow = () => {
    endField();
    if (!(fields.length === 1 && fields[0] === '')) rows.push({ line: rowLine, fields });
    fields = [];
  };

  while (index < input.length) {
    const char = input[index] as string;
    if (quoted) {
      if (char === '"') {
        if (input[index + 1] === '"') {
          field += '"';
          index += 2;
          continue;
        }
        quoted = false;
        index += 1;
        const next = input[index];
        if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r')
          throw csvError(line, 'a closing quote must be followed by a comma or the end of the line');
        continue;
      }
      if (char === '\n') line += 1;
      field += char;
      index += 1;
      continue;
    }
    if (char === '"') {
      if (field !== '' || fieldWasQuoted)
        throw csvError(
          line,
          'a quote inside a field that does not start with one (write it as "" inside quotes)',
        );
      quoted = true;
      fieldWasQuoted = true;
      index += 1;
    } else if (char === ',') {
      endField();
      index += 1;
    } else if (char === '\r' || char === '\n') {
      endRow();
      index += char === '\r' && input[index + 1] === '\n' ? 2 : 1;
      line += 1;
      rowLine = line;
    } else {
      field += char;
      index += 1;
    }
  }
  if (quoted) throw csvError(rowLine, 'a quoted field is never closed');
  if (field !== '' || fields.length > 0 || fieldWasQuoted) endRow();
  return rows;
}

function csvError(line: number, problem: string): AppError {
  return new AppError('invalid_input', `The CSV cannot be read at line ${line}: ${problem}.`, {
    details: [{ path: `line ${line}`, message: problem }],
  });
}
