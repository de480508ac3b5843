/**
 * The company page's own reads: the company itself within the caller's scope, and its usage
 * history. The other facts come from facts.repository.ts (the scan's loader) and the live tasks
 * from task-list.query.ts, so the page shows exactly what the rules see.
 */
import type { Kysely } from "kysely";
import type { AccountState, PartnershipType, UsageMeasurement } from "../core/model.ts";
import type { ProductCode } from "../core/products.ts";
import type { CompanyFilter } from "./companies.query.ts";
import { whereCompanyFilter } from "./companies.query.ts";
import type { CompanyRow } from "./facts.repository.ts";
import type { Database } from "./schema.ts";

/** The company with its partnership, or undefined when it is missing or outside the scope. */
export async function findCompany(
  db: Kysely<Database>,
  scope: Pick<CompanyFilter, "partnerId" | "visibleCompanyIds" | "now">,
  companyId: string,
): Promise<CompanyRow | undefined> {
  const row = await db
    .selectFrom("companies")
    .innerJoin("partnerships", "partnerships.id", "companies.partnership_id")
    .select([
      "companies.id",
      "companies.name",
      "companies.partnership_id",
      "companies.account_state",
      "companies.tags",
      "partnerships.partner_id",
      "partnerships.name as partnership_name",
      "partnerships.type as partnership_type",
    ])
    .where("companies.id", "=", companyId)
    .where((eb) => whereCompanyFilter(eb, scope))
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    company: {
      id: row.id,
      partnershipId: row.partnership_id,
      name: row.name,
      accountState: row.account_state as AccountState,
      tags: row.tags,
    },
    partnership: {
      id: row.partnership_id,
      partnerId: row.partner_id,
      name: row.partnership_name,
      type: row.partnership_type as PartnershipType,
    },
  };
}

/** Usage measurements of one company taken after `since` and not after `until`, oldest first. */
export async function usageHistory(
  db: Kysely<Database>,
  partnerId: string,
  companyId: string,
  since: string,
  until: string,
): Promise<UsageMeasurement[]> {
  const rows = await db
    .selectFrom("usage")
    .select(["company_id", "product", "used", "measured_at"])
    .where("partner_id", "=", partnerId)
    .where("company_id", "=", companyId)
    .where("measured_at", ">", since)
    .where("measured_at", "<=", until)
    .orderBy("measured_at")
    .orderBy("product")
    .execute();
  return rows.map((r) => ({
    companyId: r.company_id,
    product: r.product as ProductCode,
    used: r.used,
    measuredAt: r.measured_at,
  }));
}
