/* eslint-disable no-control-regex -- finding control characters is what these expressions are for */
const OTHER_LINE_BREAKS = /[\u000B\u000C\u2028\u2029]/g;
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000E-\u001F\u007F]/g;
/* eslint-enable no-control-regex */

/**
 * Line endings to \n, no trailing spaces, no control characters other than tab and newline,
 * at most one blank line in a row, trimmed.
 */
export function normaliseText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(OTHER_LINE_BREAKS, '\n')
    .replace(CONTROL_CHARACTERS, '')
    .replace(/[ \t\u00A0]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
