/** The only place that reads the system clock; everything else takes `now` as a value. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that always says the same instant (tests, `scan --at`). */
export function fixedClock(at: Date): Clock {
  return { now: () => new Date(at.getTime()) };
}
