/**
 * Turns an import input (file, request body, stream) into validated records and precise errors
 * (spec: data-format.md). Two forms:
 * - JSON: one object of arrays. It is read whole into memory (a JSON document cannot be validated
 *   before its end anyway); records come out in dependency order, located as `orders[3]`.
 * - NDJSON: one `{"kind": …, …record}` per line, streamed line by line in bounded memory,
 *   located as `line 17` (the physical, 1-based line number, blank lines included).
 * Nothing here touches storage; all-or-nothing is the caller's decision over the whole stream.
 */
import { open } from "node:fs/promises";
import { ARRAY_NAME, type ImportRecord, RECORD_KINDS } from "../../core/records.ts";
import { AppError } from "../errors.ts";
import {
  describeValue,
  invalidValueError,
  isPlainObject,
  makeError,
  type RecordError,
} from "./import-errors.ts";
import { type ValidationResult, validateRecord, validateTaggedRecord } from "./record-schemas.ts";

export type ReadItem =
  | { readonly location: string; readonly ok: true; readonly value: ImportRecord }
  | { readonly location: string; readonly ok: false; readonly errors: RecordError[] };

export type InputFormat = "json" | "ndjson";

export interface ReadOptions {
  /** Skip detection. Without it: a first line that is a record with `kind` means NDJSON. */
  readonly format?: InputFormat;
  /** Longest NDJSON line accepted, in characters; longer lines are rejected, not buffered. */
  readonly maxLineLength?: number;
}

const DEFAULT_MAX_LINE = 1_048_576;
const TOP_LEVEL_KEYS: readonly string[] = RECORD_KINDS.map((kind) => ARRAY_NAME[kind]);

/** Thrown by the decoder; reported as an error item where the bad bytes were met. */
class EncodingError extends Error {}

async function* decode(source: AsyncIterable<string | Buffer> | string): AsyncGenerator<string> {
  if (typeof source === "string") {
    yield source.replace(/^\uFEFF/, "");
    return;
  }
  // `stream: true` keeps a multi-byte character split across chunks; the decoder drops a BOM.
  // `fatal` because silently replacing bad bytes would corrupt ids and names.
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let first = true;
  try {
    for await (const chunk of source) {
      const text =
        typeof chunk === "string" ? decoder.decode() + chunk : decoder.decode(chunk, { stream: true });
      yield first ? text.replace(/^\uFEFF/, "") : text;
      first = false;
    }
    yield decoder.decode();
  } catch (error) {
    if (
      error instanceof TypeError &&
      (error as { code?: string }).code === "ERR_ENCODING_INVALID_ENCODED_DATA"
    ) {
      throw new EncodingError("not valid UTF-8 text");
    }
    throw error;
  }
}

interface Line {
  readonly text: string;
  readonly tooLong: boolean;
}

/** Physical lines, without their "\n" or "\r\n"; holds at most one line (≤ maxLength) at a time. */
async function* splitLines(chunks: AsyncIterable<string>, maxLength: number): AsyncGenerator<Line> {
  let parts: string[] = [];
  let length = 0;
  let tooLong = false;
  const take = (piece: string) => {
    if (tooLong || piece === "") return;
    length += piece.length;
    if (length > maxLength) {
      tooLong = true;
      parts = [];
    } else parts.push(piece);
  };
  const finish = (): Line => {
    const text = parts.join("");
    const line = { text: text.endsWith("\r") ? text.slice(0, -1) : text, tooLong };
    parts = [];
    length = 0;
    tooLong = false;
    return line;
  };
  for await (const chunk of chunks) {
    let start = 0;
    for (let newline = chunk.indexOf("\n"); newline !== -1; newline = chunk.indexOf("\n", start)) {
      take(chunk.slice(start, newline));
      yield finish();
      start = newline + 1;
    }
    take(chunk.slice(start));
  }
  if (length > 0 || tooLong) yield finish();
}

