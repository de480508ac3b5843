/** The companies list: one page, its cursor and the total, with open-task counts per company. */
import type { Severity } from "../../core/task.ts";
import {
  type CompanyListRow,
  type CompanySort,
  countCompanies,
  decodeCompanyCursor,
  listCompanyPage,
  openTaskCounts,
  type SeverityCounts,
} from "../../db/companies.query.ts";
import { inPartnerScope } from "../../db/scoped.ts";
import type { Scope } from "../auth/principal.ts";
import type { AppContext } from "../context.ts";
import { AppError } from "../errors.ts";
import { companyScope } from "./company-scope.ts";

export interface CompanyListQuery {
  readonly search?: string | undefined;
  readonly partnershipIds?: readonly string[] | undefined;
  readonly tags?: readonly string[] | undefined;
  readonly severities?: readonly Severity[] | undefined;
  readonly sort?: CompanySort | undefined;
  readonly limit?: number | undefined;
  readonly cursor?: string | undefined;
}

export interface CompanyListItem extends CompanyListRow {
  readonly openTasks: SeverityCounts;
}

export interface CompanyListResult {
  readonly items: CompanyListItem[];
  readonly nextCursor: string | null;
  readonly total: number;
}

export async function listCompanies(
  ctx: AppContext,
  scope: Scope,
  query: CompanyListQuery,
): Promise<CompanyListResult> {
  const sort = query.sort ?? "name";
  const after = query.cursor ? decodeCompanyCursor(query.cursor, sort) : null;
  if (query.cursor && !after) {
    throw new AppError(
      "INVALID_ARGUMENT",
      "The cursor is not valid for this sort; start again from the first page",
    );
  }
  const filter = {
    ...companyScope(ctx, scope),
    search: query.search,
    partnershipIds: query.partnershipIds,
    tags: query.tags,
    severities: query.severities,
  };
  return inPartnerScope(ctx.db, scope.partnerId, async (trx) => {
    const [page, total] = await Promise.all([
      listCompanyPage(trx, filter, { sort, limit: query.limit ?? 50, after }),
      countCompanies(trx, filter),
    ]);
    const counts = await openTaskCounts(
      trx,
      filter,
      page.items.map((c) => c.id),
    );
    const none = { high: 0, medium: 0, low: 0 };
    return {
      items: page.items.map((c) => ({ ...c, openTasks: counts.get(c.id) ?? none })),
      nextCursor: page.nextCursor,
      total,
    };
  });
}
