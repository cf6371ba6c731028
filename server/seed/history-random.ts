/** A seeded pseudo-random source: the same seed always yields the same demo history. */
export type Random = {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** A float in [min, max). */
  between(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Picks a key with probability proportional to its weight. */
  weighted<T extends string | number>(weights: readonly (readonly [T, number])[]): T;
};

/** mulberry32: small, fast and good enough for fixtures; never for anything secret. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function createRandom(source: () => number): Random {
  const random: Random = {
    next: source,
    int: (min, max) => min + Math.floor(source() * (max - min + 1)),
    between: (min, max) => min + source() * (max - min),
    chance: (probability) => source() < probability,
    pick: (items) => {
      const item = items[Math.floor(source() * items.length)];
      if (item === undefined) throw new Error('Cannot pick from an empty list');
      return item;
    },
    weighted: (weights) => {
      const total = weights.reduce((sum, [, weight]) => sum + weight, 0);
      let roll = source() * total;
      for (const [value, weight] of weights) {
        roll -= weight;
        if (roll < 0) return value;
      }
      const last = weights.at(-1);
      if (!last) throw new Error('Cannot pick from empty weights');
      return last[0];
    },
  };
  return random;
}
