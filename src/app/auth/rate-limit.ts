/**
 * Sign-in throttling: failed attempts per key (address, account) in a sliding window. In memory:
 * one portal process serves sign-in; a restart forgets, which only ever lets someone try again.
 */
export interface RateLimiter {
  /** Seconds until the key may try again, or 0 when it may try now. */
  retryAfter(key: string, now: number): number;
  recordFailure(key: string, now: number): void;
  reset(key: string): void;
}

export function createRateLimiter(maxFailures: number, windowMs: number): RateLimiter {
  const failures = new Map<string, number[]>();
  const recent = (key: string, now: number) => (failures.get(key) ?? []).filter((t) => now - t < windowMs);
  return {
    retryAfter(key, now) {
      const times = recent(key, now);
      if (times.length === 0) failures.delete(key);
      else failures.set(key, times);
      if (times.length < maxFailures) return 0;
      return Math.ceil(((times[0] ?? now) + windowMs - now) / 1000);
    },
    recordFailure(key, now) {
      failures.set(key, [...recent(key, now), now]);
    },
    reset(key) {
      failures.delete(key);
    },
  };
}
