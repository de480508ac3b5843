/**
 * The error shapes of the import edge (spec: data-format.md § Rules for bad input): every rejected
 * record names where it was (array and index, or NDJSON line), the field, and what was expected.
 */
import type { RecordKind } from "../../core/records.ts";

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

/** A file the import command cannot read at all; carries a stable code for the CLI and API. */
export class ImportFileError extends Error {
  readonly code: "IMPORT_FILE_NOT_FOUND" | "IMPORT_FILE_UNREADABLE";

  constructor(code: ImportFileError["code"], message: string) {
    super(message);
    this.name = "ImportFileError";
    this.code = code;
  }
}
