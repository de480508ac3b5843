/**
 * The import records, declared once with zod (spec: data-format.md). The output of each schema is
 * the core model type with defaults applied; the file import and the ingestion API both use these.
 * Every schema carries its own plain-English expectation as its error, so an issue's message *is*
 * the `expected` of a RecordError and no zod wording ever reaches a user.
 */
import { z } from "zod";
import { isValidLocalDate } from "../../core/dates.ts";
import {
  ACCOUNT_STATES,
  ORDER_STATUSES,
  PARTNERSHIP_TYPES,
  SCAN_STATUSES,
  SCANNER_STATUSES,
} from "../../core/model.ts";
import { PRODUCT_CODES, SCANNED_PRODUCTS } from "../../core/products.ts";
import { type ImportRecord, RECORD_KINDS, type RecordKind } from "../../core/records.ts";
import {
  describeLocation,
  invalidValueError,
  isPlainObject,
  makeError,
  type RecordError,
  rawKey,
  valueAt,
} from "./import-errors.ts";

export { type RecordError, recordKey, referenceError } from "./import-errors.ts";

const ID = "a non-empty string of at most 200 characters";
const NAME = "a non-empty string of at most 500 characters";
const DATE = "a date YYYY-MM-DD";
const INSTANT = "an ISO 8601 instant with an offset or Z, e.g. 2026-12-01T08:30:00Z";
const oneOf = (values: readonly string[]) => `one of ${values.join(", ")}`;

const id = () => z.string({ error: ID }).trim().min(1, { error: ID }).max(200, { error: ID });
const name = () => z.string({ error: NAME }).trim().min(1, { error: NAME }).max(500, { error: NAME });

const localDate = () =>
  z
    .string({ error: DATE })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: DATE, abort: true })
    .refine(isValidLocalDate, { error: `a real calendar ${DATE.slice(2)}` });

// An offset is required: a bare local time would silently mean the server's zone.
const INSTANT_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})T(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,9})?)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

// Same answer as isValidLocalDate, without its Date round trip, which dominated the cost of a
// usage line in a profile of a 200k-line import (instants are on almost every record).
function isCalendarDay(year: number, month: number, day: number): boolean {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const length = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  return month >= 1 && month <= 12 && day >= 1 && day <= length;
}

function isInstant(value: string): boolean {
  const match = INSTANT_PATTERN.exec(value);
  if (!match) return false;
  return (
    isCalendarDay(Number(match[1]), Number(match[2]), Number(match[3])) && !Number.isNaN(Date.parse(value))
  );
}

const instantWith = (expected: string) =>
  z
    .string({ error: expected })
    .refine(isInstant, { error: expected })
    .transform((value) => new Date(value).toISOString());
const instant = () => instantWith(INSTANT);
const optionalInstant = () =>
  instantWith(`${INSTANT}, or null`)
    .nullish()
    .transform((value) => value ?? null);

const product = () =>
  z.enum(PRODUCT_CODES, { error: `one of the product codes ${PRODUCT_CODES.join(", ")}` });

/** A strict object (an unknown field is an error) whose own type error reads as plain English. */
const record = <S extends z.ZodRawShape>(what: string, shape: S) =>
  z.strictObject(shape, { error: `a JSON object (${what})` });

export const partnerSchema = record("a partner record", { id: id(), name: name() });

export const partnershipSchema = record("a partnership record", {
  id: id(),
  partnerId: id(),
  name: name(),
  type: z.enum(PARTNERSHIP_TYPES, { error: oneOf(PARTNERSHIP_TYPES) }),
});

const TAGS = "a list of tags (strings)";
const TAG = "a non-empty string of at most 200 characters (a tag)";
export const companySchema = record("a company record", {
  id: id(),
  partnershipId: id(),
  name: name(),
  accountState: z.enum(ACCOUNT_STATES, { error: oneOf(ACCOUNT_STATES) }).default("paying"),
  tags: z
    .array(z.string({ error: TAG }).trim().min(1, { error: TAG }).max(200, { error: TAG }), { error: TAGS })
    .default([]),
});

