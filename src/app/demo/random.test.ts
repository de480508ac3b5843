import { describe, expect, it } from "vitest";
import { hashKeys, pickWeighted, Random, Strata, WEYL_STEPS } from "./random.ts";

describe("Random", () => {
  it("repeats the same sequence for the same keys, and another for other keys", () => {
    const draw = (...keys: number[]) => {
      const random = new Random(...keys);
      return Array.from({ length: 5 }, () => random.uint32());
    };
    expect(draw(1, 2, 3)).toEqual(draw(1, 2, 3));
    expect(draw(1, 2, 3)).not.toEqual(draw(1, 2, 4));
    expect(draw(0)).not.toEqual(draw(2 ** 32)); // the high word of a big seed counts
    expect(hashKeys(-1)).not.toBe(hashKeys(1));
  });

  it("stays in range and is roughly uniform", () => {
    const random = new Random(42);
    const buckets = new Array<number>(10).fill(0);
    const ints = new Set<number>();
    for (let i = 0; i < 20_000; i++) {
      const bucket = Math.floor(random.next() * 10); // 10 would mean u = 1, and fail below
      buckets[bucket] = (buckets[bucket] ?? 0) + 1;
      ints.add(random.int(3, 5));
    }
    expect(buckets).toHaveLength(10);
    for (const count of buckets) expect(Math.abs(count - 2_000)).toBeLessThan(200);
    expect([...ints].sort()).toEqual([3, 4, 5]);
  });

  it("picks by weight, and distinct picks never repeat", () => {
    const choices = [
      ["a", 3],
      ["b", 1],
    ] as const;
    expect(pickWeighted(choices, 0)).toBe("a");
    expect(pickWeighted(choices, 0.74)).toBe("a");
    expect(pickWeighted(choices, 0.76)).toBe("b");
    const random = new Random(1);
    for (let i = 0; i < 100; i++) {
      const picked = random.distinct(
        [
          ["x", 1],
          ["y", 5],
          ["z", 1],
        ],
        3,
      );
      expect(new Set(picked).size).toBe(3);
    }
    expect(() => random.pick([])).toThrow(RangeError);
  });
});

describe("Strata", () => {
  it("leaves no wide gap in any dimension, even over 20 points", () => {
    const strata = new Strata(WEYL_STEPS, 9);
    for (let dimension = 0; dimension < WEYL_STEPS.length; dimension++) {
      const points = Array.from({ length: 20 }, (_, k) => strata.at(k, dimension)).sort((a, b) => a - b);
      const first = points[0] ?? 0;
      const gaps = points.slice(1).map((p, i) => p - (points[i] ?? 0));
      gaps.push(first + 1 - (points[points.length - 1] ?? 0));
      expect(Math.max(...gaps)).toBeLessThan(2 / 20);
    }
  });

  it("moves with its seed", () => {
    expect(new Strata(WEYL_STEPS, 1).at(0, 0)).not.toBe(new Strata(WEYL_STEPS, 2).at(0, 0));
  });
});
