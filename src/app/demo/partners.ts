/**
 * The demo's partners and partnerships, and how companies are shared out among them. The layout is
 * small (at most MAX_PARTNERS partners), so it is built up front; companies are streamed.
 */
import type { Partner, Partnership, PartnershipType } from "../../core/model.ts";
import {
  LEGAL_FORMS,
  NAMED_PARTNERS,
  type NamedPartner,
  PARTNER_FIRST_WORDS,
  PARTNER_SECOND_WORDS,
  slugOf,
} from "./names.ts";
import { Random } from "./random.ts";

/** Keys that separate the random streams derived from one seed. */
export const STREAM = { partner: 1, company: 2, strata: 3 } as const;

/** Enough for a million companies at ~1,000 each; more partners add nothing a benchmark needs. */
export const MAX_PARTNERS = 1000;

/** Four partners for a small demo, then about one per 100 companies (the benchmarks' shape). */
export function partnerCountFor(companies: number): number {
  return Math.min(MAX_PARTNERS, Math.max(4, Math.round(companies / 100)));
}

export interface PartnerLayout {
  readonly partners: readonly Partner[];
  readonly partnerships: readonly Partnership[];
  /** Running sums of the partnerships' weights, for picking one by a uniform draw. */
  readonly cumulative: Float64Array;
}

const KIND_WEIGHTS: readonly (readonly [readonly PartnershipType[], number])[] = [
  [["reseller"], 55],
  [["mssp"], 30],
  [["reseller", "mssp"], 15],
];

export function partnerLayout(companies: number, seed: number): PartnerLayout {
  const count = partnerCountFor(companies);
  const partners: Partner[] = [];
  const partnerships: Partnership[] = [];
  const weights: number[] = [];
  for (let index = 0; index < count; index++) {
    const random = new Random(seed, STREAM.partner, index);
    const named = NAMED_PARTNERS[index] ?? generatedPartner(index - NAMED_PARTNERS.length, random);
    partners.push({ id: named.id, name: named.name });
    for (const kind of named.kinds) {
      partnerships.push({
        id: `${named.id}-${kind === "reseller" ? "resale" : "mssp"}`,
        partnerId: named.id,
        name: `${named.short} ${kind === "reseller" ? "Reseller" : "Managed"}`,
        type: kind,
      });
      // Partners differ a lot in size (a log-normal-ish spread); the demo admin's partner is big.
      const spread = random.next() + random.next() + random.next() - 1.5;
      weights.push(index === 0 ? 2 : Math.exp(1.6 * spread));
    }
  }
  const cumulative = new Float64Array(weights.length);
  let sum = 0;
  weights.forEach((weight, i) => {
    sum += weight;
    cumulative[i] = sum;
  });
  return { partners, partnerships, cumulative };
}

/** The partnership whose weight band contains `u` in [0, 1) (binary search: 100k picks stay cheap). */
export function pickPartnership(layout: PartnerLayout, u: number): Partnership {
  const { cumulative, partnerships } = layout;
  const target = u * (cumulative[cumulative.length - 1] ?? 0);
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((cumulative[mid] ?? 0) > target) high = mid;
    else low = mid + 1;
  }
  const chosen = partnerships[low];
  if (!chosen) throw new RangeError("The partner layout has no partnership");
  return chosen;
}

/**
 * Partner `index` beyond the named list: first word cycles fastest and the second word shifts with
 * each round, so every (first, second) pair is used once before any id needs a numeric suffix.
 */
function generatedPartner(index: number, random: Random): NamedPartner {
  const firsts = PARTNER_FIRST_WORDS.length;
  const seconds = PARTNER_SECOND_WORDS.length;
  const a = index % firsts;
  const round = Math.floor(index / firsts);
  const first = PARTNER_FIRST_WORDS[a] ?? "";
  const second = PARTNER_SECOND_WORDS[(a + round) % seconds] ?? "";
  const repeat = Math.floor(round / seconds);
  const short = `${first} ${second}`;
  return {
    id: repeat === 0 ? slugOf(short) : `${slugOf(short)}-${repeat + 1}`,
    name: `${short} ${random.pick(LEGAL_FORMS)}`,
    short: repeat === 0 ? short : `${short} ${repeat + 1}`,
    kinds: random.weighted(KIND_WEIGHTS),
  };
}
