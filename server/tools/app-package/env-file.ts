/**
 * Reads a dotenv file the way the Agents Toolkit writes them: `NAME=value` lines, `#` comments, values
 * optionally in single or double quotes. Later lines win.
 */
export function parseEnvFile(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [index, rawLine] of text.split(/\r?\n/).entries()) {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#')) continue;
    const match = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!match?.[1]) throw new Error(`line ${index + 1}: expected NAME=value, got "${line}"`);
    values[match[1]] = unquote(match[2] ?? '');
  }
  return values;
}

function unquote(value: string): string {
  const quoted = /^(['"])(.*)\1$/.exec(value);
  if (quoted) return quoted[1] === '"' ? (quoted[2] ?? '').replace(/\\n/g, '\n') : (quoted[2] ?? '');
  return value.replace(/\s+#.*$/, '');
}
