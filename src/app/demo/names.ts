/**
 * Word lists for the demo data set: plausible European security partners and customer companies.
 * Web targets use the reserved `.example` top-level domain (RFC 2606) so no real site is named.
 */
import type { PartnershipType } from "../../core/model.ts";
import type { ProductCode } from "../../core/products.ts";

export interface NamedPartner {
  readonly id: string;
  readonly name: string;
  /** The name without its legal form, used for partnership names ("Nordsec Reseller"). */
  readonly short: string;
  readonly kinds: readonly PartnershipType[];
}

/** Hand-written partners, used first. The portal's demo admin belongs to "nordsec": keep it first. */
export const NAMED_PARTNERS: readonly NamedPartner[] = [
  { id: "nordsec", name: "Nordsec AB", short: "Nordsec", kinds: ["reseller", "mssp"] },
  { id: "baltic-cyber", name: "Baltic Cyber Oy", short: "Baltic Cyber", kinds: ["reseller"] },
  { id: "fjord-secure", name: "Fjord Secure AS", short: "Fjord Secure", kinds: ["mssp"] },
  { id: "helvetia-defense", name: "Helvetia Defense AG", short: "Helvetia Defense", kinds: ["reseller"] },
  { id: "lowlands-it", name: "Lowlands IT Security B.V.", short: "Lowlands IT", kinds: ["reseller", "mssp"] },
  { id: "celtic-guard", name: "Celtic Guard Ltd", short: "Celtic Guard", kinds: ["mssp"] },
  { id: "iberia-shield", name: "Iberia Shield S.L.", short: "Iberia Shield", kinds: ["reseller"] },
  { id: "danube-networks", name: "Danube Networks GmbH", short: "Danube Networks", kinds: ["reseller"] },
  { id: "vistula-secure", name: "Vistula Secure Sp. z o.o.", short: "Vistula Secure", kinds: ["mssp"] },
  { id: "alpine-cyber", name: "Alpine Cyber GmbH", short: "Alpine Cyber", kinds: ["reseller", "mssp"] },
  { id: "polar-systems", name: "Polar Systems Oy", short: "Polar Systems", kinds: ["reseller"] },
  { id: "thames-cyber", name: "Thames Cyber Ltd", short: "Thames Cyber", kinds: ["mssp"] },
  { id: "gotland-it", name: "Gotland IT AB", short: "Gotland IT", kinds: ["reseller"] },
  { id: "adriatic-secure", name: "Adriatic Secure d.o.o.", short: "Adriatic Secure", kinds: ["reseller"] },
];

/** A comma-separated word list, kept compact so the lists read as prose rather than 300 lines. */
function list(text: string): readonly string[] {
  return text
    .split(",")
    .map((word) => word.trim())
    .filter((word) => word.length > 0);
}

/** Word pairs for partners beyond the named ones; disjoint from the named ids so ids never clash. */
export const PARTNER_FIRST_WORDS = list(`
  Aurora, Boreal, Granite, Harbor, Cobalt, Summit, Beacon, Northwind, Skagen, Lakeside, Ironclad,
  Bluewater, Evergreen, Redwood, Silverline, Kestrel, Falcon, Osprey, Meridian, Vanguard, Horizon,
  Keystone, Bastion, Citadel, Rampart, Tundra, Glacier, Coastal, Highland, Midgard, Oresund, Kattegat,
  Saimaa, Lofoten, Hanseatic, Ardennes, Carpathian, Jutland, Pyrenees, Tatra, Vltava, Elbe, Loire,
  Shannon, Solent, Humber, Skerry, Karelia, Lapland, Zealand
`);
export const PARTNER_SECOND_WORDS = list(`
  Security, Cyber, Defense, Networks, IT, SecOps, Secure, Protect, Sentinel, Systems, Data, Digital,
  Infosec, Cloud, Solutions, Managed Services, Technologies, Consulting, Labs, Partners
`);
export const LEGAL_FORMS = ["AB", "Oy", "AS", "A/S", "ApS", "GmbH", "AG", "Ltd", "B.V.", "S.A."] as const;

