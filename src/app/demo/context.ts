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

/** ISO 8601 in UTC to the second, like the vendor's feed ("2026-12-01T08:30:00Z"). */
export function instant(ms: number): Instant {
  return `${new Date(Math.floor(ms / 1000) * 1000).toISOString().slice(0, 19)}Z`;
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
