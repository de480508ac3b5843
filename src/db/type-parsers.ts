/**
 * One table of result-type parsers shared by both drivers, so a row read through PGlite and the same
 * row read through a PostgreSQL server look identical to the layers above (no JS Date objects, no
 * bigint strings). Keys are PostgreSQL type OIDs; every parser receives the column's text output.
 */
import { types as pgliteTypes } from "@electric-sql/pglite";
import pg from "pg";

const OID = {
  int8: 20,
  json: 114,
  date: 1082,
  timestamp: 1114,
  timestamptz: 1184,
  numeric: 1700,
  jsonb: 3802,
} as const;

/** Array type OID → element type OID, for the element types we parse ourselves. */
const ARRAY_OF: Readonly<Record<number, number>> = {
  1016: OID.int8,
  199: OID.json,
  1182: OID.date,
  1115: OID.timestamp,
  1185: OID.timestamptz,
  1231: OID.numeric,
  3807: OID.jsonb,
};

type TextParser = (text: string) => unknown;

/**
 * PostgreSQL's ISO output: `2024-02-29 08:11:12.345678+00`, optionally with `:MM[:SS]` in the
 * offset (historic zones) and without any offset for `timestamp without time zone`.
 */
const TIMESTAMP_TEXT =
  /^(\d{4,})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:([+-])(\d{2})(?::?(\d{2}))?(?::?(\d{2}))?)?$/;

/** `2024-02-29 08:11:12.345678+00`: what a session with TimeZone UTC prints for a timestamptz. */
const UTC_TIMESTAMP_TEXT = /^([1-9]\d{3}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})(?:\.(\d{1,6}))?\+00$/;

/**
 * Timestamp text → `2024-02-29T08:11:12.345Z`. Parsed by hand rather than with `new Date(text)`,
 * whose handling of `+00` offsets and zone-less text depends on the engine and on the process TZ.
 * A `timestamp without time zone` is read as UTC so both drivers agree wherever the process runs.
 * Sub-millisecond digits are dropped (a JS Date holds milliseconds). `infinity`/`-infinity` pass
 * through unchanged; they still sort correctly against ISO strings.
 */
export function parseTimestampText(text: string): string {
  // Fast path, the common case (a UTC session, years 1000-9999): rearrange the text, no Date needed.
  const utc = UTC_TIMESTAMP_TEXT.exec(text);
  if (utc) return `${utc[1]}T${utc[2]}.${`${utc[3] ?? ""}000`.slice(0, 3)}Z`;
  if (text === "infinity" || text === "-infinity") return text;
  const m = TIMESTAMP_TEXT.exec(text);
  if (!m) {
    // Another DateStyle (SQL, German…) or a BC date: fail loudly rather than return mixed formats.
    throw new Error(`Unexpected timestamp text "${text}": the database session must use DateStyle ISO`);
  }
  const [, y, mo, d, h, mi, s, frac, sign, oh, om, os] = m;
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not map years 0-99 onto 1900-1999.
  date.setUTCFullYear(Number(y), Number(mo) - 1, Number(d));
  const ms = Number(`${frac ?? ""}000`.slice(0, 3));
  date.setUTCHours(Number(h), Number(mi), Number(s), ms);
  if (sign) {
    const offsetSeconds = Number(oh) * 3600 + Number(om ?? 0) * 60 + Number(os ?? 0);
    date.setTime(date.getTime() - (sign === "+" ? 1 : -1) * offsetSeconds * 1000);
  }
  return date.toISOString();
}

/** `date` stays the calendar day PostgreSQL printed (`YYYY-MM-DD`): no time zone can shift it. */
export function parseDateText(text: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text) || text === "infinity" || text === "-infinity") return text;
  throw new Error(`Unexpected date text "${text}": the database session must use DateStyle ISO`);
}

/** int8 → number, refusing values a JS number cannot hold exactly instead of rounding them. */
export function parseInt8Text(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`int8 value ${text} is outside the safe JavaScript integer range`);
  }
  return value;
}

/** numeric → number: amounts and ratios here fit a double; exact decimals are not needed. */
export function parseNumericText(text: string): number {
  return Number(text);
}

/** The parsers, keyed by type OID (the shape PGlite's `parsers` option takes). */
export const TYPE_PARSERS: Readonly<Record<number, TextParser>> = {
  [OID.int8]: parseInt8Text,
  [OID.json]: (text) => JSON.parse(text),
  [OID.date]: parseDateText,
  [OID.timestamp]: parseTimestampText,
  [OID.timestamptz]: parseTimestampText,
  [OID.numeric]: parseNumericText,
  [OID.jsonb]: (text) => JSON.parse(text),
};

/**
 * PGlite `parsers` option. PGlite derives its array parsers from the element parsers when it starts,
 * so `date[]`, `jsonb[]`… follow these automatically.
 */
export function pgliteParsers(): Record<number, TextParser> {
  return { ...TYPE_PARSERS };
}

/**
 * `types.getTypeParser` for a pg Pool/Client config: scoped to that pool, unlike `pg.types.setTypeParser`,
 * which would change every pg client in the process (and leak between tests). pg resolves array
 * types itself from its global table, so arrays of our types are parsed here with PGlite's array
 * parser to keep both drivers identical.
 */
export const getPgTypeParser = ((oid: number, format?: string) => {
  if (format === "binary") return pg.types.getTypeParser(oid, "binary");
  const own = TYPE_PARSERS[oid];
  if (own) return own;
  const elementOid = ARRAY_OF[oid];
  const element = elementOid === undefined ? undefined : TYPE_PARSERS[elementOid];
  if (element) return (text: string) => pgliteTypes.arrayParser(text, element, oid);
  return pg.types.getTypeParser(oid, "text");
}) as typeof pg.types.getTypeParser;
