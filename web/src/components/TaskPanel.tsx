import { useEffect, useRef } from "react";
import { getTask } from "../api/endpoints.ts";
import type { TaskDetail } from "../api/types.ts";
import { useApi } from "../hooks/useApi.ts";
import { useNotFound } from "../hooks/useNotFound.ts";
import { formatDate } from "../lib/format.ts";
import { CATEGORY_LABEL, PARTNERSHIP_TYPE_LABEL, STATUS_LABEL, TYPE_LABEL } from "../lib/labels.ts";
import { causeHref } from "../lib/taskLinks.ts";
import { ErrorState } from "./ErrorState.tsx";
import { Link } from "./Link.tsx";
import { LoadingState } from "./LoadingState.tsx";
import { SeverityBadge } from "./SeverityBadge.tsx";
import { TaskActions } from "./TaskActions.tsx";
import { TaskExplanation } from "./TaskExplanation.tsx";
import { TaskHistory } from "./TaskHistory.tsx";

interface TaskPanelProps {
  readonly taskId: string;
  readonly onClose: () => void;
  /** Called after an action changed the task, so lists can refresh. */
  readonly onChanged: (task: TaskDetail) => void;
  /** Hide the "show the cause" link when the panel already sits on the cause. */
  readonly showCauseLink?: boolean;
  /** On narrow screens, follow the page instead of covering it (beside a highlighted cause). */
  readonly inline?: boolean;
}

/** A task's explanation, history and actions, beside the list or the company page (?task=ID). */
export function TaskPanel({
  taskId,
  onClose,
  onChanged,
  showCauseLink = true,
  inline = false,
}: TaskPanelProps) {
  const { data, error, loading, reload, setData } = useApi(`task:${taskId}`, (signal) =>
    getTask(taskId, signal),
  );
  const showNotFound = useNotFound();
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (error?.isNotFound) showNotFound();
  }, [error, showNotFound]);

  // Focus follows the panel so keyboard and screen-reader users land on what they opened.
  useEffect(() => {
    if (data?.id === taskId) heading.current?.focus({ preventScroll: true });
  }, [data?.id, taskId]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") onClose();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onClose]);

  const changed = (task: TaskDetail) => {
    setData(task);
    onChanged(task);
  };

  return (
    <aside
      className={inline ? "task-panel task-panel--inline" : "task-panel"}
      aria-labelledby="task-panel-title"
      data-testid="task-panel"
    >
      <div className="task-panel__bar">
        <span className="task-panel__kicker">Task</span>
        <button type="button" className="icon-button" onClick={onClose} aria-label="Close task details">
          <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true" focusable="false">
            <path d="M5 5l10 10M15 5 5 15" />
          </svg>
        </button>
      </div>
      {loading && !data && <LoadingState label="Loading the task" />}
      {error && !error.isNotFound && <ErrorState error={error} onRetry={reload} />}
      {data && data.id === taskId && (
        <div className="task-panel__body">
          <div className="task-panel__head">
            <div className="task-panel__badges">
              <SeverityBadge severity={data.severity} />
              <span className={`status-pill status-pill--${data.status}`}>{STATUS_LABEL[data.status]}</span>
              {data.status === "snoozed" && data.snoozedUntil && (
                <span className="muted">until {formatDate(data.snoozedUntil)}</span>
              )}
            </div>
            <h2 id="task-panel-title" ref={heading} tabIndex={-1} className="task-panel__title">
              {data.title}
            </h2>
            <p className="task-panel__company">
              <Link to={`/companies/${encodeURIComponent(data.company.id)}`}>{data.company.name}</Link>
              <span className="muted">
                {" "}
                · {data.company.partnershipName} ({PARTNERSHIP_TYPE_LABEL[data.company.partnershipType]}) ·{" "}
                {TYPE_LABEL[data.type]} · {CATEGORY_LABEL[data.category]}
              </span>
            </p>
            {showCauseLink && (
              <Link to={causeHref(data)} className="button button--small">
                Show the cause on the company page
              </Link>
            )}
          </div>
          <TaskExplanation task={data} />
          <TaskActions task={data} onChanged={changed} />
          <TaskHistory history={data.history} previousTasks={data.previousTasks} />
        </div>
      )}
    </aside>
  );
}
