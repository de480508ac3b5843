/**
 * The records the vendor's platform sends (spec: data-format.md). Dates are `YYYY-MM-DD` strings,
 * instants ISO 8601 strings; both stay strings in the core so facts are plain, comparable data.
 */
import type { ProductCode, ScannedProduct } from "./products.ts";

export type LocalDate = string;
export type Instant = string;

export const PARTNERSHIP_TYPES = ["reseller", "mssp"] as const;
export type PartnershipType = (typeof PARTNERSHIP_TYPES)[number];

export const ACCOUNT_STATES = ["trial", "paying", "internal", "demo", "archived"] as const;
export type AccountState = (typeof ACCOUNT_STATES)[number];

export const ORDER_STATUSES = ["active", "renewed", "cancelled"] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const SCANNER_STATUSES = ["online", "offline"] as const;
export type ScannerStatus = (typeof SCANNER_STATUSES)[number];

export const SCAN_STATUSES = [
  "requested",
  "running",
  "paused",
  "stopped",
  "finished",
  "finished-with-warning",
  "error",
] as const;
export type ScanStatus = (typeof SCAN_STATUSES)[number];

export interface Partner {
  readonly id: string;
  readonly name: string;
}

export interface Partnership {
  readonly id: string;
  readonly partnerId: string;
  readonly name: string;
  readonly type: PartnershipType;
}

export interface Company {
  readonly id: string;
  readonly partnershipId: string;
  readonly name: string;
  readonly accountState: AccountState;
  readonly tags: readonly string[];
}

export interface OrderLine {
  readonly product: ProductCode;
  readonly quantity: number;
}

export interface Order {
  readonly orderNumber: string;
  readonly companyId: string;
  readonly startDate: LocalDate;
  readonly endDate: LocalDate;
  readonly status: OrderStatus;
  readonly acv: number | null;
  readonly currency: string | null;
  readonly lines: readonly OrderLine[];
}

export interface UsageMeasurement {
  readonly companyId: string;
  readonly product: ProductCode;
  readonly used: number;
  readonly measuredAt: Instant;
}

export interface ProductActivity {
  readonly companyId: string;
  readonly product: ProductCode;
  readonly enabledAt: Instant | null;
  readonly lastUsedAt: Instant | null;
}

export interface Scanner {
  readonly id: string;
  readonly companyId: string;
  readonly name: string;
  readonly status: ScannerStatus;
  readonly lastSeenAt: Instant | null;
}

export interface Scan {
  readonly id: string;
  readonly companyId: string;
  readonly product: ScannedProduct;
  readonly status: ScanStatus;
  readonly startedAt: Instant;
  readonly finishedAt: Instant | null;
  readonly target: string | null;
}

/**
 * Everything the rules need to evaluate one company. The loader may pre-filter (latest usage per
 * product, recent scans only); the rules still apply their own conditions, so passing more is safe.
 */
export interface CompanyFacts {
  readonly company: Company;
  readonly partnership: Partnership;
  readonly orders: readonly Order[];
  readonly usage: readonly UsageMeasurement[];
  readonly activity: readonly ProductActivity[];
  readonly scanners: readonly Scanner[];
  readonly scans: readonly Scan[];
}
