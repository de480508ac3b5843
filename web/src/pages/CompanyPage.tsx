import { useCallback, useEffect, useMemo } from "react";
import { SEVERITIES } from "../../../src/core/task.ts";
import { getCompany } from "../api/endpoints.ts";
import { ChurnRiskTab } from "../components/ChurnRiskTab.tsx";
import { CommercialTab } from "../components/CommercialTab.tsx";
import { CompanyTasksTab } from "../components/CompanyTasksTab.tsx";
import { ErrorState } from "../components/ErrorState.tsx";
import { Link } from "../components/Link.tsx";
import { LoadingState } from "../components/LoadingState.tsx";
import { OpenTasksCounter } from "../components/OpenTasksCounter.tsx";
import { PageHeader } from "../components/PageHeader.tsx";
import { ProductUsageTab } from "../components/ProductUsageTab.tsx";
import { type TabItem, Tabs } from "../components/Tabs.tsx";
import { TaskPanel } from "../components/TaskPanel.tsx";
import { useApi } from "../hooks/useApi.ts";
import { useDocumentTitle } from "../hooks/useDocumentTitle.ts";
import { useLocation } from "../hooks/useLocation.ts";
import { useNotFound } from "../hooks/useNotFound.ts";
import { useScrollToHighlight } from "../hooks/useScrollToHighlight.ts";
import { PARTNERSHIP_TYPE_LABEL } from "../lib/labels.ts";
import { navigate, withQuery } from "../lib/navigation.ts";

type CompanyTab = "tasks" | "commercial" | "product-usage" | "churn-risk";

/** One company: its tasks and the records behind them, on tabs; ?tab, ?highlight and ?task are shareable. */
export function CompanyPage({ companyId }: { readonly companyId: string }) {
  const location = useLocation();
  const showNotFound = useNotFound();
  const { data, error, loading, reload } = useApi(`company:${companyId}`, (signal) =>
    getCompany(companyId, signal),
  );
  useDocumentTitle(data?.company.name ?? "Company");

  useEffect(() => {
    if (error?.isNotFound) showNotFound();
  }, [error, showNotFound]);

  const highlightParam = location.query.get("highlight") ?? "";
  const highlight = useMemo(() => new Set(highlightParam.split(",").filter(Boolean)), [highlightParam]);
  const openTaskId = location.query.get("task");
  const tabs: TabItem<CompanyTab>[] = data
    ? [
        {
          id: "tasks",
          label: (
            <>
              Tasks{" "}
              <OpenTasksCounter
                compact
                count={SEVERITIES.reduce((sum, s) => sum + data.openTasks[s], 0)}
                highest={data.highestSeverity}
              />
            </>
          ),
        },
        ...(data.commercial ? [{ id: "commercial" as const, label: "Commercial" }] : []),
        { id: "product-usage", label: "Product usage" },
        { id: "churn-risk", label: "Churn risk" },
      ]
    : [];
  const requested = location.query.get("tab");
  const tab = tabs.find((t) => t.id === requested)?.id ?? "tasks";
  useScrollToHighlight(data !== null && highlight.size > 0, `${tab}:${highlightParam}`);

  const closePanel = useCallback(
    () => navigate(withQuery(location.pathname, location.search, { task: null })),
    [location.pathname, location.search],
  );

  if (error && !error.isNotFound)
    return <ErrorState error={error} title="The company could not be loaded" onRetry={reload} />;
  if (!data) return loading ? <LoadingState label="Loading the company" /> : null;

  const { company } = data;
  const total = SEVERITIES.reduce((sum, s) => sum + data.openTasks[s], 0);
  return (
    <div className={openTaskId ? "with-panel" : undefined}>
      <div className="with-panel__main">
        <nav aria-label="Breadcrumb" className="breadcrumb">
          <Link to="/">Dashboard</Link>
          <span aria-hidden="true">/</span>
          <span aria-current="page">{company.name}</span>
        </nav>
        <PageHeader
          title={company.name}
          kicker={`${company.partnershipName} · ${PARTNERSHIP_TYPE_LABEL[company.partnershipType]}`}
          description={
            <span className="company-meta">
              <span className={`tag tag--state tag--${company.accountState}`}>{company.accountState}</span>
              {company.tags.map((t) => (
                <span key={t} className="tag">
                  {t}
                </span>
              ))}
            </span>
          }
          actions={<OpenTasksCounter count={total} highest={data.highestSeverity} />}
        />
        {highlight.size > 0 && tab !== "tasks" && (
          <div className="alert alert--info cause-banner">
            <span>
              The records behind the task are highlighted below and marked <strong>Cause of the task</strong>.
            </span>
            <Link
              to={withQuery(location.pathname, location.search, { highlight: null })}
              className="button button--small button--quiet"
            >
              Clear highlight
            </Link>
          </div>
        )}
        <Tabs<CompanyTab>
          label="Company details"
          idPrefix="company"
          tabs={tabs}
          selected={tab}
          onSelect={(id) =>
            navigate(withQuery(location.pathname, location.search, { tab: id === "tasks" ? null : id }), {
              replace: true,
            })
          }
        >
          {tab === "tasks" && <CompanyTasksTab tasks={data.tasks} openTaskId={openTaskId} />}
          {tab === "commercial" && data.commercial && (
            <CommercialTab commercial={data.commercial} highlight={highlight} />
          )}
          {tab === "product-usage" && (
            <ProductUsageTab
              usage={data.productUsage}
              highlight={highlight}
              highlightActivity={company.partnershipType === "mssp"}
            />
          )}
          {tab === "churn-risk" && <ChurnRiskTab churn={data.churnRisk} highlight={highlight} />}
        </Tabs>
      </div>
      {openTaskId && (
        <TaskPanel
          key={openTaskId}
          taskId={openTaskId}
          onClose={closePanel}
          onChanged={reload}
          showCauseLink={tab === "tasks"}
          inline
        />
      )}
    </div>
  );
}
