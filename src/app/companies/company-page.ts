/**
 * Everything the company page shows, read in a handful of set-based queries inside the caller's
 * partner scope. Figures are computed with the rules' own helpers, so the page explains exactly
 * what the tasks say (spec: tasks.md § The six task types).
 */
import { daysBetween, instantDaysBefore, localDateOf } from "../../core/dates.ts";
import type { CompanyFacts, Order } from "../../core/model.ts";
import { PRODUCT_CODES, productName } from "../../core/products.ts";
import { failedScans } from "../../core/rules/failed-scans.ts";
import { isScannerInactive } from "../../core/rules/inactive-scanners.ts";
import { latestUsage, licensedQuantities } from "../../core/rules/license-usage.ts";
import { SEVERITIES, type Severity } from "../../core/task.ts";
import { findCompany, usageHistory } from "../../db/company-page.query.ts";
import type { Amount } from "../../db/dashboard.query.ts";
import { loadFacts } from "../../db/facts.repository.ts";
import { inPartnerScope } from "../../db/scoped.ts";
import { listTasks } from "../../db/task-list.query.ts";
import type { Scope } from "../auth/principal.ts";
import type { AppContext } from "../context.ts";
import { AppError } from "../errors.ts";
import { taskJson } from "../tasks/task-json.ts";
import { companyScope } from "./company-scope.ts";

/** The usage chart's span and the scan list's span, in days. */
const USAGE_HISTORY_DAYS = 90;
const RECENT_SCANS_DAYS = 30;

export async function companyPage(ctx: AppContext, scope: Scope, companyId: string) {
  const now = ctx.clock.now();
  const today = localDateOf(now, ctx.timeZone);
  const filter = companyScope(ctx, scope);
  return inPartnerScope(ctx.db, scope.partnerId, async (trx) => {
    const row = await findCompany(trx, filter, companyId);
    // Missing, another partner's, or not assigned to this user: the same answer.
    if (!row) throw new AppError("COMPANY_NOT_FOUND", `No company with id "${companyId}"`);
    const [[loaded], history, tasks] = await Promise.all([
      loadFacts(trx, [row], {
        at: now.toISOString(),
        scansSince: instantDaysBefore(now, RECENT_SCANS_DAYS).toISOString(),
      }),
      usageHistory(
        trx,
        row.partnership.partnerId,
        companyId,
        instantDaysBefore(now, USAGE_HISTORY_DAYS).toISOString(),
        now.toISOString(),
      ),
      listTasks(trx, {
        partnerId: filter.partnerId,
        visibleCompanyIds: filter.visibleCompanyIds,
        companyIds: [companyId],
        statuses: ["open", "snoozed", "dismissed"],
        now: filter.now,
      }),
    ]);
    if (!loaded) throw new AppError("COMPANY_NOT_FOUND", `No company with id "${companyId}"`);
    if ("error" in loaded) throw new Error(`Company ${companyId}: ${loaded.error}`);
    const facts = loaded.facts;
    const openTasks = { high: 0, medium: 0, low: 0 };
    for (const task of tasks) if (task.status === "open") openTasks[task.severity] += 1;
    const reseller = row.partnership.type === "reseller";
    return {
      company: {
        id: row.company.id,
        name: row.company.name,
        partnershipId: row.partnership.id,
        partnershipName: row.partnership.name,
        partnershipType: row.partnership.type,
        accountState: row.company.accountState,
        tags: [...row.company.tags],
      },
      openTasks,
      highestSeverity: SEVERITIES.find((s) => openTasks[s] > 0) ?? (null as Severity | null),
      // Commercial information is shown for reseller partnerships only (spec: § Who sees what).
      commercial: reseller ? commercial(facts.orders, today) : null,
      productUsage: {
        products: productUsage(facts, now, today, reseller),
        history: history.map((m) => ({ product: m.product, measuredAt: m.measuredAt, used: m.used })),
      },
      churnRisk: churnRisk(ctx, facts, now),
      tasks: tasks.map(taskJson),
    };
  });
}

export type CompanyPage = Awaited<ReturnType<typeof companyPage>>;

/** Running today, as the licence rule counts orders: active, start ≤ today ≤ end. */
function isRunning(order: Order, today: string): boolean {
  return order.status === "active" && order.startDate <= today && order.endDate >= today;
}

function commercial(orders: readonly Order[], today: string) {
  const acv = new Map<string, number>();
  for (const order of orders) {
    if (!isRunning(order, today) || order.acv === null || order.currency === null) continue;
    acv.set(order.currency, (acv.get(order.currency) ?? 0) + order.acv);
  }
  const newestFirst = [...orders].sort(
    (a, b) => b.endDate.localeCompare(a.endDate) || a.orderNumber.localeCompare(b.orderNumber),
  );
  return {
    orders: newestFirst.map((order) => ({
      orderNumber: order.orderNumber,
      startDate: order.startDate,
      endDate: order.endDate,
      status: order.status,
      acv: order.acv,
      currency: order.currency,
      lines: order.lines.map((l) => ({
        product: l.product,
        productName: productName(l.product),
        quantity: l.quantity,
      })),
      daysToRenewal: daysBetween(today, order.endDate),
    })),
    acv: [...acv]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([currency, amount]): Amount => ({ currency, amount })),
  };
}

/**
 * Per product that is licensed, measured or has activity, in the catalogue's order. MSSP
 * partnerships are billed on usage and hold no licences, so `licensed` is null there.
 */
function productUsage(facts: CompanyFacts, now: Date, today: string, reseller: boolean) {
  const licensed = reseller ? licensedQuantities(facts, today) : new Map();
  const latest = latestUsage(facts.usage, now);
  const activity = new Map(facts.activity.map((a) => [a.product, a]));
  return PRODUCT_CODES.filter((p) => licensed.has(p) || latest.has(p) || activity.has(p)).map((product) => {
    const quantity: number | null = licensed.get(product) ?? null;
    const measurement = latest.get(product);
    const used = measurement?.used ?? null;
    return {
      product,
      productName: productName(product),
      licensed: quantity,
      used,
      // Rounded to one decimal like the licence task's detail; the rule compares unrounded.
      usagePercent:
        quantity !== null && quantity > 0 && used !== null ? Math.round((used / quantity) * 1000) / 10 : null,
      measuredAt: measurement?.measuredAt ?? null,
      enabledAt: activity.get(product)?.enabledAt ?? null,
      lastUsedAt: activity.get(product)?.lastUsedAt ?? null,
    };
  });
}

function churnRisk(ctx: AppContext, facts: CompanyFacts, now: Date) {
  const windowDays = ctx.settings.failedScans.windowDays;
  const failed = new Set(
    [
      ...failedScans(facts.scans, "SNS", now, windowDays),
      ...failedScans(facts.scans, "WAS", now, windowDays),
    ].map((s) => s.id),
  );
  const scanners = [...facts.scanners].sort(
    (a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id),
  );
  const scans = [...facts.scans].sort(
    (a, b) => Date.parse(b.startedAt) - Date.parse(a.startedAt) || a.id.localeCompare(b.id),
  );
  return {
    scanners: scanners.map((s) => ({
      id: s.id,
      name: s.name,
      status: s.status,
      lastSeenAt: s.lastSeenAt,
      inactive: isScannerInactive(s, now, ctx.settings),
    })),
    scans: scans.map((s) => ({
      id: s.id,
      product: s.product,
      status: s.status,
      startedAt: s.startedAt,
      finishedAt: s.finishedAt,
      target: s.target,
      failed: failed.has(s.id),
    })),
  };
}