/**
 * The format of an input from its first non-blank line: a record with `kind` is NDJSON; an
 * object keyed by array names (or `{}`) is a one-line JSON document; a line that does not parse
 * but opens with `{` or `[` starts a multi-line JSON document; anything else is treated as
 * NDJSON, so each bad line gets its own error instead of one error for the whole input.
 */
export function detectFormat(firstLine: string): InputFormat {
  let value: unknown;
  try {
    value = JSON.parse(firstLine);
  } catch {
    return /^\s*[{[]/.test(firstLine) ? "json" : "ndjson";
  }
  if (!isPlainObject(value)) return Array.isArray(value) ? "json" : "ndjson";
  if ("kind" in value) return "ndjson";
  const keys = Object.keys(value);
  return keys.length === 0 || keys.some((key) => TOP_LEVEL_KEYS.includes(key)) ? "json" : "ndjson";
}

/**
 * Reads chunks until the first non-blank line is complete (or the input ends, or the line grows
 * past maxLength, which only a JSON document does), and returns them for replay.
 */
async function peekFormat(chunks: AsyncIterator<string>, maxLength: number) {
  const head: string[] = [];
  let pending = "";
  for (;;) {
    const next = await chunks.next();
    if (next.done) return { format: pending.trim() === "" ? "ndjson" : detectFormat(pending), head } as const;
    head.push(next.value);
    pending += next.value;
    let newline = pending.indexOf("\n");
    while (newline !== -1) {
      const line = pending.slice(0, newline);
      if (line.trim() !== "") return { format: detectFormat(line), head } as const;
      pending = pending.slice(newline + 1);
      newline = pending.indexOf("\n");
    }
    if (pending.length > maxLength) return { format: "json", head } as const;
  }
}

async function* replay(head: readonly string[], rest: AsyncIterator<string>): AsyncGenerator<string> {
  try {
    yield* head;
    for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
  } finally {
    // Stopping early must still close the underlying stream (a file handle, a request body).
    await rest.return?.();
  }
}

function item(location: string, result: ValidationResult): ReadItem {
  return result.ok
    ? { location, ok: true, value: result.value }
    : { location, ok: false, errors: result.errors };
}

function failure(location: string, expected: string, message: string): ReadItem {
  return { location, ok: false, errors: [makeError({ location, field: "", expected }, message)] };
}

const DOCUMENT = `a JSON object with any of the arrays ${TOP_LEVEL_KEYS.join(", ")}, or NDJSON records`;

function* jsonItems(text: string): Generator<ReadItem> {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    yield failure("document", DOCUMENT, `document: not valid JSON (${(error as Error).message})`);
    return;
  }
  if (!isPlainObject(document)) {
    yield failure(
      "document",
      DOCUMENT,
      `document: the input must be ${DOCUMENT} (got ${describeValue(document)})`,
    );
    return;
  }
  for (const key of Object.keys(document)) {
    if (TOP_LEVEL_KEYS.includes(key)) continue;
    const expected = `one of the top-level keys ${TOP_LEVEL_KEYS.join(", ")}`;
    yield failure(
      key,
      expected,
      `${key}: unknown top-level key "${key}"; allowed keys are ${TOP_LEVEL_KEYS.join(", ")}`,
    );
  }
  // Dependency order, so a caller checking references meets every target before its referrers.
  for (const kind of RECORD_KINDS) {
    const name = ARRAY_NAME[kind];
    const records = document[name];
    if (records === undefined) continue;
    if (!Array.isArray(records)) {
      const parts = { location: name, kind, field: "", expected: `an array of ${kind} records` };
      yield { location: name, ok: false, errors: [invalidValueError(parts, records)] };
      continue;
    }
    for (const [index, raw] of records.entries()) {
      const location = `${name}[${index}]`;
      yield item(location, validateRecord(kind, raw, location));
    }
  }
}

async function* ndjsonItems(chunks: AsyncIterable<string>, maxLength: number): AsyncGenerator<ReadItem> {
  let lineNumber = 0;
  try {
    for await (const line of splitLines(chunks, maxLength)) {
      lineNumber += 1;
      const location = `line ${lineNumber}`;
      if (line.tooLong) {
        yield failure(
          location,
          `a line of at most ${maxLength} characters`,
          `${location}: the line is longer than ${maxLength} characters`,
        );
        continue;
      }
      if (line.text.trim() === "") continue;
      let raw: unknown;
      try {
        raw = JSON.parse(line.text);
      } catch (error) {
        const message = `${location}: not valid JSON (${(error as Error).message}); each line must be one JSON object`;
        yield failure(location, 'a JSON object with a "kind" field on one line', message);
        continue;
      }
      yield item(location, validateTaggedRecord(raw, location));
    }
  } catch (error) {
    if (!(error instanceof EncodingError)) throw error;
    const location = `line ${lineNumber + 1}`;
    yield failure(location, "UTF-8 text", `${location}: ${error.message}; reading stopped here`);
  }
}

/**
 * Validated records and errors from JSON or NDJSON text (a string is the content itself, not a
 * path). Errors are items, not exceptions: the caller decides between all-or-nothing and skipping.
 * Only an I/O failure of the source throws.
 */
export async function* readRecords(
  source: AsyncIterable<string | Buffer> | string,
  options: ReadOptions = {},
): AsyncGenerator<ReadItem> {
  const maxLength = options.maxLineLength ?? DEFAULT_MAX_LINE;
  const chunks = decode(source);
  let format = options.format;
  let head: readonly string[] = [];
  const parts: string[] = [];
  try {
    if (format === undefined) ({ format, head } = await peekFormat(chunks, maxLength));
    if (format === "ndjson") {
      yield* ndjsonItems(replay(head, chunks), maxLength);
      return;
    }
    for await (const chunk of replay(head, chunks)) parts.push(chunk);
  } catch (error) {
    // ndjsonItems reports bad bytes itself, at their line; here they can only be in a JSON document.
    if (!(error instanceof EncodingError)) throw error;
    yield failure("document", "UTF-8 text", `document: ${error.message}`);
    return;
  }
  yield* jsonItems(parts.join(""));
}

/** The format a file's extension fixes; undefined means detect from the content. */
export function formatForPath(path: string): InputFormat | undefined {
  return /\.(ndjson|jsonl)$/i.test(path) ? "ndjson" : undefined;
}

function fileError(path: string, error: unknown): unknown {
  switch ((error as { code?: string }).code) {
    case "ENOENT":
      return new AppError("IMPORT_FILE_NOT_FOUND", `File not found: ${path}`);
    case "EISDIR":
      return new AppError("INVALID_ARGUMENT", `Not a file: ${path}`);
    case "EACCES":
    case "EPERM":
      return new AppError("INVALID_ARGUMENT", `Cannot read file: ${path} (permission denied)`);
    default:
      return error;
  }
}

/**
 * Reads an import file (streamed; see readRecords). `.ndjson`/`.jsonl` are NDJSON, anything else
 * is detected. Throws AppError IMPORT_FILE_NOT_FOUND ("File not found: X") on the first `next()`
 * if the file is absent, before anything is yielded.
 */
export async function* readRecordsFromFile(
  path: string,
  options: ReadOptions = {},
): AsyncGenerator<ReadItem> {
  // Open first and stat the handle: checking the path and then opening it could see two files.
  const handle = await open(path, "r").catch((error: unknown) => {
    throw fileError(path, error);
  });
  try {
    if (!(await handle.stat()).isFile()) throw new AppError("INVALID_ARGUMENT", `Not a file: ${path}`);
  } catch (error) {
    await handle.close();
    throw error;
  }
  const format = options.format ?? formatForPath(path);
  // The stream closes the handle when it ends or when readRecords stops it early.
  yield* readRecords(handle.createReadStream(), { ...options, ...(format ? { format } : {}) });
}
