/**
 * One import record of any kind, as the NDJSON contract names them: the array name without its
 * plural "s" (spec: data-format.md). The record is the model type, defaults applied.
 */
import type {
  Company,
  Order,
  Partner,
  Partnership,
  ProductActivity,
  Scan,
  Scanner,
  UsageMeasurement,
} from "./model.ts";

export type ImportRecord =
  | { readonly kind: "partner"; readonly record: Partner }
  | { readonly kind: "partnership"; readonly record: Partnership }
  | { readonly kind: "company"; readonly record: Company }
  | { readonly kind: "order"; readonly record: Order }
  | { readonly kind: "usage"; readonly record: UsageMeasurement }
  | { readonly kind: "activity"; readonly record: ProductActivity }
  | { readonly kind: "scanner"; readonly record: Scanner }
  | { readonly kind: "scan"; readonly record: Scan };

export type RecordKind = ImportRecord["kind"];

/** Kinds in dependency order: a record may reference only kinds before it. */
export const RECORD_KINDS = [
  "partner",
  "partnership",
  "company",
  "order",
  "usage",
  "activity",
  "scanner",
  "scan",
] as const satisfies readonly RecordKind[];

/** The JSON file's array name of each kind. */
export const ARRAY_NAME: Readonly<Record<RecordKind, string>> = {
  partner: "partners",
  partnership: "partnerships",
  company: "companies",
  order: "orders",
  usage: "usage",
  activity: "activity",
  scanner: "scanners",
  scan: "scans",
};
