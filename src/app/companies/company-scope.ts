/** The companies a caller may see, as the base of every company and dashboard filter. */
import type { CompanyFilter } from "../../db/companies.query.ts";
import type { Scope } from "../auth/principal.ts";
import type { AppContext } from "../context.ts";

export function companyScope(ctx: AppContext, scope: Scope): CompanyFilter {
  return {
    partnerId: scope.partnerId ?? undefined,
    visibleCompanyIds: scope.companyIds ?? undefined,
    now: ctx.clock.now().toISOString(),
  };
}
