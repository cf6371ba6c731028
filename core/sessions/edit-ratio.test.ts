import { editRatio, HEAVY_EDIT_RATIO } from './edit-ratio';

describe('editRatio', () => {
  it('is 0 for the same words, whatever the case, spacing or order', () => {
    expect(editRatio('Revenue rose 4%', 'revenue   rose 4%')).toBe(0);
    expect(editRatio('a b c', 'c b a')).toBe(0);
    expect(editRatio('', '')).toBe(0);
  });

  it('is 1 when nothing is left of the generated text', () => {
    expect(editRatio('the draft', 'rewritten entirely')).toBe(1);
    expect(editRatio('', 'typed from scratch')).toBe(1);
  });

  it('measures a light correction below the heavy bar and a rewrite of half above it', () => {
    const draft = 'Revenue rose 4% in Q3 driven by the north region and lower returns overall';
    expect(editRatio(draft, draft.replace('4%', '5%'))).toBeLessThan(HEAVY_EDIT_RATIO);
    expect(
      editRatio(draft, 'Revenue rose 4% in Q3 but margins fell because freight costs doubled in August'),
    ).toBeGreaterThanOrEqual(HEAVY_EDIT_RATIO);
  });
});
