const SAFE_SCHEME = /^(https?:|mailto:)/i;
const MARKDOWN_LINK = /(!?)\[([^\]\n]*)\]\(\s*<?([^)\s>]*)>?(?:\s+"[^"\n]*")?\s*\)/g;
const AUTOLINK = /<([a-z][a-z0-9+.-]*:[^>\s]*)>/gi;

/**
 * Card text from authors, employees or the model, as Teams will render it (Markdown in a TextBlock): links
 * keep working only for http(s) and mailto; a `javascript:`, `data:` or any other link becomes plain text
 * ("label (target)"), so a hostile workflow or a prompt-injected answer cannot put one behind a label.
 * Adaptive Cards do not render HTML, so tags already show as text.
 */
export function safeCardText(text: string): string {
  return text
    .replace(MARKDOWN_LINK, (whole, _image: string, label: string, target: string) =>
      SAFE_SCHEME.test(target) ? whole : `${label} (${target})`,
    )
    .replace(AUTOLINK, (whole, target: string) => (SAFE_SCHEME.test(target) ? whole : target));
}
