/** A demo company's identity: name, tags and account state, and the records of all its facts. */
import type { AccountState, Company } from "../../core/model.ts";
import type { ImportRecord } from "../../core/records.ts";
import { ordersFor, resellerUsage } from "./commercial.ts";
import type { CompanyContext } from "./context.ts";
import {
  COMPANY_ENDINGS,
  COMPANY_WORDS,
  PLACE_WORDS,
  type SectorTag,
  type SizeTag,
  slugOf,
} from "./names.ts";
import { activityFor, msspUsage, scannersFor, scansFor } from "./operations.ts";
import type { Random } from "./random.ts";

const ACCOUNT_STATES: readonly (readonly [AccountState, number])[] = [
  ["paying", 85],
  ["trial", 6],
  ["internal", 3],
  ["demo", 4],
  ["archived", 2],
];
const SIZES: readonly (readonly [SizeTag, number])[] = [
  ["enterprise", 20],
  ["mid-market", 35],
  ["smb", 45],
];
const SECTORS: readonly (readonly [SectorTag | null, number])[] = [
  [null, 45],
  ["public-sector", 10],
  ["healthcare", 12],
  ["finance", 12],
  ["retail", 10],
  ["manufacturing", 11],
];

export interface CompanyIdentity {
  readonly company: Company;
  readonly size: SizeTag;
  readonly domain: string;
}

/** Name and tags agree: a public-sector customer is "Kalmar Municipality", a bank "… Bank". */
export function companyIdentity(random: Random, id: string, partnershipId: string): CompanyIdentity {
  const size = random.weighted(SIZES);
  const sector = random.weighted(SECTORS);
  const stem = sector === "public-sector" ? random.pick(PLACE_WORDS) : random.pick(COMPANY_WORDS);
  const ending = random.pick(COMPANY_ENDINGS[sector ?? "general"]);
  const name = `${stem} ${ending}`;
  const company: Company = {
    id,
    partnershipId,
    name,
    accountState: random.weighted(ACCOUNT_STATES),
    tags: sector ? [size, sector] : [size],
  };
  const domain = domainOf(sector === "public-sector" ? name : stem);
  return { company, size, domain };
}

const domains = new Map<string, string>();

/** Names come from short word lists, so their slugs are cached (slugOf normalises Unicode, slowly). */
function domainOf(name: string): string {
  let domain = domains.get(name);
  if (domain === undefined) {
    domain = `${slugOf(name)}.example`;
    domains.set(name, domain);
  }
  return domain;
}

/**
 * One company's records in dependency order: company, orders, usage, activity, scanners, scans.
 * A plain array (about 20 records) rather than a nested generator: one generator frame per record
 * is measurably cheaper at two million records, and memory still holds one company at a time.
 */
export function companyRecords(context: CompanyContext): ImportRecord[] {
  const records: ImportRecord[] = [{ kind: "company", record: context.company }];
  if (context.kind === "reseller") {
    const orders = ordersFor(context);
    for (const record of orders) records.push({ kind: "order", record });
    for (const record of resellerUsage(context, orders)) records.push({ kind: "usage", record });
  } else {
    const activity = activityFor(context);
    for (const record of msspUsage(context, activity)) records.push({ kind: "usage", record });
    for (const record of activity) records.push({ kind: "activity", record });
  }
  for (const record of scannersFor(context)) records.push({ kind: "scanner", record });
  for (const record of scansFor(context)) records.push({ kind: "scan", record });
  return records;
}
