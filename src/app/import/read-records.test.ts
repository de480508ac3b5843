import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  detectFormat,
  type ReadItem,
  type ReadOptions,
  readRecords,
  readRecordsFromFile,
} from "./read-records.ts";

const fixture = (name: string) =>
  fileURLToPath(new URL(`../../../test/fixtures/import/${name}`, import.meta.url));

async function collect(items: AsyncIterable<ReadItem>): Promise<ReadItem[]> {
  const all: ReadItem[] = [];
  for await (const item of items) all.push(item);
  return all;
}

const read = (text: string, options?: ReadOptions) => collect(readRecords(text, options));
const errorsOf = (items: ReadItem[]) => items.flatMap((item) => (item.ok ? [] : item.errors));

async function* chunked(buffer: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let start = 0; start < buffer.length; start += size) yield buffer.subarray(start, start + size);
}

describe("readRecords: JSON documents", () => {
  it("validates the spec's example into 8 records in dependency order", async () => {
    const items = await collect(readRecordsFromFile(fixture("example.json")));
    expect(errorsOf(items)).toEqual([]);
    expect(items.map((item) => item.location)).toEqual([
      "partners[0]",
      "partnerships[0]",
      "partnerships[1]",
      "companies[0]",
      "orders[0]",
      "usage[0]",
      "scanners[0]",
      "scans[0]",
    ]);
    const order = items[4];
    expect(order?.ok && order.value).toEqual({
      kind: "order",
      record: {
        orderNumber: "SO-1001",
        companyId: "globex",
        startDate: "2026-01-01",
        endDate: "2026-12-31",
        status: "active",
        acv: 12000,
        currency: "EUR",
        lines: [{ product: "SNS", quantity: 250 }],
      },
    });
  });

  it("orders records by dependency whatever the key order in the file", async () => {
    const text = JSON.stringify({
      scans: [],
      companies: [{ id: "c", partnershipId: "p", name: "C" }],
      partners: [{ id: "p", name: "P" }],
    });
    expect((await read(text)).map((item) => item.location)).toEqual(["partners[0]", "companies[0]"]);
  });

  it("rejects an unknown top-level key, naming the allowed keys", async () => {
    const [error] = errorsOf(await read('{"customers": [], "partners": []}'));
    expect(error).toMatchObject({ location: "customers", field: "" });
    expect(error?.expected).toBe(
      "one of the top-level keys partners, partnerships, companies, orders, usage, activity, scanners, scans",
    );
    expect(error?.message).toContain('unknown top-level key "customers"');
  });

  it("rejects a known key whose value is not an array", async () => {
    const [error] = errorsOf(await read('{"orders": {"orderNumber": "SO-1"}}', { format: "json" }));
    expect(error).toMatchObject({
      location: "orders",
      kind: "order",
      field: "",
      expected: "an array of order records",
    });
  });

  it("rejects a document that is not JSON, or not an object", async () => {
    expect(errorsOf(await read('{\n  "partners": [\n'))[0]).toMatchObject({
      location: "document",
      field: "",
    });
    expect(errorsOf(await read("[1, 2]"))[0]).toMatchObject({ location: "document", field: "" });
    expect(await read("{}")).toEqual([]);
  });

  it("reports every bad record of a file with its array index", async () => {
    const items = await collect(readRecordsFromFile(fixture("invalid.json")));
    expect(errorsOf(items).map((e) => `${e.location} ${e.field}`)).toEqual([
      "customers ",
      "orders[0] status",
      "orders[0] lines.0.quantity",
      "orders[0] endDate",
    ]);
    expect(items.filter((item) => item.ok)).toHaveLength(1);
  });
});

