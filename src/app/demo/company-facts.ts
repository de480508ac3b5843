/**
 * Regroups a stream of records (in the demo's dependency order) into one CompanyFacts per company,
 * so the core can evaluate the demo without a database: the tests use it, and so can a benchmark
 * that wants the pure rule cost. Only the current company's facts are held at any time.
 */
import { exhaustiveSwitchError } from "../../core/exhaustive.ts";
import type { CompanyFacts, Partnership } from "../../core/model.ts";
import type { ImportRecord } from "../../core/records.ts";

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends readonly (infer E)[] ? E[] : T[K] };

export function* companyFacts(records: Iterable<ImportRecord>): Generator<CompanyFacts> {
  const partnerships = new Map<string, Partnership>();
  let current: Mutable<CompanyFacts> | null = null;
  for (const item of records) {
    if (item.kind === "partner") continue;
    if (item.kind === "partnership") {
      partnerships.set(item.record.id, item.record);
      continue;
    }
    if (item.kind === "company") {
      if (current) yield current;
      const partnership = partnerships.get(item.record.partnershipId);
      if (!partnership) throw new Error(`Company ${item.record.id}: unknown partnership`);
      current = {
        company: item.record,
        partnership,
        orders: [],
        usage: [],
        activity: [],
        scanners: [],
        scans: [],
      };
      continue;
    }
    if (!current || item.record.companyId !== current.company.id) {
      throw new Error(`A ${item.kind} record of ${item.record.companyId} is not under its company`);
    }
    switch (item.kind) {
      case "order":
        current.orders.push(item.record);
        break;
      case "usage":
        current.usage.push(item.record);
        break;
      case "activity":
        current.activity.push(item.record);
        break;
      case "scanner":
        current.scanners.push(item.record);
        break;
      case "scan":
        current.scans.push(item.record);
        break;
      default:
        exhaustiveSwitchError(item);
    }
  }
  if (current) yield current;
}
