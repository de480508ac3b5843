import type { Task } from "../api/types.ts";
import { plural } from "../lib/format.ts";
import { TaskRow } from "./TaskRow.tsx";

interface TaskListProps {
  readonly tasks: readonly Task[];
  readonly assigneeOf: (task: Task) => string | null;
  readonly detailsHref: (task: Task) => string;
  readonly selected?: ReadonlySet<string>;
  readonly onSelect?: (ids: readonly string[], selected: boolean) => void;
  readonly highlighted?: ReadonlySet<string>;
  readonly label: string;
}

/** Tasks as rows (cards on narrow screens), with "select all shown" when selection is on. */
export function TaskList({
  tasks,
  assigneeOf,
  detailsHref,
  selected,
  onSelect,
  highlighted,
  label,
}: TaskListProps) {
  const allSelected = selected !== undefined && tasks.length > 0 && tasks.every((t) => selected.has(t.id));
  return (
    <div className="task-list">
      <div className={onSelect ? "task-list__head task-list__head--selectable" : "task-list__head"}>
        {onSelect && (
          <label className="task-list__select-all">
            <input
              type="checkbox"
              checked={allSelected}
              onChange={(event) =>
                onSelect(
                  tasks.map((t) => t.id),
                  event.target.checked,
                )
              }
            />
            <span className="task-list__select-all-text">
              Select all {plural(tasks.length, "shown task")}
            </span>
          </label>
        )}
        {/* Column words for sighted users; each row names its own cells for screen readers. */}
        {["Severity", "Task", "Key details", "Age", "Assignee"].map((column) => (
          <span key={column} className="task-list__column" aria-hidden="true">
            {column}
          </span>
        ))}
      </div>
      <ul className="task-list__rows" aria-label={label}>
        {tasks.map((task) => (
          <TaskRow
            key={task.id}
            task={task}
            assignee={assigneeOf(task)}
            detailsHref={detailsHref(task)}
            selected={selected?.has(task.id) ?? false}
            {...(onSelect ? { onSelect: (id: string, on: boolean) => onSelect([id], on) } : {})}
            highlighted={highlighted?.has(task.id) ?? false}
          />
        ))}
      </ul>
    </div>
  );
}
