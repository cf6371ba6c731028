const PLACEHOLDER = /\$\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;

/** Placeholders whose value may be empty: an empty app name suffix is the production name. */
const MAY_BE_EMPTY = new Set(['APP_NAME_SUFFIX']);

export type FilledText = { text: string; unfilled: string[] };

/** The distinct `${{NAME}}` placeholders in a text, in order of first use. */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1] ?? ''))];
}

/**
 * Replaces each `${{NAME}}` with its value; a name without a value (absent, or empty where empty makes no
 * sense) stays as it was and is listed in `unfilled`. Values are JSON-escaped: the text is a JSON document.
 */
export function fillPlaceholders(
  text: string,
  values: Readonly<Record<string, string | undefined>>,
): FilledText {
  const unfilled = new Set<string>();
  const filled = text.replace(PLACEHOLDER, (whole, name: string) => {
    const value = values[name];
    if (value === undefined || (value === '' && !MAY_BE_EMPTY.has(name))) {
      unfilled.add(name);
      return whole;
    }
    return JSON.stringify(value).slice(1, -1);
  });
  return { text: filled, unfilled: [...unfilled] };
}
