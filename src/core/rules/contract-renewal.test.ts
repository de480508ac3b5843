import { describe, expect, it } from "vitest";
import type { Finding } from "../task.ts";
import { ctx, facts, NOW, type OrderInput, only, order } from "../test-fixtures.ts";
import { contractRenewal } from "./contract-renewal.ts";

/** Renewal findings for one order ending on `endDate`, evaluated at `now` (today 2026-03-10 by default). */
function renewal(endDate: string, input: OrderInput = {}, now = NOW, timeZone?: string): Finding[] {
  return contractRenewal.evaluate(
    facts({ orders: [order("O-1", { ...input, endDate })] }),
    ctx(now, timeZone),
  );
}

function severityAt(endDate: string): string | null {
  const found = renewal(endDate);
  return found.length === 0 ? null : only(found).severity;
}

describe("contract renewal, today 2026-03-10", () => {
  it("R-RENEWAL-2 an end exactly 6 months from today is low", () => {
    const f = only(renewal("2026-09-10"));
    expect(f.severity).toBe("low");
    expect(f.ruleId).toBe("R-RENEWAL-2");
  });

  it("R-RENEWAL-2 an end 6 months + 1 day from today raises nothing", () => {
    expect(renewal("2026-09-11")).toEqual([]);
  });

  it("R-RENEWAL-3 an end exactly 3 months from today is medium", () => {
    const f = only(renewal("2026-06-10"));
    expect(f.severity).toBe("medium");
    expect(f.ruleId).toBe("R-RENEWAL-3");
  });

  it("R-RENEWAL-2 an end 3 months + 1 day from today is low", () => {
    expect(severityAt("2026-06-11")).toBe("low");
  });

  it("R-RENEWAL-3 an end exactly 1 month from today is medium, not high", () => {
    expect(severityAt("2026-04-10")).toBe("medium");
  });

  it("R-RENEWAL-4 an end 1 month − 1 day from today is high", () => {
    const f = only(renewal("2026-04-09"));
    expect(f.severity).toBe("high");
    expect(f.ruleId).toBe("R-RENEWAL-4");
  });

  it("R-RENEWAL-4 an order ending today is high, not expired, 0 days remaining", () => {
    const f = only(renewal("2026-03-10"));
    expect(f.severity).toBe("high");
    expect(f.details).toMatchObject({ daysRemaining: 0, monthsRemaining: 0, expired: false });
    expect(f.title).toBe("Contract O-1 ends today");
  });

  it("R-RENEWAL-4 an order that ended yesterday is high and expired", () => {
    const f = only(renewal("2026-03-09"));
    expect(f.severity).toBe("high");
    expect(f.details).toMatchObject({ daysRemaining: -1, expired: true });
    expect(f.title).toBe("Contract O-1 ended 1 day ago");
  });

  it("R-RENEWAL-5 an order that ended exactly 30 days ago is still high, expired, −30 days", () => {
    const f = only(renewal("2026-02-08"));
    expect(f.severity).toBe("high");
    expect(f.ruleId).toBe("R-RENEWAL-4");
    expect(f.details).toMatchObject({ daysRemaining: -30, monthsRemaining: 0, expired: true });
  });

  it("R-RENEWAL-5 an order that ended 31 days ago has lapsed and raises nothing", () => {
    expect(renewal("2026-02-07")).toEqual([]);
    expect(renewal("2025-01-01")).toEqual([]);
  });

  it("R-RENEWAL-1 a renewed order raises nothing, however close its end", () => {
    expect(renewal("2026-03-20", { status: "renewed" })).toEqual([]);
  });

  it("R-RENEWAL-1 a cancelled order raises nothing, however close its end", () => {
    expect(renewal("2026-03-20", { status: "cancelled" })).toEqual([]);
  });

  it("R-RENEWAL-1 each active order is its own task; renewed and cancelled ones are skipped", () => {
    const found = contractRenewal.evaluate(
      facts({
        orders: [
          order("O-1", { endDate: "2026-03-20" }),
          order("O-2", { endDate: "2026-08-01" }),
          order("O-3", { endDate: "2026-03-20", status: "renewed" }),
          order("O-4", { endDate: "2026-03-20", status: "cancelled" }),
        ],
      }),
      ctx(),
    );
    expect(found.map((f) => [f.subject, f.severity])).toEqual([
      ["O-1", "high"],
      ["O-2", "low"],
    ]);
  });
});

