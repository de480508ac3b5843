/** The shared text parsers, including the pg-side array handling PGlite gets for free. */
import { describe, expect, it } from "vitest";
import { getPgTypeParser, parseDateText, parseTimestampText } from "../../src/db/type-parsers.ts";

describe("type parsers", () => {
  it("turns every PostgreSQL ISO timestamp form into a UTC ISO string", () => {
    expect(parseTimestampText("2024-02-29 08:11:12.345678+00")).toBe("2024-02-29T08:11:12.345Z");
    expect(parseTimestampText("2024-02-29 08:11:12+05:30")).toBe("2024-02-29T02:41:12.000Z");
    expect(parseTimestampText("2024-01-01 00:00:00-03")).toBe("2024-01-01T03:00:00.000Z");
    expect(parseTimestampText("1850-01-01 00:00:00+00:53:28")).toBe("1849-12-31T23:06:32.000Z");
    expect(parseTimestampText("0050-06-01 12:00:00")).toBe("0050-06-01T12:00:00.000Z");
    expect(parseTimestampText("2024-02-29 10:11:12.5")).toBe("2024-02-29T10:11:12.500Z");
    expect(parseTimestampText("infinity")).toBe("infinity");
    expect(parseTimestampText("-infinity")).toBe("-infinity");
  });

  it("fails loudly on a non-ISO DateStyle instead of returning a mixed format", () => {
    expect(() => parseTimestampText("02/29/2024 08:11:12.345 UTC")).toThrow(/DateStyle ISO/);
    expect(() => parseDateText("29.02.2024")).toThrow(/DateStyle ISO/);
    expect(parseDateText("2024-02-29")).toBe("2024-02-29");
  });

  it("gives pg the same parsers, arrays included, and pg's own for other types", () => {
    const parse = (oid: number, text: string) => getPgTypeParser(oid)(text) as unknown;
    expect(parse(1082, "2024-02-29")).toBe("2024-02-29");
    expect(parse(20, "42")).toBe(42);
    expect(parse(1700, "12.50")).toBe(12.5);
    expect(parse(3802, '{"a":1}')).toEqual({ a: 1 });
    expect(parse(1182, "{2024-01-01,NULL}")).toEqual(["2024-01-01", null]);
    expect(parse(1185, '{"2024-01-01 00:00:00+05"}')).toEqual(["2023-12-31T19:00:00.000Z"]);
    expect(parse(3807, '{"{\\"a\\": 1}"}')).toEqual([{ a: 1 }]);
    expect(parse(1016, "{1,2}")).toEqual([1, 2]);
    expect(parse(16, "t")).toBe(true);
    expect(parse(1007, "{1,2}")).toEqual([1, 2]);
  });
});
