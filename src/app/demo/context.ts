/** What every part of one demo company's generation shares: its identity, clock and random draws. */
import type { Company, Instant, LocalDate, PartnershipType } from "../../core/model.ts";
import type { ProductCode } from "../../core/products.ts";
import { QUANTITY_RANGES, type SizeTag, WAS_QUANTITY_RANGES } from "./names.ts";
import type { Random } from "./random.ts";

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

/**
 * Stratified draws in [0, 1), one per trigger that decides whether the company raises a task.
 * They come from the low-discrepancy sequence (random.ts `Strata`), so every bucket shows up even in
 * a small data set; everything else about the company comes from its own `random`.
 */
export interface Draws {
  /** Reseller: where the main order's end date falls. */
  readonly renewal: number;
  /** Reseller: the first product's licence usage; MSSP: the first product's inactivity. */
  readonly usage: number;
  readonly scanners: number;
  readonly snsScans: number;
  readonly wasScans: number;
}

export interface CompanyContext {
  readonly company: Company;
  /** The zero-padded company number used in every child id ("000123"). */
  readonly number: string;
  readonly kind: PartnershipType;
  readonly size: SizeTag;
  /** Archived companies get old, stale facts only: they left, and the rules skip them anyway. */
  readonly archived: boolean;
  /** The registrable name of the company's web applications, under the reserved `.example` TLD. */
  readonly domain: string;
  readonly random: Random;
  readonly draws: Draws;
  readonly nowMs: number;
  /** Today in the portal's time zone, as the rules see it. */
  readonly today: LocalDate;
}

const localDates = new Map<number, LocalDate>();

/**
 * Date arithmetic for order dates, with the core's semantics (dates.ts) but formatted through a
 * cache: orders reuse a few thousand dates, and Date#toISOString per call dominated the run time.
 */
export function dayOf(date: LocalDate): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

function dateOfDay(day: number): LocalDate {
  let date = localDates.get(day);
  if (date === undefined) {
    if (localDates.size >= 10_000) localDates.clear();
    date = new Date(day * DAY_MS).toISOString().slice(0, 10);
    localDates.set(day, date);
  }
  return date;
}

/** core `addDays`. */
export function shiftDate(date: LocalDate, days: number): LocalDate {
  return dateOfDay(dayOf(date) + days);
}

/** core `addMonths`: calendar months, clamped to the month's last day (31 Jan + 1 = 28/29 Feb). */
export function shiftMonths(date: LocalDate, months: number): LocalDate {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7)) - 1 + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return dateOfDay(Date.UTC(year, month, Math.min(Number(date.slice(8, 10)), lastDay)) / DAY_MS);
}

const TWO_DIGITS = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, "0"));
const datePrefixes = new Map<number, string>();

/**
 * ISO 8601 in UTC to the second, like the vendor's feed ("2026-12-01T08:30:00Z"). A benchmark data
 * set formats millions of instants over a few hundred distinct days, so the date part is cached
 * and only the time of day is formatted; Date#toISOString per instant dominated the run time.
 */
export function instant(ms: number): Instant {
  const seconds = Math.floor(ms / 1000);
  const day = Math.floor(seconds / 86_400);
  let prefix = datePrefixes.get(day);
  if (prefix === undefined) {
    if (datePrefixes.size >= 10_000) datePrefixes.clear();
    prefix = new Date(day * DAY_MS).toISOString().slice(0, 11);
    datePrefixes.set(day, prefix);
  }
  const time = seconds - day * 86_400;
  const hh = TWO_DIGITS[Math.floor(time / 3600)];
  const mm = TWO_DIGITS[Math.floor(time / 60) % 60];
  return `${prefix}${hh}:${mm}:${TWO_DIGITS[time % 60]}Z`;
}

/** Round to what a salesperson would write on an order: 35, 480, 2,350. */
export function niceQuantity(value: number): number {
  const step = value < 100 ? 5 : value < 1000 ? 10 : 50;
  return Math.max(step, Math.round(value / step) * step);
}

/** A licensed quantity for the company's size, `scale` shrinking it for add-ons and trials. */
export function quantityFor(context: CompanyContext, product: ProductCode, scale = 1): number {
  const [min, max] = (product === "WAS" ? WAS_QUANTITY_RANGES : QUANTITY_RANGES)[context.size];
  return niceQuantity(context.random.real(min, max) * scale);
}