const QUANTITY = "a whole number ≥ 0";
export const orderLineSchema = record("an order line { product, quantity }", {
  product: product(),
  quantity: z.number({ error: QUANTITY }).int({ error: QUANTITY }).min(0, { error: QUANTITY }),
});

const ACV = "a number ≥ 0, or null";
const CURRENCY = "a 3-letter upper-case ISO 4217 currency code (e.g. EUR), or null";
const LINES = "a non-empty list of order lines { product, quantity }";
export const orderSchema = z
  .strictObject(
    {
      orderNumber: id(),
      companyId: id(),
      startDate: localDate(),
      endDate: localDate(),
      status: z.enum(ORDER_STATUSES, { error: oneOf(ORDER_STATUSES) }).default("active"),
      acv: z
        .number({ error: ACV })
        .min(0, { error: ACV })
        .nullish()
        .transform((value) => value ?? null),
      currency: z
        .string({ error: CURRENCY })
        .regex(/^[A-Z]{3}$/, { error: CURRENCY })
        .nullish()
        .transform((value) => value ?? null),
      lines: z.array(orderLineSchema, { error: LINES }).min(1, { error: LINES }),
    },
    { error: "a JSON object (an order record)" },
  )
  .superRefine(
    (order, ctx) => {
      if (order.endDate < order.startDate) {
        ctx.addIssue({
          code: "custom",
          path: ["endDate"],
          message: `a date on or after the startDate ${order.startDate}`,
        });
      }
    },
    // Compare the dates even when other fields are wrong, so one pass reports every problem.
    { when: (payload) => bothDatesValid(payload.value) },
  );

function bothDatesValid(value: unknown): boolean {
  if (typeof value !== "object" || value === null) return false;
  const { startDate, endDate } = value as { startDate?: unknown; endDate?: unknown };
  return (
    typeof startDate === "string" &&
    typeof endDate === "string" &&
    isValidLocalDate(startDate) &&
    isValidLocalDate(endDate)
  );
}

const USED = "a number ≥ 0";
export const usageSchema = record("a usage record", {
  companyId: id(),
  product: product(),
  used: z.number({ error: USED }).min(0, { error: USED }),
  measuredAt: instant(),
});

export const activitySchema = record("an activity record", {
  companyId: id(),
  product: product(),
  enabledAt: optionalInstant(),
  lastUsedAt: optionalInstant(),
});

export const scannerSchema = record("a scanner record", {
  id: id(),
  companyId: id(),
  name: name(),
  status: z.enum(SCANNER_STATUSES, { error: oneOf(SCANNER_STATUSES) }),
  lastSeenAt: optionalInstant(),
});

const TARGET = "a string of at most 500 characters, or null";
export const scanSchema = record("a scan record", {
  id: id(),
  companyId: id(),
  product: z.enum(SCANNED_PRODUCTS, { error: `one of the scanned products ${SCANNED_PRODUCTS.join(", ")}` }),
  status: z.enum(SCAN_STATUSES, { error: oneOf(SCAN_STATUSES) }),
  startedAt: instant(),
  finishedAt: optionalInstant(),
  // An empty target says nothing, so it is stored as "unknown" (null) rather than as "".
  target: z
    .string({ error: TARGET })
    .trim()
    .max(500, { error: TARGET })
    .nullish()
    .transform((value) => (value ? value : null)),
});

type RecordOf<K extends RecordKind> = Extract<ImportRecord, { kind: K }>["record"];

/** The schema of each kind; `satisfies` fails to compile if an output drifts from the model. */
export const RECORD_SCHEMAS = {
  partner: partnerSchema,
  partnership: partnershipSchema,
  company: companySchema,
  order: orderSchema,
  usage: usageSchema,
  activity: activitySchema,
  scanner: scannerSchema,
  scan: scanSchema,
} as const satisfies { readonly [K in RecordKind]: z.ZodType<RecordOf<K>> };

