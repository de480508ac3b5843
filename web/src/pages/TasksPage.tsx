import { useCallback, useEffect, useMemo, useState } from "react";
import { TASK_STATUSES, type TaskStatus } from "../../../src/core/task.ts";
import { BulkBar } from "../components/BulkBar.tsx";
import { EmptyState } from "../components/EmptyState.tsx";
import { ErrorState } from "../components/ErrorState.tsx";
import { LoadingState } from "../components/LoadingState.tsx";
import { PageHeader } from "../components/PageHeader.tsx";
import { Tabs } from "../components/Tabs.tsx";
import { TaskFilterBar } from "../components/TaskFilterBar.tsx";
import { TaskList } from "../components/TaskList.tsx";
import { TaskPanel } from "../components/TaskPanel.tsx";
import { useDocumentTitle } from "../hooks/useDocumentTitle.ts";
import { useLocation } from "../hooks/useLocation.ts";
import { useSession } from "../hooks/useSession.ts";
import { useTaskFilters } from "../hooks/useTaskFilters.ts";
import { useTaskList } from "../hooks/useTaskList.ts";
import { useUsers } from "../hooks/useUsers.ts";
import { formatNumber, plural } from "../lib/format.ts";
import { STATUS_LABEL } from "../lib/labels.ts";
import { navigate, withQuery } from "../lib/navigation.ts";
import { taskQueryOf } from "../lib/taskFilters.ts";

/** The task list: severity triangle, categories, status tabs, search, sort, bulk actions, paging. */
export function TasksPage() {
  useDocumentTitle("Tasks");
  const location = useLocation();
  const session = useSession();
  const { filters, setFilters } = useTaskFilters();
  const query = useMemo(() => ({ ...taskQueryOf(filters), ...session.scope }), [filters, session.scope]);
  const list = useTaskList(query);
  const { nameOf } = useUsers();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [announcement, setAnnouncement] = useState("");
  const openTaskId = location.query.get("task");
  const queryKey = JSON.stringify(query);

  // A different filter shows different rows: a selection of rows no longer shown would surprise.
  // biome-ignore lint/correctness/useExhaustiveDependencies: clears on every change of the query.
  useEffect(() => setSelected(new Set()), [queryKey]);

  const select = useCallback((ids: readonly string[], on: boolean) => {
    setSelected((previous) => {
      const next = new Set(previous);
      for (const id of ids) {
        if (on) next.add(id);
        else next.delete(id);
      }
      return next;
    });
  }, []);

  const closePanel = useCallback(
    () => navigate(withQuery(location.pathname, location.search, { task: null })),
    [location.pathname, location.search],
  );

  const total = list.counts
    ? (filters.severity.length ? filters.severity : (["high", "medium", "low"] as const)).reduce(
        (sum, s) => sum + (list.counts?.severity[s] ?? 0),
        0,
      )
    : null;

  const statusTabs = TASK_STATUSES.map((status) => ({ id: status, label: STATUS_LABEL[status] }));

  return (
    <div className={openTaskId ? "with-panel" : undefined}>
      <div className="with-panel__main">
        <PageHeader
          title="Tasks"
          description="Everything that needs attention across your customers, most urgent first."
        />
        <TaskFilterBar filters={filters} counts={list.counts} onChange={setFilters} />
        <Tabs<TaskStatus>
          label="Task status"
          idPrefix="status"
          tabs={statusTabs}
          selected={filters.status}
          onSelect={(status) => setFilters({ status })}
        >
          <p className="visually-hidden" role="status">
            {announcement}
          </p>
          {selected.size > 0 && session.canAct && (
            <BulkBar
              ids={[...selected]}
              onClear={() => setSelected(new Set())}
              onDone={(message) => {
                setAnnouncement(message);
                setSelected(new Set());
                list.reload();
              }}
            />
          )}
          {announcement && selected.size === 0 && (
            <div className="alert alert--success">
              <span>{announcement}</span>
              <button
                type="button"
                className="button button--small button--quiet"
                onClick={() => setAnnouncement("")}
              >
                Dismiss message
              </button>
            </div>
          )}
          <div className="list-summary" aria-live="polite">
            {list.loading ? (
              <span className="muted">Loading…</span>
            ) : total !== null ? (
              <span>
                <strong>{formatNumber(total)}</strong> {STATUS_LABEL[filters.status].toLowerCase()}{" "}
                {total === 1 ? "task" : "tasks"}
                {list.items.length < total ? ` · showing ${formatNumber(list.items.length)}` : ""}
              </span>
            ) : null}
          </div>
          {list.error && (
            <ErrorState error={list.error} title="The tasks could not be loaded" onRetry={list.reload} />
          )}
          {!list.error && list.loading && list.items.length === 0 && <LoadingState label="Loading tasks" />}
          {!list.error && !list.loading && list.items.length === 0 && (
            <EmptyState title={`No ${STATUS_LABEL[filters.status].toLowerCase()} tasks match`}>
              {filters.severity.length || filters.category.length || filters.q || filters.assignee ? (
                <button
                  type="button"
                  className="button"
                  onClick={() => setFilters({ severity: [], category: [], q: "", assignee: "" })}
                >
                  Clear the filters
                </button>
              ) : (
                <p>Nothing needs attention here right now.</p>
              )}
            </EmptyState>
          )}
          {list.items.length > 0 && (
            <div className={list.loading ? "is-refreshing" : undefined}>
              <TaskList
                label={`${STATUS_LABEL[filters.status]} tasks`}
                tasks={list.items}
                assigneeOf={(task) => nameOf(task.assigneeId)}
                detailsHref={(task) => withQuery(location.pathname, location.search, { task: task.id })}
                {...(session.canAct ? { selected, onSelect: select } : {})}
                highlighted={new Set(openTaskId ? [openTaskId] : [])}
              />
              {list.nextCursor && (
                <div className="load-more">
                  <button
                    type="button"
                    className="button"
                    onClick={list.loadMore}
                    disabled={list.loadingMore}
                  >
                    {list.loadingMore ? "Loading…" : "Load more"}
                  </button>
                  <span className="muted">
                    {total !== null ? `${plural(total - list.items.length, "more task")} to show` : ""}
                  </span>
                </div>
              )}
            </div>
          )}
        </Tabs>
      </div>
      {openTaskId && (
        <TaskPanel
          key={openTaskId}
          taskId={openTaskId}
          onClose={closePanel}
          onChanged={() => list.reload()}
        />
      )}
    </div>
  );
}
