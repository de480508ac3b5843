/**
 * The dashboard's figures, each one set-based query over the caller's scope: customers, the
 * commercial figures of reseller partnerships, and the open tasks of each of the last days.
 */
import { type Kysely, sql } from "kysely";
import type { LocalDate } from "../core/model.ts";
import type { Severity } from "../core/task.ts";
import { type CompanyFilter, openTaskFilter, whereCompanyFilter } from "./companies.query.ts";
import type { Database } from "./schema.ts";
import { whereTaskFilter } from "./task-list.query.ts";

export interface Amount {
  readonly currency: string;
  readonly amount: number;
}

export interface CommercialFigures {
  readonly activeSubscriptions: number;
  readonly acv: Amount[];
  readonly acvRenewing: Amount[];
}

export type DayCounts = { readonly date: LocalDate } & Record<Severity, number>;

/** Companies that are not archived. */
export async function countCustomers(db: Kysely<Database>, filter: CompanyFilter): Promise<number> {
  const row = await db
    .selectFrom("companies")
    .select(sql<number>`count(*)::int`.as("n"))
    .where((eb) => whereCompanyFilter(eb, filter))
    .where("companies.account_state", "<>", "archived")
    .executeTakeFirstOrThrow();
  return row.n;
}

/**
 * Active orders of reseller partnerships (commercial information is for resellers only): those
 * running today (start ≤ today ≤ end) with their ACV per currency, and the ACV per currency of
 * those ending from today through `renewalUntil`. One pass, grouped by currency.
 */
export async function commercialFigures(
  db: Kysely<Database>,
  filter: CompanyFilter,
  today: LocalDate,
  renewalUntil: LocalDate,
): Promise<CommercialFigures> {
  const running = sql`orders.start_date <= ${today} and orders.end_date >= ${today}`;
  const renewing = sql`orders.end_date >= ${today} and orders.end_date <= ${renewalUntil}`;
  const rows = await db
    .selectFrom("orders")
    .innerJoin("companies", "companies.id", "orders.company_id")
    .innerJoin("partnerships", "partnerships.id", "companies.partnership_id")
    .select([
      "orders.currency",
      sql<number>`count(*) filter (where ${running})::int`.as("running"),
      sql<number | null>`sum(orders.acv) filter (where ${running})`.as("running_acv"),
      sql<number | null>`sum(orders.acv) filter (where ${renewing})`.as("renewing_acv"),
    ])
    .where((eb) => whereCompanyFilter(eb, filter))
    .$if(filter.partnerId !== undefined, (qb) => qb.where("orders.partner_id", "=", filter.partnerId ?? ""))
    .where("partnerships.type", "=", "reseller")
    .where("orders.status", "=", "active")
    .where("orders.end_date", ">=", today)
    .groupBy("orders.currency")
    .orderBy("orders.currency")
    .execute();
  const amounts = (pick: (row: (typeof rows)[number]) => number | null): Amount[] =>
    rows.flatMap((row) => {
      const amount = pick(row);
      return row.currency !== null && amount !== null ? [{ currency: row.currency, amount }] : [];
    });
  return {
    activeSubscriptions: rows.reduce((sum, row) => sum + row.running, 0),
    acv: amounts((row) => row.running_acv),
    acvRenewing: amounts((row) => row.renewing_acv),
  };
}

/**
 * Open tasks by severity at the end of each day from `from` through `to` (portal dates; today's
 * point is taken at `now`): opened by then and not resolved by then. A task that is hidden now
 * (dismissed, or snoozed until later) stops counting from the time it was hidden, so today's point
 * equals the open count; earlier hide-and-reopen spells and past severities are not replayed.
 * One query: generate_series gives the days, a range join counts the tasks live on each.
 */
export async function openTasksPerDay(
  db: Kysely<Database>,
  filter: CompanyFilter,
  days: { from: LocalDate; to: LocalDate; timeZone: string },
): Promise<DayCounts[]> {
  const now = filter.now;
  const live = db
    .selectFrom("tasks")
    .select([
      "tasks.severity",
      "tasks.opened_at",
      "tasks.resolved_at",
      sql<string | null>`case when tasks.status = 'dismissed'
          or (tasks.status = 'snoozed' and tasks.snoozed_until > ${now}::timestamptz)
        then coalesce(
          (select max(e.at) from task_events e
            where e.task_id = tasks.id and e.kind in ('snoozed', 'dismissed')),
          tasks.updated_at)
        end`.as("hidden_since"),
    ])
    .where((eb) => whereTaskFilter(eb, { ...openTaskFilter(filter), statuses: undefined }))
    .where("tasks.opened_at", "<=", now)
    .where((eb) =>
      eb.or([
        eb("tasks.resolved_at", "is", null),
        eb("tasks.resolved_at", ">", sql<string>`${days.from}::date`),
      ]),
    );
  const result = await sql<DayCounts>`
    with days as (
      select d::date as day,
             least((d::date + 1)::timestamp at time zone ${days.timeZone}, ${now}::timestamptz) as cutoff
      from generate_series(${days.from}::date, ${days.to}::date, interval '1 day') as d
    ), live as (${live})
    select to_char(days.day, 'YYYY-MM-DD') as date,
           count(live.severity) filter (where live.severity = 'high')::int as high,
           count(live.severity) filter (where live.severity = 'medium')::int as medium,
           count(live.severity) filter (where live.severity = 'low')::int as low
    from days
    left join live
      on live.opened_at <= days.cutoff
     and (live.resolved_at is null or live.resolved_at > days.cutoff)
     and (live.hidden_since is null or live.hidden_since > days.cutoff)
    group by days.day
    order by days.day`.execute(db);
  return result.rows;
}
