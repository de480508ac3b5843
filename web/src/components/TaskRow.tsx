import type { Task } from "../api/types.ts";
import { formatAge, formatDate } from "../lib/format.ts";
import { keyDetails } from "../lib/keyDetails.ts";
import { TYPE_LABEL } from "../lib/labels.ts";
import { causeHref, companyHref } from "../lib/taskLinks.ts";
import { Link } from "./Link.tsx";
import { SeverityBadge } from "./SeverityBadge.tsx";

interface TaskRowProps {
  readonly task: Task;
  /** Who it is assigned to, in words, or null when nobody. */
  readonly assignee: string | null;
  /** Where "Details" leads (the task panel's address); omitted hides the button. */
  readonly detailsHref?: string;
  readonly selected?: boolean;
  /** Omitted: no selection checkbox. */
  readonly onSelect?: (id: string, selected: boolean) => void;
  readonly highlighted?: boolean;
  readonly now?: Date;
}

/** One task in a list: severity, title, company, the key facts, age and assignee. */
export function TaskRow({ task, assignee, detailsHref, selected, onSelect, highlighted, now }: TaskRowProps) {
  const details = keyDetails(task);
  const titleId = `task-title-${task.id}`;
  return (
    <li
      className={`task-row task-row--${task.severity}${highlighted ? " is-current" : ""}`}
      aria-labelledby={titleId}
      data-task-id={task.id}
    >
      {onSelect && (
        <div className="task-row__select">
          <input
            type="checkbox"
            checked={selected ?? false}
            onChange={(event) => onSelect(task.id, event.target.checked)}
            aria-label={`Select: ${task.title}, ${task.companyName}`}
          />
        </div>
      )}
      <div className="task-row__severity">
        <SeverityBadge severity={task.severity} />
      </div>
      <div className="task-row__main">
        <Link to={causeHref(task)} className="task-row__title" id={titleId}>
          {task.title}
        </Link>
        <div className="task-row__meta">
          <Link to={companyHref(task.companyId)} className="task-row__company">
            {task.companyName}
          </Link>
          <span aria-hidden="true"> · </span>
          <span>{TYPE_LABEL[task.type]}</span>
          {task.status === "snoozed" && (
            <span className="tag tag--info">Snoozed until {formatDate(task.snoozedUntil)}</span>
          )}
          {task.status === "dismissed" && <span className="tag">Dismissed</span>}
          {task.status === "resolved" && (
            <span className="tag tag--ok">Resolved {formatDate(task.resolvedAt)}</span>
          )}
        </div>
      </div>
      {details.length > 0 ? (
        <ul className="task-row__details" aria-label="Key details">
          {details.map((detail, index) => (
            <li
              key={detail}
              className={index === 0 ? "task-row__detail task-row__detail--lead" : "task-row__detail"}
            >
              {detail}
            </li>
          ))}
        </ul>
      ) : (
        <div className="task-row__details" />
      )}
      <div className="task-row__age">
        <span className="task-row__label">Age </span>
        <time dateTime={task.openedAt} title={`Opened ${formatDate(task.openedAt)}`}>
          {formatAge(task.openedAt, now)}
        </time>
      </div>
      <div className="task-row__assignee">
        <span className="task-row__label">Assignee </span>
        {assignee ?? <span className="muted">Unassigned</span>}
      </div>
      {detailsHref && (
        <div className="task-row__actions">
          <Link
            to={detailsHref}
            className="button button--small button--quiet"
            aria-label={`Details: ${task.title}, ${task.companyName}`}
          >
            Details
          </Link>
        </div>
      )}
    </li>
  );
}
