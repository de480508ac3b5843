/**
 * A small, hand-checked portfolio for the companies and dashboard suites: partner "acme" with a
 * reseller and an MSSP partnership, and partner "beta" to prove isolation. The portal's clock is
 * 2026-12-04T09:00:00Z, so today is 2026-12-04 in Europe/Stockholm, today + 1 month 2027-01-04,
 * + 3 months 2027-03-04, + 6 months 2027-06-04.
 *
 * Open tasks after the scan (8 for acme):
 * - zenith (reseller): SO-1 renewal high (ends 2026-12-20), SO-2 renewal low (2027-05-31),
 *   SO-7 renewal medium (2027-03-04), SNS licence 240/250 = 96 % medium.
 * - initech (reseller): SO-3 renewal medium (2027-02-28).
 * - hooli (MSSP): DA inactive 14 days low, 2 of 3 scanners inactive medium, 1 failed SNS scan high.
 * - umbrella (archived), acmew (MSSP): none.
 */
const order = (
  orderNumber: string,
  companyId: string,
  startDate: string,
  endDate: string,
  extra: Record<string, unknown>,
) => ({ orderNumber, companyId, startDate, endDate, ...extra });

export function acmeAndBeta() {
  return {
    partners: [
      { id: "acme", name: "Acme Partners" },
      { id: "beta", name: "Beta Partners" },
    ],
    partnerships: [
      { id: "acme-resale", partnerId: "acme", name: "Acme Resale", type: "reseller" },
      { id: "acme-mssp", partnerId: "acme", name: "Acme Managed", type: "mssp" },
      { id: "beta-resale", partnerId: "beta", name: "Beta Resale", type: "reseller" },
    ],
    companies: [
      { id: "zenith", partnershipId: "acme-resale", name: "Zenith Corp", tags: ["enterprise", "nordic"] },
      { id: "initech", partnershipId: "acme-resale", name: "Initech", tags: ["smb"] },
      { id: "umbrella", partnershipId: "acme-resale", name: "Umbrella", accountState: "archived" },
      { id: "hooli", partnershipId: "acme-mssp", name: "Hooli" },
      { id: "acmew", partnershipId: "acme-mssp", name: "Acme Widgets", tags: ["nordic"] },
      { id: "beta-co", partnershipId: "beta-resale", name: "Beta Company" },
    ],
    orders: [
      order("SO-1", "zenith", "2026-01-01", "2026-12-20", {
        acv: 12000,
        currency: "EUR",
        lines: [{ product: "SNS", quantity: 250 }],
      }),
      order("SO-2", "zenith", "2026-06-01", "2027-05-31", {
        acv: 5000,
        currency: "USD",
        lines: [{ product: "DA", quantity: 100 }],
      }),
      order("SO-7", "zenith", "2026-03-05", "2027-03-04", {
        acv: 700,
        currency: "SEK",
        lines: [{ product: "WAS", quantity: 5 }],
      }),
      order("SO-9", "zenith", "2026-01-01", "2027-12-31", { lines: [{ product: "PAT", quantity: 50 }] }),
      order("SO-3", "initech", "2026-03-01", "2027-02-28", {
        acv: 3000,
        currency: "EUR",
        lines: [{ product: "WAS", quantity: 10 }],
      }),
      order("SO-4", "initech", "2025-01-01", "2025-12-31", {
        status: "renewed",
        acv: 2000,
        currency: "EUR",
        lines: [{ product: "WAS", quantity: 10 }],
      }),
      order("SO-5", "initech", "2027-01-01", "2027-12-31", {
        acv: 4000,
        currency: "EUR",
        lines: [{ product: "WAS", quantity: 20 }],
      }),
      order("SO-8", "initech", "2026-01-01", "2027-06-30", {
        acv: 1000,
        currency: "EUR",
        lines: [{ product: "CS", quantity: 5 }],
      }),
      // An MSSP company's order: never part of the commercial figures.
      order("SO-6", "hooli", "2026-01-01", "2027-01-31", {
        acv: 9999,
        currency: "EUR",
        lines: [{ product: "DA", quantity: 10 }],
      }),
      order("SO-B1", "beta-co", "2026-01-01", "2026-12-10", {
        acv: 777,
        currency: "EUR",
        lines: [{ product: "SNS", quantity: 10 }],
      }),
    ],
    usage: [
      { companyId: "zenith", product: "SNS", used: 150, measuredAt: "2026-08-01T00:00:00Z" },
      { companyId: "zenith", product: "SNS", used: 200, measuredAt: "2026-10-01T00:00:00Z" },
      { companyId: "zenith", product: "DA", used: 50, measuredAt: "2026-12-01T00:00:00Z" },
      { companyId: "zenith", product: "SNS", used: 240, measuredAt: "2026-12-03T00:00:00Z" },
    ],
    activity: [
      {
        companyId: "zenith",
        product: "CS",
        enabledAt: "2026-11-01T00:00:00Z",
        lastUsedAt: "2026-12-01T00:00:00Z",
      },
      {
        companyId: "hooli",
        product: "DA",
        enabledAt: "2026-10-01T00:00:00Z",
        lastUsedAt: "2026-11-20T10:00:00Z",
      },
    ],
    scanners: [
      {
        id: "sa-1",
        companyId: "hooli",
        name: "Branch",
        status: "offline",
        lastSeenAt: "2026-12-01T00:00:00Z",
      },
      { id: "sa-2", companyId: "hooli", name: "HQ", status: "online", lastSeenAt: "2026-12-04T08:00:00Z" },
      { id: "sa-3", companyId: "hooli", name: "Lab", status: "online", lastSeenAt: "2026-12-02T00:00:00Z" },
    ],
    scans: [
      scan("scan-1", "SNS", "error", "2026-12-02T02:00:00Z", "Weekly"),
      scan("scan-2", "SNS", "finished", "2026-12-03T02:00:00Z", "Daily"),
      scan("scan-3", "SNS", "error", "2026-11-30T02:00:00Z", "Daily"),
      scan("scan-4", "WAS", "error", "2026-11-01T02:00:00Z", "Shop"),
      scan("scan-5", "WAS", "error", "2026-11-20T02:00:00Z", "Shop"),
    ],
  };
}

function scan(id: string, product: string, status: string, startedAt: string, target: string) {
  return { id, companyId: "hooli", product, status, startedAt, target };
}
