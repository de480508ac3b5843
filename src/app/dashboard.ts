/**
 * The dashboard: customers, subscriptions and ACV of reseller partnerships, and open tasks now and
 * over the last 90 days, all within the caller's scope (a limited `user` counts only its companies).
 */
import { addDays, addMonths, localDateOf } from "../core/dates.ts";
import { openTaskFilter } from "../db/companies.query.ts";
import { commercialFigures, countCustomers, openTasksPerDay } from "../db/dashboard.query.ts";
import { inPartnerScope } from "../db/scoped.ts";
import { countTasks } from "../db/task-page.query.ts";
import type { Scope } from "./auth/principal.ts";
import { companyScope } from "./companies/company-scope.ts";
import type { AppContext } from "./context.ts";

const TREND_DAYS = 90;
/** Orders ending within this many months count as renewing. */
const RENEWAL_MONTHS = 3;

export async function dashboard(
  ctx: AppContext,
  scope: Scope,
  query: { partnershipIds?: readonly string[] | undefined },
) {
  const today = localDateOf(ctx.clock.now(), ctx.timeZone);
  const filter = { ...companyScope(ctx, scope), partnershipIds: query.partnershipIds };
  return inPartnerScope(ctx.db, scope.partnerId, async (trx) => {
    const [customers, figures, counts, perDay] = await Promise.all([
      countCustomers(trx, filter),
      commercialFigures(trx, filter, today, addMonths(today, RENEWAL_MONTHS)),
      // The same tasks and "open" as GET /tasks with its default status.
      countTasks(trx, openTaskFilter(filter)),
      openTasksPerDay(trx, filter, {
        from: addDays(today, 1 - TREND_DAYS),
        to: today,
        timeZone: ctx.timeZone,
      }),
    ]);
    const total = counts.severity.high + counts.severity.medium + counts.severity.low;
    return {
      customers,
      activeSubscriptions: figures.activeSubscriptions,
      acv: figures.acv,
      acvRenewingIn3Months: figures.acvRenewing,
      openTasks: { total, severity: counts.severity, category: counts.category },
      openTasksPerDay: perDay,
    };
  });
}

export type Dashboard = Awaited<ReturnType<typeof dashboard>>;
