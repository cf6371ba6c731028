/** At or above this share of changed words, an edited output counts as heavily edited (author insights). */
export const HEAVY_EDIT_RATIO = 0.3;

const words = (text: string) => text.toLowerCase().split(/\s+/).filter(Boolean);

/**
 * How much of a generated text the employee changed: 1 − Dice similarity of the two word multisets, from 0
 * (same words) to 1 (nothing in common). Word order is ignored, so moving a paragraph is not an edit; it is
 * linear in the texts' length, which an edit distance over long outputs would not be.
 */
export function editRatio(generated: string, edited: string): number {
  const before = words(generated);
  const after = words(edited);
  if (before.length + after.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const word of before) counts.set(word, (counts.get(word) ?? 0) + 1);
  let common = 0;
  for (const word of after) {
    const left = counts.get(word) ?? 0;
    if (left > 0) {
      common += 1;
      counts.set(word, left - 1);
    }
  }
  return Math.round((1 - (2 * common) / (before.length + after.length)) * 1000) / 1000;
}
