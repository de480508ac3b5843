import { getDashboard } from "../api/endpoints.ts";
import { CompaniesTable } from "../components/CompaniesTable.tsx";
import { ErrorState } from "../components/ErrorState.tsx";
import { Link } from "../components/Link.tsx";
import { LoadingState } from "../components/LoadingState.tsx";
import { MoneyList } from "../components/MoneyList.tsx";
import { OpenTaskBreakdown } from "../components/OpenTaskBreakdown.tsx";
import { PageHeader } from "../components/PageHeader.tsx";
import { StatTile } from "../components/StatTile.tsx";
import { TasksPerDayChart } from "../components/TasksPerDayChart.tsx";
import { useApi } from "../hooks/useApi.ts";
import { useDocumentTitle } from "../hooks/useDocumentTitle.ts";
import { useSession } from "../hooks/useSession.ts";
import { formatNumber } from "../lib/format.ts";

/** The partner's overview: headline figures, open tasks, their trend, and the companies. */
export function DashboardPage() {
  useDocumentTitle("Dashboard");
  const { me, scope } = useSession();
  const key = `dashboard:${JSON.stringify(scope)}`;
  const { data, error, loading, reload } = useApi(key, (signal) => getDashboard(scope, signal));
  const partnershipName = me.partnerships.find((p) => p.id === scope.partnership)?.name;

  return (
    <>
      <PageHeader
        title="Dashboard"
        kicker={
          partnershipName ?? me.partnerName ?? (scope.partner ? `Partner ${scope.partner}` : "All partners")
        }
        description="Your customers at a glance: revenue that renews soon and what needs attention."
        actions={
          <Link to="/tasks" className="button button--primary">
            Go to tasks
          </Link>
        }
      />
      {error && <ErrorState error={error} title="The dashboard could not be loaded" onRetry={reload} />}
      {!error && loading && !data && <LoadingState label="Loading the dashboard" />}
      {data && (
        <div className={loading ? "dashboard is-refreshing" : "dashboard"}>
          <dl className="stat-grid">
            <StatTile label="Customers">{formatNumber(data.customers)}</StatTile>
            <StatTile label="Active subscriptions">{formatNumber(data.activeSubscriptions)}</StatTile>
            <StatTile label="Annual contract value">
              <MoneyList amounts={data.acv} />
            </StatTile>
            <StatTile label="ACV renewing within 3 months">
              <MoneyList amounts={data.acvRenewingIn3Months} />
            </StatTile>
            <StatTile
              label="Open tasks"
              note={
                <span className={data.openTasks.severity.high > 0 ? "stat-tile__alert" : "muted"}>
                  {formatNumber(data.openTasks.severity.high)} high severity
                </span>
              }
            >
              <Link
                to="/tasks"
                className="stat-tile__link"
                aria-label={`${formatNumber(data.openTasks.total)} open tasks`}
              >
                {formatNumber(data.openTasks.total)}
              </Link>
            </StatTile>
          </dl>
          <div className="dashboard__row">
            <section className="card" aria-labelledby="open-tasks-title">
              <h2 id="open-tasks-title" className="card__title">
                Open tasks
              </h2>
              <OpenTaskBreakdown openTasks={data.openTasks} />
            </section>
            <section className="card dashboard__chart" aria-labelledby="trend-title">
              <h2 id="trend-title" className="card__title">
                Open tasks per day
              </h2>
              <TasksPerDayChart days={data.openTasksPerDay} />
            </section>
          </div>
        </div>
      )}
      <CompaniesTable />
    </>
  );
}