export const SIZE_TAGS = ["enterprise", "mid-market", "smb"] as const;
export type SizeTag = (typeof SIZE_TAGS)[number];
export const SECTOR_TAGS = ["public-sector", "healthcare", "finance", "retail", "manufacturing"] as const;
export type SectorTag = (typeof SECTOR_TAGS)[number];

export const COMPANY_WORDS = list(`
  Globex, Initech, Umbrella, Hooli, Vandelay, Acme, Soylent, Tyrell, Cyberdyne, Wonka, Oscorp,
  Nakatomi, Aperture, Monarch, Sterling, Prestige, Dunder, Massive Dynamic, Blue Sun, Wernham,
  Northwind, Contoso, Fabrikam, Tailspin, Litware, Adatum, Proseware, Lindqvist, Bergström, Aalto,
  Virtanen, Nyström, Halvorsen, Kowalski, Novak, Jansen, Dahlberg, Ekholm, Sundberg, Holmgren, Lund,
  Kallio, Brandt, Vogel, Moreau, Duarte, Rossi, Ferreira, Kaskela, Solberg, Oakridge, Silverbirch,
  Bright Harbor, Red Pine, Greenfield, Stonebridge, Westbrook, Eastgate, Fairhaven, Polaris
`);
export const PLACE_WORDS = list(`
  Kalmar, Uppsala, Tampere, Bergen, Tartu, Aarhus, Malmö, Gdańsk, Kaunas, Turku, Linköping, Odense,
  Trondheim, Espoo, Riga, Gävle, Örebro, Stavanger, Oulu, Aalborg
`);

/** Sector-specific endings so that a "healthcare" company is called "… Health", not "… Logistics". */
export const COMPANY_ENDINGS: Readonly<Record<SectorTag | "general", readonly string[]>> = {
  general: list(`
    Corporation, Group, Industries, Logistics, Engineering, Media, Telecom, Shipping, Construction,
    Consulting, Holding, Energy, Software, Foods, Architects
  `),
  "public-sector": list("Municipality, County Council, Water Authority, Transit Authority, University"),
  healthcare: list("Health, Clinics, Medical, Care, Pharma, Hospital Group"),
  finance: list("Bank, Capital, Insurance, Savings Bank, Asset Management"),
  retail: list("Retail, Stores, Fashion, Outlet Group, E-commerce"),
  manufacturing: list("Manufacturing, Steel, Machinery, Components, Plastics"),
};

export const SCANNER_NAMES = list(`
  HQ appliance, Data centre A, Data centre B, DMZ scanner, Branch office, Cloud VPC, OT network,
  Test lab
`);

export const SNS_TARGETS = list(`
  Weekly internal, External perimeter, DMZ 10.20.0.0/24, Server VLAN 10.10.0.0/16,
  Office network 192.168.1.0/24, PCI segment, Cloud hosts
`);
export const WAS_SUBDOMAINS = ["www", "shop", "portal", "api", "intranet", "login"] as const;

/** How often each product is sold or enabled, relative weights. */
export const PRODUCT_WEIGHTS: readonly (readonly [ProductCode, number])[] = [
  ["SNS", 40],
  ["DA", 25],
  ["WAS", 20],
  ["CS", 10],
  ["PAT", 10],
];

/** Licensed units per size class, before rounding; web applications come in far smaller numbers. */
export const QUANTITY_RANGES: Readonly<Record<SizeTag, readonly [number, number]>> = {
  smb: [50, 500],
  "mid-market": [200, 2000],
  enterprise: [1000, 5000],
};
export const WAS_QUANTITY_RANGES: Readonly<Record<SizeTag, readonly [number, number]>> = {
  smb: [10, 50],
  "mid-market": [25, 150],
  enterprise: [100, 500],
};

/** Rough list price per unit and year in EUR, so an order's ACV follows its quantities. */
export const UNIT_PRICE_EUR: Readonly<Record<ProductCode, number>> = {
  SNS: 18,
  DA: 25,
  WAS: 450,
  CS: 30,
  PAT: 12,
};
export const CURRENCY_WEIGHTS: readonly (readonly [string, number])[] = [
  ["EUR", 60],
  ["SEK", 25],
  ["USD", 15],
];

/** A lowercase, ASCII, hyphenated form of a name, for ids and domains ("Bergström" → "bergstrom"). */
export function slugOf(name: string): string {
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}
