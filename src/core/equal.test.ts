import { describe, expect, it } from "vitest";
import { deepEqual } from "./equal.ts";

describe("deepEqual (stored details compared with fresh ones)", () => {
  it("R-LIFECYCLE-8 ignores key order, as stored JSON reorders keys", () => {
    expect(deepEqual({ a: 1, b: { c: [1, 2], d: null } }, { b: { d: null, c: [1, 2] }, a: 1 })).toBe(true);
  });

  it("R-LIFECYCLE-8 sees a changed value, a missing key and an extra key", () => {
    expect(deepEqual({ daysRemaining: 10 }, { daysRemaining: 9 })).toBe(false);
    expect(deepEqual({ a: 1, overBy: 2 }, { a: 1 })).toBe(false);
    expect(deepEqual({ a: 1 }, { a: 1, overBy: 2 })).toBe(false);
    expect(deepEqual({ a: undefined }, { b: undefined })).toBe(false);
  });

  it("R-LIFECYCLE-8 keeps array order and tells arrays from objects", () => {
    expect(deepEqual(["s1", "s3"], ["s3", "s1"])).toBe(false);
    expect(deepEqual([1, 2], [1, 2])).toBe(true);
    expect(deepEqual([1], { 0: 1 })).toBe(false);
    expect(deepEqual([], [undefined])).toBe(false);
  });

  it("R-LIFECYCLE-8 compares primitives strictly", () => {
    expect(deepEqual(null, null)).toBe(true);
    expect(deepEqual(null, {})).toBe(false);
    expect(deepEqual(1, "1")).toBe(false);
    expect(deepEqual(0, -0)).toBe(true);
  });
});
