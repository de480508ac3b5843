/**
 * The demo data set: a deterministic, realistic portfolio relative to a given instant, for
 * `partner-portal demo`, the first `npm start` and the benchmarks (up to 100,000 companies).
 *
 * It streams: partners and partnerships (a few hundred records at most) are laid out up front, then
 * each company is generated from its own seeded PRNG and yielded record by record, so memory stays
 * flat whatever the company count, and company N is the same whoever consumes companies before it.
 */
import { isValidTimeZone, localDateOf } from "../../core/dates.ts";
import type { Partnership } from "../../core/model.ts";
import type { ImportRecord } from "../../core/records.ts";
import { companyIdentity, companyRecords } from "./company.ts";
import type { Draws } from "./context.ts";
import { type PartnerLayout, partnerLayout, pickPartnership, STREAM } from "./partners.ts";
import { Random, Strata, WEYL_STEPS } from "./random.ts";

export interface DemoOptions {
  /** How many companies (0 or more); partners scale with it (4 up to ~450 companies, then ~1 per 100). */
  companies: number;
  /** Same seed and options give byte-identical records. */
  seed: number;
  /** The instant the data is relative to: "today", recent heartbeats and scans are measured from it. */
  now: Date;
  /** The portal's time zone (PORTAL_TZ): order dates are calendar dates there. */
  timeZone: string;
}

/**
 * Records in dependency order: partners, partnerships, then per company its company, orders, usage,
 * activity, scanners, scans. Options are checked when called (not on the first `next()`), so a bad
 * option fails where it was passed.
 */
export function demoRecords(options: DemoOptions): Generator<ImportRecord> {
  checkOptions(options);
  return generate(options);
}

function checkOptions({ companies, seed, now, timeZone }: DemoOptions): void {
  if (!Number.isSafeInteger(companies) || companies < 0) {
    throw new RangeError(`companies must be a whole number ≥ 0, got ${companies}`);
  }
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be a whole number, got ${seed}`);
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) throw new RangeError("now must be a valid Date");
  if (!isValidTimeZone(timeZone)) throw new RangeError(`Unknown time zone: ${timeZone}`);
}

function* generate({ companies, seed, now, timeZone }: DemoOptions): Generator<ImportRecord> {
  const layout = partnerLayout(companies, seed);
  for (const record of layout.partners) yield { kind: "partner", record };
  for (const record of layout.partnerships) yield { kind: "partnership", record };

  const nowMs = now.getTime();
  const today = localDateOf(now, timeZone);
  // Renewal, usage and inactivity concern one partnership kind each, so each kind has its own
  // stratified sequence indexed by its running count; the churn-risk draws apply to every company
  // and share one, so even 50 companies show an inactive appliance and both failed-scan types.
  const [phi, root2, root3, root6, root7] = WEYL_STEPS;
  const kindStrata = {
    reseller: new Strata([phi, root2], seed, STREAM.strata, 0),
    mssp: new Strata([phi, root2], seed, STREAM.strata, 1),
  };
  const churnStrata = new Strata([root3, root6, root7], seed, STREAM.strata, 2);
  const counts = { reseller: 0, mssp: 0, all: 0 };
  const width = Math.max(6, String(companies).length);

  for (let n = 1; n <= companies; n++) {
    const random = new Random(seed, STREAM.company, n);
    const partnership = partnershipOf(layout, n, random);
    const number = String(n).padStart(width, "0");
    const { company, size, domain } = companyIdentity(random, `c-${number}`, partnership.id);
    const kind = partnership.type;
    const archived = company.accountState === "archived";
    // Archived companies raise nothing, so they do not use up a stratum point.
    const draws = archived
      ? randomDraws(random)
      : stratifiedDraws(kindStrata[kind], counts[kind]++, churnStrata, counts.all++);
    const context = { company, number, kind, size, archived, domain, random, draws, nowMs, today };
    for (const record of companyRecords(context)) yield record;
  }
}

/** The first two companies belong to the demo admin's partner, one per kind; the rest by weight. */
function partnershipOf(layout: PartnerLayout, n: number, random: Random): Partnership {
  const u = random.next();
  const pinned = n === 1 ? "nordsec-resale" : n === 2 ? "nordsec-mssp" : null;
  const found = pinned ? layout.partnerships.find((p) => p.id === pinned) : undefined;
  return found ?? pickPartnership(layout, u);
}

function stratifiedDraws(kind: Strata, kindIndex: number, churn: Strata, index: number): Draws {
  return {
    renewal: kind.at(kindIndex, 0),
    usage: kind.at(kindIndex, 1),
    scanners: churn.at(index, 0),
    snsScans: churn.at(index, 1),
    wasScans: churn.at(index, 2),
  };
}

function randomDraws(random: Random): Draws {
  return {
    renewal: random.next(),
    usage: random.next(),
    scanners: random.next(),
    snsScans: random.next(),
    wasScans: random.next(),
  };
}
