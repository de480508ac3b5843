/**
 * Import files for the import contract suite (test/integration/import.test.ts): a stored baseline
 * with one record of every kind, and an all-valid update that each rejection test breaks once.
 */

export type Doc = Record<string, Record<string, unknown>[]>;

/** One record of every kind, stored before each rejection test. */
export const BASE: Doc = {
  partners: [{ id: "nordsec", name: "Nordsec AB" }],
  partnerships: [{ id: "nordsec-resale", partnerId: "nordsec", name: "Nordsec Reseller", type: "reseller" }],
  companies: [{ id: "globex", partnershipId: "nordsec-resale", name: "Globex Corporation" }],
  orders: [
    {
      orderNumber: "SO-1001",
      companyId: "globex",
      startDate: "2026-01-01",
      endDate: "2026-12-31",
      acv: 12000,
      currency: "EUR",
      lines: [{ product: "SNS", quantity: 250 }],
    },
  ],
  usage: [{ companyId: "globex", product: "SNS", used: 231, measuredAt: "2026-03-03T00:00:00Z" }],
  activity: [{ companyId: "globex", product: "DA", enabledAt: "2026-01-05T00:00:00Z", lastUsedAt: null }],
  scanners: [{ id: "sa-1", companyId: "globex", name: "HQ", status: "offline", lastSeenAt: null }],
  scans: [
    {
      id: "scan-77",
      companyId: "globex",
      product: "SNS",
      status: "error",
      startedAt: "2026-03-02T02:00:00Z",
      target: "Weekly",
    },
  ],
};

/**
 * A file whose records are all valid: it renames a stored company and adds a new partner with a
 * company and one record of every kind. Each rejection test breaks exactly one thing in it.
 */
export function goodUpdate(): Doc {
  return {
    partners: [{ id: "umbrella", name: "Umbrella Ltd" }],
    partnerships: [{ id: "umbrella-mssp", partnerId: "umbrella", name: "Umbrella Managed", type: "mssp" }],
    companies: [
      { id: "globex", partnershipId: "nordsec-resale", name: "Globex Renamed" },
      { id: "initech", partnershipId: "umbrella-mssp", name: "Initech" },
    ],
    orders: [
      {
        orderNumber: "SO-2001",
        companyId: "initech",
        startDate: "2026-02-01",
        endDate: "2026-08-31",
        lines: [{ product: "DA", quantity: 10 }],
      },
    ],
    usage: [{ companyId: "initech", product: "DA", used: 4, measuredAt: "2026-03-01T00:00:00Z" }],
    activity: [{ companyId: "initech", product: "CS", enabledAt: "2026-01-01T00:00:00Z" }],
    scanners: [{ id: "sa-2", companyId: "initech", name: "Lab", status: "online" }],
    scans: [
      {
        id: "scan-88",
        companyId: "initech",
        product: "WAS",
        status: "finished",
        startedAt: "2026-03-01T01:00:00Z",
      },
    ],
  };
}

const KIND_OF: Record<string, string> = {
  partners: "partner",
  partnerships: "partnership",
  companies: "company",
  orders: "order",
  usage: "usage",
  activity: "activity",
  scanners: "scanner",
  scans: "scan",
};

/** The same records as NDJSON lines, in the document's order. */
export function asNdjson(doc: Doc): Record<string, unknown>[] {
  return Object.entries(doc).flatMap(([array, records]) =>
    records.map((record) => ({ kind: KIND_OF[array], ...record })),
  );
}
