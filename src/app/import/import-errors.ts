/**
 * The error shapes of the import edge (spec: data-format.md § Rules for bad input): every rejected
 * record names where it was (array and index, or NDJSON line), the field, and what was expected.
 */
import { exhaustiveSwitchError } from "../../core/exhaustive.ts";
import type { ImportRecord, RecordKind } from "../../core/records.ts";

/** One problem with one record (or with the document around the records). */
export interface RecordError {
  /** Where the record is: `"orders[3]"`, `"line 17"`, a top-level key, or `"document"`. */
  readonly location: string;
  readonly kind?: RecordKind;
  /** The record's key when it could be read (orderNumber, id, companyId/product/…). */
  readonly key?: string;
  /** Dotted path inside the record (`"lines.0.quantity"`), or `""` for the whole record. */
  readonly field: string;
  /** What a valid value looks like, in plain English: `"a number ≥ 0"`. */
  readonly expected: string;
  /** One sentence naming location, field and expectation, ready to print. */
  readonly message: string;
}

/** Where a message starts: `orders[3] (SO-1001)`. */
export function describeLocation(location: string, key: string | undefined): string {
  return key === undefined ? location : `${location} (${key})`;
}

const MAX_SHOWN = 60;

/** A short, safe rendering of a rejected value for messages (never the whole of a huge input). */
export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null || typeof value === "number" || typeof value === "boolean") return String(value);
  if (typeof value === "string") {
    const shown = value.length > MAX_SHOWN ? `${value.slice(0, MAX_SHOWN)}…` : value;
    return JSON.stringify(shown);
  }
  if (Array.isArray(value)) return value.length === 0 ? "an empty list" : "a list";
  return typeof value === "object" ? "an object" : typeof value;
}

interface ErrorParts {
  readonly location: string;
  readonly kind?: RecordKind | undefined;
  readonly key?: string | undefined;
  readonly field: string;
  readonly expected: string;
}

/** Builds a RecordError without `undefined` members, so errors compare and serialise cleanly. */
export function makeError(parts: ErrorParts, message: string): RecordError {
  return {
    location: parts.location,
    ...(parts.kind === undefined ? {} : { kind: parts.kind }),
    ...(parts.key === undefined ? {} : { key: parts.key }),
    field: parts.field,
    expected: parts.expected,
    message,
  };
}

/** The usual error: a field (or the whole record when field is "") holding a wrong value. */
export function invalidValueError(parts: ErrorParts, value: unknown): RecordError {
  const where = describeLocation(parts.location, parts.key);
  const subject = parts.field === "" ? "the record" : `field "${parts.field}"`;
  const message =
    value === undefined
      ? `${where}: ${subject} is missing; it must be ${parts.expected}`
      : `${where}: ${subject} must be ${parts.expected} (got ${describeValue(value)})`;
  return makeError(parts, message);
}

/**
 * The error for a reference to a partnership or company that is neither in the same input nor
 * already stored. The caller detects it (it needs the database); this keeps the shape identical.
 */
export function referenceError(
  location: string,
  kind: RecordKind,
  key: string | undefined,
  field: string,
  value: unknown,
): RecordError {
  const target = field === "partnershipId" ? "partnership" : field === "partnerId" ? "partner" : "company";
  const expected = `an existing ${target} id (in this file or already imported)`;
  const where = describeLocation(location, key);
  return makeError(
    { location, kind, key, field, expected },
    `${where}: field "${field}" must be ${expected}; no ${target} ${describeValue(value)} is known`,
  );
}

const KEY_FIELDS: Readonly<Record<RecordKind, readonly string[]>> = {
  partner: ["id"],
  partnership: ["id"],
  company: ["id"],
  order: ["orderNumber"],
  usage: ["companyId", "product", "measuredAt"],
  activity: ["companyId", "product"],
  scanner: ["id"],
  scan: ["id"],
};

/**
 * The upsert key of a record as one string. Composite keys join with "/": product codes and
 * normalised instants contain no "/", so the key stays unambiguous even if an id contains one.
 */
export function recordKey(item: ImportRecord): string {
  switch (item.kind) {
    case "partner":
    case "partnership":
    case "company":
    case "scanner":
    case "scan":
      return item.record.id;
    case "order":
      return item.record.orderNumber;
    case "usage":
      return `${item.record.companyId}/${item.record.product}/${item.record.measuredAt}`;
    case "activity":
      return `${item.record.companyId}/${item.record.product}`;
    default:
      return exhaustiveSwitchError(item);
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The key of a not-yet-validated record, for messages; undefined unless every part is a string. */
export function rawKey(kind: RecordKind, raw: unknown): string | undefined {
  if (!isPlainObject(raw)) return undefined;
  const parts = KEY_FIELDS[kind].map((field) => raw[field]);
  if (!parts.every((part): part is string => typeof part === "string" && part.trim() !== ""))
    return undefined;
  return parts.map((part) => part.trim()).join("/");
}

export function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let value = raw;
  for (const step of path) {
    if (typeof value !== "object" || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[step];
  }
  return value;
}
