/**
 * Calendar arithmetic in the portal's time zone (spec: tasks.md § The six task types).
 * Local dates are `YYYY-MM-DD` strings; arithmetic on them is pure calendar arithmetic done in UTC,
 * so daylight-saving shifts never move a date. Only `localDateOf` needs the time zone, via `Intl`.
 */
import type { Instant, LocalDate } from "./model.ts";

const MS_PER_DAY = 86_400_000;
const MS_PER_HOUR = 3_600_000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** True when `timeZone` is an IANA zone this runtime knows. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/**
 * Dates already computed, by zone and instant: Intl's formatToParts costs ~10 µs, and a scan asks
 * for the same instant ("today") in several rules of every company. Cleared when it fills up.
 */
const localDates = new Map<string, LocalDate>();
const MAX_CACHED_DATES = 10_000;

/** The calendar date of an instant in a time zone. */
export function localDateOf(instant: Date | Instant, timeZone: string): LocalDate {
  const at = typeof instant === "string" ? new Date(instant) : instant;
  const key = `${timeZone} ${at.getTime()}`;
  const cached = localDates.get(key);
  if (cached !== undefined) return cached;
  const parts = formatterFor(timeZone).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  const date = `${part("year")}-${part("month")}-${part("day")}`;
  if (localDates.size >= MAX_CACHED_DATES) localDates.clear();
  localDates.set(key, date);
  return date;
}

function toUtcMs(date: LocalDate): number {
  const match = DATE_PATTERN.exec(date);
  if (!match) throw new RangeError(`Not a YYYY-MM-DD date: ${date}`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

function fromUtcMs(ms: number): LocalDate {
  return new Date(ms).toISOString().slice(0, 10);
}

/** True for a real calendar date in `YYYY-MM-DD` form (rejects 2026-02-30). */
export function isValidLocalDate(value: string): boolean {
  if (!DATE_PATTERN.test(value)) return false;
  return fromUtcMs(toUtcMs(value)) === value;
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return fromUtcMs(toUtcMs(date) + days * MS_PER_DAY);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / MS_PER_DAY);
}

/** Calendar-month arithmetic clamping to the month's last day: 31 Jan + 1 month = 28/29 Feb. */
export function addMonths(date: LocalDate, months: number): LocalDate {
  const d = new Date(toUtcMs(date));
  const year = d.getUTCFullYear();
  const month = d.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return fromUtcMs(Date.UTC(year, month, Math.min(d.getUTCDate(), lastDay)));
}

/** Whole calendar months from `from` until `to`: the largest m with from + m months ≤ to; 0 if none. */
export function wholeMonthsBetween(from: LocalDate, to: LocalDate): number {
  if (to <= from) return 0;
  let months = (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12;
  months += Number(to.slice(5, 7)) - Number(from.slice(5, 7));
  while (months > 0 && addMonths(from, months) > to) months -= 1;
  return Math.max(0, months);
}

/** Hours elapsed from `earlier` to `now` (fractional). */
export function hoursSince(earlier: Instant, now: Date): number {
  return (now.getTime() - Date.parse(earlier)) / MS_PER_HOUR;
}

/** The instant `days` × 24 hours before `now`. */
export function instantDaysBefore(now: Date, days: number): Date {
  return new Date(now.getTime() - days * MS_PER_DAY);
}
