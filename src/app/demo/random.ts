/**
 * Seeded randomness for the demo data set. Math.random cannot be seeded, and the demo must be
 * byte-identical for the same options, so the generator carries its own small PRNG (sfc32) and a
 * low-discrepancy sequence that spreads the "interesting" cases evenly over small data sets.
 */

const TWO_POW_32 = 4_294_967_296;

/** A 32-bit avalanche hash (the murmur3/lowbias32 finaliser): nearby keys give unrelated seeds. */
function mix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x21f0aaad);
  h ^= h >>> 15;
  h = Math.imul(h, 0x735a2d97);
  h ^= h >>> 15;
  return h >>> 0;
}

/** Hashes any number of integer keys (safe integers, negatives included) into one 32-bit word. */
export function hashKeys(...keys: readonly number[]): number {
  let h = 0x811c9dc5;
  for (const key of keys) {
    const low = key >>> 0;
    const high = Math.floor(key / TWO_POW_32) >>> 0;
    h = mix32(h ^ mix32(low + 0x9e3779b9));
    h = mix32(h ^ mix32(high + 0x7f4a7c15));
  }
  return h;
}

/**
 * sfc32: tiny, fast and statistically sound for simulation. One instance per company (seeded from
 * the company's index) keeps companies independent, so company N is the same whatever came before.
 */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(...keys: readonly number[]) {
    const seed = hashKeys(...keys);
    this.a = mix32(seed ^ 0xa341316c);
    this.b = mix32(seed ^ 0xc8013ea4);
    this.c = mix32(seed ^ 0xad90777d);
    this.d = 1;
    // The first outputs of sfc32 still show the seed's structure; discarding a few mixes it in.
    for (let i = 0; i < 8; i++) this.uint32();
  }

  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.uint32() / TWO_POW_32;
  }

  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** Uniform real in [min, max). */
  real(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError("pick from an empty list");
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Picks by relative weight: `[["a", 3], ["b", 1]]` gives "a" three times as often. */
  weighted<T>(choices: readonly (readonly [T, number])[]): T {
    return pickWeighted(choices, this.next());
  }

  /** Up to `count` distinct items, drawn by weight without replacement. */
  distinct<T>(choices: readonly (readonly [T, number])[], count: number): T[] {
    const left = [...choices];
    const chosen: T[] = [];
    while (chosen.length < count && left.length > 0) {
      const item = pickWeighted(left, this.next());
      chosen.push(item);
      left.splice(
        left.findIndex(([candidate]) => candidate === item),
        1,
      );
    }
    return chosen;
  }
}

/** The choice whose cumulative weight band contains `u` (a number in [0, 1)). */
export function pickWeighted<T>(choices: readonly (readonly [T, number])[], u: number): T {
  let total = 0;
  for (const [, weight] of choices) total += weight;
  let remaining = u * total;
  for (const [item, weight] of choices) {
    if (remaining < weight) return item;
    remaining -= weight;
  }
  const last = choices[choices.length - 1];
  if (!last) throw new RangeError("pick from an empty list");
  return last[0];
}

/**
 * Fractional parts of quadratic irrationals whose continued fractions have small terms: their Weyl
 * sequences frac(offset + k·α) leave no gap wider than about 1.8/N among N consecutive points, the
 * best a 1-D sequence can do. They are pairwise rationally independent, so dimensions do not lock.
 * (Roberts' R-sequence was tried first: its per-dimension steps sit near 2/3 and 1/2, which clumps
 * small runs.) Math.sqrt is correctly rounded, so these are the same on every machine.
 */
export const WEYL_STEPS = [
  (Math.sqrt(5) - 1) / 2,
  Math.sqrt(2) - 1,
  Math.sqrt(3) - 1,
  Math.sqrt(6) - 2,
  Math.sqrt(7) - 2,
] as const;

/**
 * A low-discrepancy sequence: unlike independent draws, any run of consecutive points covers [0, 1)
 * evenly in every dimension, so even 50 companies show every bucket (each task type and severity),
 * while the seed still moves the offsets.
 */
export class Strata {
  private readonly offsets: number[];

  constructor(
    private readonly steps: readonly number[],
    ...keys: readonly number[]
  ) {
    const random = new Random(...keys);
    this.offsets = steps.map(() => random.next());
  }

  /** Point `index` in `dimension`, in [0, 1). */
  at(index: number, dimension: number): number {
    const step = this.steps[dimension];
    const offset = this.offsets[dimension];
    if (step === undefined || offset === undefined) throw new RangeError(`No dimension ${dimension}`);
    const value = offset + index * step;
    return value - Math.floor(value);
  }
}