// `satisfies` alone lets an output carry extra fields; this also demands the same field names.
type SameKeys<A, B> = [keyof A] extends [keyof B] ? ([keyof B] extends [keyof A] ? true : false) : false;
const _sameFields: { [K in RecordKind]: SameKeys<z.output<(typeof RECORD_SCHEMAS)[K]>, RecordOf<K>> } = {
  partner: true,
  partnership: true,
  company: true,
  order: true,
  usage: true,
  activity: true,
  scanner: true,
  scan: true,
};
void _sameFields;

/** Fields allowed where an unknown one was found: the record itself or one of its order lines. */
function allowedFields(kind: RecordKind, path: readonly PropertyKey[]): readonly string[] {
  const shape = path.length === 0 ? RECORD_SCHEMAS[kind].shape : orderLineSchema.shape;
  return Object.keys(shape);
}

// Reached only by an issue no schema above labels; still plain English, never zod's wording.
const fallbackExpected = (issue: { code?: string; expected?: unknown }) =>
  issue.code === "invalid_type" && typeof issue.expected === "string"
    ? `a ${issue.expected}`
    : "a valid value";

function toErrors(kind: RecordKind, raw: unknown, location: string, issues: z.core.$ZodIssue[]) {
  const key = rawKey(kind, raw);
  const errors = issues.flatMap((issue): RecordError[] => {
    if (issue.code === "unrecognized_keys") {
      const allowed = allowedFields(kind, issue.path);
      const expected = `only the fields ${allowed.join(", ")}`;
      return issue.keys.map((unknownKey) => {
        const field = [...issue.path, unknownKey].join(".");
        const message = `${describeLocation(location, key)}: unknown field "${field}"; allowed fields are ${allowed.join(", ")}`;
        return makeError({ location, kind, key, field, expected }, message);
      });
    }
    const field = issue.path.map(String).join(".");
    const parts = { location, kind, key, field, expected: issue.message };
    return [invalidValueError(parts, field === "" ? raw : valueAt(raw, issue.path))];
  });
  // zod may run a string's length check on a non-string (an array) after the type error: one
  // error per field is what a reader needs, and the first is the most fundamental.
  return errors.filter((error, index) => errors.findIndex((other) => other.field === error.field) === index);
}

export type ValidationResult =
  | { readonly ok: true; readonly value: ImportRecord }
  | { readonly ok: false; readonly errors: RecordError[] };

/** Validates one record of a known kind (without the NDJSON `kind` field) and applies defaults. */
export function validateRecord(kind: RecordKind, raw: unknown, location: string): ValidationResult {
  const schema = RECORD_SCHEMAS[kind];
  const result = schema.safeParse(raw);
  if (!result.success) {
    // A per-call error map makes zod several times slower, so only a failure pays for it.
    const labelled = schema.safeParse(raw, { error: fallbackExpected });
    return {
      ok: false,
      errors: toErrors(kind, raw, location, labelled.error?.issues ?? result.error.issues),
    };
  }
  // The cast pairs kind with its own schema's output, which TypeScript cannot correlate itself.
  return { ok: true, value: { kind, record: result.data } as ImportRecord };
}

const KIND_EXPECTED = `one of the record kinds ${RECORD_KINDS.join(", ")}`;
const isRecordKind = (value: unknown): value is RecordKind => RECORD_KINDS.some((kind) => kind === value);

/** Validates an NDJSON-style record `{ kind, ...record }`: checks `kind`, strips it, validates the rest. */
export function validateTaggedRecord(raw: unknown, location: string): ValidationResult {
  if (!isPlainObject(raw)) {
    const parts = { location, field: "", expected: 'a JSON object with a "kind" field' };
    return { ok: false, errors: [invalidValueError(parts, raw)] };
  }
  const { kind, ...record } = raw;
  if (!isRecordKind(kind)) {
    return {
      ok: false,
      errors: [invalidValueError({ location, field: "kind", expected: KIND_EXPECTED }, kind)],
    };
  }
  return validateRecord(kind, record, location);
}
