import { describe, expect, it } from "vitest";
import { isValidLocalDate } from "../../core/dates.ts";
import type { RecordKind } from "../../core/records.ts";
import {
  type RecordError,
  recordKey,
  referenceError,
  validateRecord,
  validateTaggedRecord,
} from "./record-schemas.ts";

const order = {
  orderNumber: "SO-1001",
  companyId: "globex",
  startDate: "2026-01-01",
  endDate: "2026-12-31",
  lines: [{ product: "SNS", quantity: 250 }],
};
const scan = {
  id: "scan-77",
  companyId: "globex",
  product: "SNS",
  status: "error",
  startedAt: "2026-12-02T02:00:00Z",
};

function errorsOf(kind: RecordKind, raw: unknown, location = "x[0]"): RecordError[] {
  const result = validateRecord(kind, raw, location);
  if (result.ok) throw new Error(`expected ${kind} to be rejected`);
  return result.errors;
}

function recordOf(kind: RecordKind, raw: unknown): unknown {
  const result = validateRecord(kind, raw, "x[0]");
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join("\n"));
  return result.value.record;
}

describe("validateRecord: bad input names location, field and expectation", () => {
  it("reports a missing required field", () => {
    const { companyId: _, ...raw } = order;
    expect(errorsOf("order", raw, "orders[3]")).toEqual([
      {
        location: "orders[3]",
        kind: "order",
        key: "SO-1001",
        field: "companyId",
        expected: "a non-empty string of at most 200 characters",
        message:
          'orders[3] (SO-1001): field "companyId" is missing; it must be a non-empty string of at most 200 characters',
      },
    ]);
  });

  it("reports a mistyped field", () => {
    const [error] = errorsOf("usage", {
      companyId: "globex",
      product: "SNS",
      used: "231",
      measuredAt: "2026-12-03T00:00:00Z",
    });
    expect(error).toMatchObject({
      field: "used",
      expected: "a number ≥ 0",
      key: "globex/SNS/2026-12-03T00:00:00Z",
    });
    expect(error?.message).toContain('(got "231")');
  });

  it("reports an unknown enum value with the allowed values", () => {
    const [error] = errorsOf("order", { ...order, status: "expired" }, "orders[3]");
    expect(error).toMatchObject({ field: "status", expected: "one of active, renewed, cancelled" });
    expect(error?.message).toBe(
      'orders[3] (SO-1001): field "status" must be one of active, renewed, cancelled (got "expired")',
    );
  });

  it("rejects an end date before the start date on endDate, but accepts a one-day order", () => {
    const [error] = errorsOf("order", { ...order, startDate: "2026-06-01", endDate: "2026-05-31" });
    expect(error).toMatchObject({
      field: "endDate",
      expected: "a date on or after the startDate 2026-06-01",
    });
    expect(recordOf("order", { ...order, endDate: "2026-01-01" })).toMatchObject({ endDate: "2026-01-01" });
  });

  it("reports end before start together with other problems in one pass", () => {
    const errors = errorsOf("order", { ...order, status: "expired", endDate: "2025-01-01" });
    expect(errors.map((e) => e.field)).toEqual(["status", "endDate"]);
  });

  it("rejects a negative or fractional quantity on the order line", () => {
    const lines = [
      { product: "SNS", quantity: 10 },
      { product: "DA", quantity: -5 },
    ];
    const [error] = errorsOf("order", { ...order, lines }, "orders[0]");
    expect(error).toMatchObject({ field: "lines.1.quantity", expected: "a whole number ≥ 0" });
    expect(error?.message).toBe(
      'orders[0] (SO-1001): field "lines.1.quantity" must be a whole number ≥ 0 (got -5)',
    );
    expect(errorsOf("order", { ...order, lines: [{ product: "DA", quantity: 1.5 }] })[0]?.field).toBe(
      "lines.0.quantity",
    );
  });

  it("rejects an order without lines", () => {
    expect(errorsOf("order", { ...order, lines: [] })[0]).toMatchObject({ field: "lines" });
  });

  it("reports each unknown field, in the record and in an order line, with the allowed fields", () => {
    const errors = errorsOf("order", {
      ...order,
      colour: "red",
      lines: [{ product: "SNS", quantity: 1, sku: "x" }],
    });
    expect(errors.map((e) => e.field).sort()).toEqual(["colour", "lines.0.sku"]);
    expect(errors.find((e) => e.field === "colour")?.message).toContain(
      "allowed fields are orderNumber, companyId",
    );
    expect(errors.find((e) => e.field === "lines.0.sku")?.expected).toBe("only the fields product, quantity");
  });

  it("rejects an instant without an offset and accepts Z or an offset, normalised to UTC", () => {
    const [error] = errorsOf("scan", { ...scan, startedAt: "2026-12-01T08:30:00" });
    expect(error).toMatchObject({ field: "startedAt" });
    expect(error?.expected).toContain("offset");
    expect(recordOf("scan", { ...scan, startedAt: "2026-12-01T08:30:00+02:00" })).toMatchObject({
      startedAt: "2026-12-01T06:30:00.000Z",
    });
    expect(errorsOf("scan", { ...scan, startedAt: "2026-02-30T08:30:00Z" })[0]?.field).toBe("startedAt");
  });

  it("accepts exactly the calendar days core accepts, in instants too (leap years included)", () => {
    for (const year of [1900, 2000, 2024, 2026]) {
      for (let month = 0; month <= 13; month += 1) {
        for (let day = 0; day <= 32; day += 1) {
          const date = `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
          const result = validateRecord("scan", { ...scan, startedAt: `${date}T12:00:00Z` }, "scans[0]");
          expect(result.ok, date).toBe(isValidLocalDate(date));
        }
      }
    }
  });

  it("rejects an impossible calendar date", () => {
    const [error] = errorsOf("order", { ...order, startDate: "2026-02-30" });
    expect(error).toMatchObject({ field: "startDate", expected: "a real calendar date YYYY-MM-DD" });
    expect(errorsOf("order", { ...order, startDate: "1/2/2026" })[0]?.expected).toBe("a date YYYY-MM-DD");
  });

  it("rejects products outside the list, and non-scanning products on scans", () => {
    expect(
      errorsOf("usage", { companyId: "g", product: "sns", used: 1, measuredAt: "2026-12-03T00:00:00Z" })[0]
        ?.expected,
    ).toBe("one of the product codes SNS, DA, WAS, CS, PAT");
    expect(errorsOf("scan", { ...scan, product: "DA" })[0]?.expected).toBe(
      "one of the scanned products SNS, WAS",
    );
  });

  it("rejects empty or over-long ids, bad currencies and negative amounts", () => {
    expect(errorsOf("partner", { id: "  ", name: "N" })[0]?.field).toBe("id");
    expect(errorsOf("partner", { id: "x".repeat(201), name: "N" })[0]?.field).toBe("id");
    expect(errorsOf("order", { ...order, currency: "eur" })[0]?.field).toBe("currency");
    expect(errorsOf("order", { ...order, acv: -1 })[0]?.field).toBe("acv");
    expect(
      errorsOf("usage", { companyId: "g", product: "SNS", used: -1, measuredAt: "2026-12-03T00:00:00Z" })[0]
        ?.field,
    ).toBe("used");
  });

  it("reports a record that is not an object as a whole-record error", () => {
    expect(errorsOf("partner", "nordsec", "partners[0]")).toEqual([
      {
        location: "partners[0]",
        kind: "partner",
        field: "",
        expected: "a JSON object (a partner record)",
        message: 'partners[0]: the record must be a JSON object (a partner record) (got "nordsec")',
      },
    ]);
  });

  it("never leaks zod wording into expected or message", () => {
    const bad = [
      errorsOf("order", { orderNumber: 5, startDate: null, lines: "x", acv: "1", status: 3 }),
      errorsOf("company", { id: [], partnershipId: {}, name: true, tags: [1, ""], accountState: null }),
      errorsOf("activity", { companyId: "g", product: "SNS", enabledAt: 5, lastUsedAt: "yesterday" }),
      errorsOf("scanner", { id: "s", companyId: "g", name: "n", status: "up", lastSeenAt: "2026-12-01" }),
    ];
    // One error per field, even where zod raises two issues for one value (an array as a string).
    for (const errors of bad) expect(new Set(errors.map((e) => e.field)).size).toBe(errors.length);
    expect(bad.flat().length).toBeGreaterThan(10);
    for (const error of bad.flat())
      expect(`${error.expected} ${error.message}`).not.toMatch(/Invalid|expected [a-z]+, received/);
  });
});

describe("validateRecord: defaults and normalisation", () => {
  it("applies company defaults and trims ids and names", () => {
    expect(recordOf("company", { id: " globex ", partnershipId: "p", name: " Globex " })).toEqual({
      id: "globex",
      partnershipId: "p",
      name: "Globex",
      accountState: "paying",
      tags: [],
    });
  });

  it("applies order defaults: status active, acv and currency null", () => {
    expect(recordOf("order", order)).toEqual({ ...order, status: "active", acv: null, currency: null });
    expect(recordOf("order", { ...order, acv: null, currency: null })).toMatchObject({
      acv: null,
      currency: null,
    });
  });

  it("turns absent or null optional instants and targets into null", () => {
    expect(recordOf("activity", { companyId: "g", product: "DA" })).toEqual({
      companyId: "g",
      product: "DA",
      enabledAt: null,
      lastUsedAt: null,
    });
    expect(
      recordOf("scanner", { id: "s", companyId: "g", name: "n", status: "online", lastSeenAt: null }),
    ).toMatchObject({
      lastSeenAt: null,
    });
    expect(recordOf("scan", { ...scan, finishedAt: null, target: "" })).toMatchObject({
      finishedAt: null,
      target: null,
    });
    expect(recordOf("scan", scan)).toMatchObject({ finishedAt: null, target: null });
  });
});

describe("validateTaggedRecord (the NDJSON form)", () => {
  it("strips kind before validating", () => {
    const result = validateTaggedRecord({ kind: "partner", id: "nordsec", name: "Nordsec AB" }, "line 1");
    expect(result).toEqual({
      ok: true,
      value: { kind: "partner", record: { id: "nordsec", name: "Nordsec AB" } },
    });
  });

  it("rejects a missing or unknown kind, listing the valid kinds", () => {
    for (const raw of [{ id: "x" }, { kind: "orders", orderNumber: "SO-1" }]) {
      const result = validateTaggedRecord(raw, "line 4");
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.errors).toHaveLength(1);
      expect(result.errors[0]).toMatchObject({ location: "line 4", field: "kind" });
      expect(result.errors[0]?.expected).toBe(
        "one of the record kinds partner, partnership, company, order, usage, activity, scanner, scan",
      );
    }
  });
});

describe("recordKey and referenceError", () => {
  it("keys each kind by its upsert key", () => {
    expect(recordKey({ kind: "partner", record: { id: "p", name: "P" } })).toBe("p");
    const usage = {
      companyId: "g",
      product: "SNS",
      used: 1,
      measuredAt: "2026-12-03T00:00:00.000Z",
    } as const;
    expect(recordKey({ kind: "usage", record: usage })).toBe("g/SNS/2026-12-03T00:00:00.000Z");
    expect(
      recordKey({
        kind: "activity",
        record: { companyId: "g", product: "DA", enabledAt: null, lastUsedAt: null },
      }),
    ).toBe("g/DA");
    const validated = validateRecord("order", order, "orders[0]");
    expect(validated.ok && recordKey(validated.value)).toBe("SO-1001");
  });

  it("describes a reference to an unknown company", () => {
    expect(referenceError("orders[0]", "order", "SO-1001", "companyId", "initech")).toEqual({
      location: "orders[0]",
      kind: "order",
      key: "SO-1001",
      field: "companyId",
      expected: "an existing company id (in this file or already imported)",
      message:
        'orders[0] (SO-1001): field "companyId" must be an existing company id (in this file or already imported); no company "initech" is known',
    });
    expect(referenceError("line 3", "company", "globex", "partnershipId", "x").expected).toBe(
      "an existing partnership id (in this file or already imported)",
    );
  });
});