describe("readRecords: NDJSON streams", () => {
  it("reads the example as NDJSON with the same records as the JSON form", async () => {
    const fromJson = await collect(readRecordsFromFile(fixture("example.json")));
    const fromNdjson = await collect(readRecordsFromFile(fixture("example.ndjson")));
    expect(fromNdjson.map((item) => item.location)).toEqual(fromNdjson.map((_, i) => `line ${i + 1}`));
    expect(fromNdjson.map((item) => item.ok && item.value)).toEqual(
      fromJson.map((item) => item.ok && item.value),
    );
  });

  it("numbers physical lines, skipping blank ones and tolerating \\r\\n", async () => {
    const text = '\r\n{"kind":"partner","id":"a","name":"A"}\r\n   \n{"kind":"partner","id":"b","name":"B"}';
    const items = await read(text);
    expect(items.map((item) => item.location)).toEqual(["line 2", "line 4"]);
    expect(errorsOf(items)).toEqual([]);
  });

  it("reports a line that is not JSON and carries on", async () => {
    const items = await read(
      '{"kind":"partner","id":"a","name":"A"}\n{"kind":"partner",\n{"kind":"partner","id":"b","name":"B"}\n',
    );
    expect(items.map((item) => item.ok)).toEqual([true, false, true]);
    const [error] = errorsOf(items);
    expect(error).toMatchObject({
      location: "line 2",
      field: "",
      expected: 'a JSON object with a "kind" field on one line',
    });
    expect(error?.message).toMatch(/^line 2: not valid JSON/);
  });

  it("reports a missing or unknown kind, listing the valid kinds", async () => {
    const items = await read(
      '{"kind":"partner","id":"a","name":"A"}\n{"kind":"customer","id":"x"}\n{"id":"y"}\n',
    );
    const errors = errorsOf(items);
    expect(errors.map((e) => `${e.location} ${e.field}`)).toEqual(["line 2 kind", "line 3 kind"]);
    expect(errors[0]?.expected).toContain(
      "partner, partnership, company, order, usage, activity, scanner, scan",
    );
    expect(errors[0]?.message).toContain('(got "customer")');
  });

  it("treats a first line that is neither a record nor a document as NDJSON, one error per line", async () => {
    const items = await read('garbage\n{"kind":"partner","id":"a","name":"A"}\n');
    expect(items.map((item) => `${item.location} ${item.ok}`)).toEqual(["line 1 false", "line 2 true"]);
  });

  it("rejects an over-long line without buffering it, then reads on", async () => {
    const long = `{"kind":"partner","id":"a","name":"${"x".repeat(500)}"}`;
    const items = await read(`${long}\n{"kind":"partner","id":"b","name":"B"}\n`, {
      format: "ndjson",
      maxLineLength: 100,
    });
    expect(items.map((item) => `${item.location} ${item.ok}`)).toEqual(["line 1 false", "line 2 true"]);
  });

  it("reports bytes that are not UTF-8 at the line where they occur", async () => {
    const bytes = Buffer.concat([
      Buffer.from('{"kind":"partner","id":"a","name":"A"}\n{"kind":"partner","id":"'),
      Buffer.from([0xff, 0xfe]),
    ]);
    const items = await collect(readRecords(chunked(bytes, 16)));
    expect(items.map((item) => `${item.location} ${item.ok}`)).toEqual(["line 1 true", "line 2 false"]);
    expect(errorsOf(items)[0]?.expected).toBe("UTF-8 text");
  });

  it("gives the same records however chunks split lines and multi-byte characters", async () => {
    const names = ["Café Ünïcode", "日本の会社", "Rocket 🚀 GmbH", "Ωmega"];
    const text = `\uFEFF${names.map((name, i) => JSON.stringify({ kind: "partner", id: `p${i}`, name })).join("\r\n")}\n`;
    const whole = await read(text);
    expect(whole.map((item) => item.ok && item.value.record)).toEqual(
      names.map((name, i) => ({ id: `p${i}`, name })),
    );
    const bytes = Buffer.from(text, "utf8");
    for (const size of [1, 2, 3, 5, 7, 13]) {
      expect(await collect(readRecords(chunked(bytes, size)))).toEqual(whole);
      expect(await collect(readRecords(chunked(bytes, size), { format: "ndjson" }))).toEqual(whole);
    }
  });

  it("streams a 200k-line input: the first record comes before the source is consumed", async () => {
    const totalLines = 200_000;
    const linesPerChunk = 1_000;
    let chunksRead = 0;
    let closed = false;
    async function* source(): AsyncGenerator<Buffer> {
      try {
        for (let first = 0; first < totalLines; first += linesPerChunk) {
          chunksRead += 1;
          let text = "";
          for (let n = first; n < first + linesPerChunk; n += 1) {
            text += `{"kind":"usage","companyId":"c${n % 97}","product":"SNS","used":${n},"measuredAt":"2026-12-03T00:00:00Z"}\n`;
          }
          yield Buffer.from(text);
        }
      } finally {
        closed = true;
      }
    }
    const items = readRecords(source());
    const first = await items.next();
    expect(first.value).toMatchObject({ location: "line 1", ok: true });
    expect(chunksRead).toBeLessThanOrEqual(2);
    let count = 1;
    let failures = 0;
    let aheadOfConsumer = false;
    for await (const item of items) {
      count += 1;
      if (!item.ok) failures += 1;
      // Never more than one chunk ahead of the records handed out: nothing accumulates.
      if (chunksRead > Math.floor(count / linesPerChunk) + 2) aheadOfConsumer = true;
    }
    expect({ count, failures, closed, aheadOfConsumer }).toEqual({
      count: totalLines,
      failures: 0,
      closed: true,
      aheadOfConsumer: false,
    });
  });

  it("closes the source when the consumer stops early", async () => {
    let closed = false;
    async function* source(): AsyncGenerator<string> {
      try {
        for (;;) yield '{"kind":"partner","id":"a","name":"A"}\n';
      } finally {
        closed = true;
      }
    }
    for await (const item of readRecords(source())) {
      expect(item.ok).toBe(true);
      break;
    }
    expect(closed).toBe(true);
  });
});

describe("format detection and files", () => {
  it("detects NDJSON by a kind on the first line and JSON otherwise", () => {
    expect(detectFormat('{"kind":"scan","id":"s"}')).toBe("ndjson");
    expect(detectFormat('{"partners":[{"id":"p","name":"P"}]}')).toBe("json");
    expect(detectFormat("{")).toBe("json");
    expect(detectFormat('{ "partners": [')).toBe("json");
    expect(detectFormat("{}")).toBe("json");
    expect(detectFormat('{"id":"p","name":"P"}')).toBe("ndjson");
  });

  it("reads a one-line JSON document", async () => {
    const text = readFileSync(fixture("example.json"), "utf8").replace(/\n\s*/g, " ");
    expect((await read(text)).filter((item) => item.ok)).toHaveLength(8);
  });

  it("throws a clear error for a missing file or a directory", async () => {
    await expect(collect(readRecordsFromFile("/nonexistent/portal.json"))).rejects.toMatchObject({
      name: "AppError",
      message: "File not found: /nonexistent/portal.json",
      code: "IMPORT_FILE_NOT_FOUND",
    });
    const directory = fixture("");
    await expect(collect(readRecordsFromFile(directory))).rejects.toMatchObject({
      message: `Not a file: ${directory}`,
    });
  });
});
