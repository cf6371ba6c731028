import { isoDuration } from './iso-duration';

describe('isoDuration', () => {
  it.each([
    [0, 'PT0S'],
    [400, 'PT0S'],
    [12 * 60_000, 'PT12M'],
    [(3600 + 5 * 60 + 30) * 1000, 'PT1H5M30S'],
    [2 * 3600_000, 'PT2H'],
    [61_499, 'PT1M1S'],
  ])('writes %i ms as %s', (milliseconds, expected) => {
    expect(isoDuration(milliseconds)).toBe(expected);
  });
});