describe("contract renewal details", () => {
  it("R-RENEWAL-2 reports daysRemaining and monthsRemaining at 6 months", () => {
    expect(only(renewal("2026-09-10")).details).toEqual({
      orderNumber: "O-1",
      endDate: "2026-09-10",
      daysRemaining: 184,
      monthsRemaining: 6,
      expired: false,
    });
  });

  it("R-RENEWAL-3 counts whole months only (3 months − 1 day is 2 months)", () => {
    expect(only(renewal("2026-06-09")).details).toMatchObject({ daysRemaining: 91, monthsRemaining: 2 });
  });

  it("R-RENEWAL-4 monthsRemaining is 0 under a month", () => {
    expect(only(renewal("2026-04-09")).details).toMatchObject({ daysRemaining: 30, monthsRemaining: 0 });
  });

  it("R-RENEWAL-2 acv and currency appear when known", () => {
    const f = only(renewal("2026-08-01", { acv: 12_500, currency: "EUR" }));
    expect(f.details).toMatchObject({ acv: 12_500, currency: "EUR" });
  });

  it("R-RENEWAL-2 acv and currency are absent when unknown", () => {
    const details = only(renewal("2026-08-01")).details;
    expect(details).not.toHaveProperty("acv");
    expect(details).not.toHaveProperty("currency");
  });

  it("R-RENEWAL-2 an ACV of 0 is known and shown", () => {
    expect(only(renewal("2026-08-01", { acv: 0, currency: "SEK" })).details).toMatchObject({ acv: 0 });
  });

  it("R-FINGERPRINT-1 the subject is the order number and the finding highlights it", () => {
    const f = only(renewal("2026-08-01"));
    expect(f.subject).toBe("O-1");
    expect(f.fingerprint).toBe("contract-renewal/c1/O-1");
    expect(f.highlight).toEqual(["O-1"]);
    expect(f.category).toBe("commercial");
    expect(f.tab).toBe("commercial");
  });

  it("R-RENEWAL-2 the title counts the days left", () => {
    expect(only(renewal("2026-03-11")).title).toBe("Contract O-1 ends in 1 day");
    expect(only(renewal("2026-08-01")).title).toBe("Contract O-1 ends in 144 days");
  });
});

describe("contract renewal month-end clamping, today 2025-08-31", () => {
  const lastOfAugust = "2025-08-31T10:00:00.000Z";

  it("R-RENEWAL-2 6 months after 31 August is 28 February: an order ending then is low", () => {
    const f = only(renewal("2026-02-28", {}, lastOfAugust));
    expect(f.severity).toBe("low");
    expect(f.details).toMatchObject({ monthsRemaining: 6 });
  });

  it("R-RENEWAL-2 an order ending 1 March (past the clamped 28 February) raises nothing", () => {
    expect(renewal("2026-03-01", {}, lastOfAugust)).toEqual([]);
  });

  it("R-RENEWAL-3 3 months after 31 August is 30 November: medium on it, low a day later", () => {
    expect(only(renewal("2025-11-30", {}, lastOfAugust)).severity).toBe("medium");
    expect(only(renewal("2025-12-01", {}, lastOfAugust)).severity).toBe("low");
  });

  it("R-RENEWAL-4 1 month after 31 August is 30 September: high on 29, medium on 30", () => {
    expect(only(renewal("2025-09-29", {}, lastOfAugust)).severity).toBe("high");
    expect(only(renewal("2025-09-30", {}, lastOfAugust)).severity).toBe("medium");
  });
});

describe("contract renewal in the portal's time zone", () => {
  // 23:30 UTC on 9 March is 00:30 on 10 March in Stockholm.
  const lateEvening = "2026-03-09T23:30:00.000Z";

  it("R-RENEWAL-4 at 23:30 UTC an order ending that UTC day has already ended in Stockholm", () => {
    const stockholm = only(renewal("2026-03-09", {}, lateEvening, "Europe/Stockholm"));
    expect(stockholm.details).toMatchObject({ daysRemaining: -1, expired: true });
    const utc = only(renewal("2026-03-09", {}, lateEvening, "UTC"));
    expect(utc.details).toMatchObject({ daysRemaining: 0, expired: false });
  });

  it("R-RENEWAL-2 at 23:30 UTC the 6-month horizon is already a day further in Stockholm", () => {
    expect(only(renewal("2026-09-10", {}, lateEvening, "Europe/Stockholm")).severity).toBe("low");
    expect(renewal("2026-09-10", {}, lateEvening, "UTC")).toEqual([]);
  });
});
