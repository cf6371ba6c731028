import { retryDelayMs } from './backoff';

describe('retryDelayMs', () => {
  const policy = { baseMs: 1000, capMs: 60_000 };

  it('doubles with each failure up to the cap, with jitter between half and all of it', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, null, policy, () => 1))).toEqual([1000, 2000, 4000, 8000]);
    expect(retryDelayMs(30, null, policy, () => 1)).toBe(60_000);
    expect(retryDelayMs(3, null, policy, () => 0)).toBe(2000);
  });

  it('never retries sooner than the LRS asked with Retry-After', () => {
    expect(retryDelayMs(1, 30_000, policy, () => 1)).toBe(30_000);
    expect(retryDelayMs(10, 5_000, policy, () => 1)).toBe(60_000);
  });
});
