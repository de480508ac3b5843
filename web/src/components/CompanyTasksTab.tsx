import type { Task } from "../api/types.ts";
import { useLocation } from "../hooks/useLocation.ts";
import { useUsers } from "../hooks/useUsers.ts";
import { withQuery } from "../lib/navigation.ts";
import { EmptyState } from "./EmptyState.tsx";
import { TaskList } from "./TaskList.tsx";

/** The company's live tasks (open, snoozed, dismissed); "Details" opens the task panel here. */
export function CompanyTasksTab({
  tasks,
  openTaskId,
}: {
  readonly tasks: readonly Task[];
  readonly openTaskId: string | null;
}) {
  const location = useLocation();
  const { nameOf } = useUsers();
  if (tasks.length === 0) {
    return <EmptyState title="No tasks">Nothing about this company needs attention right now.</EmptyState>;
  }
  return (
    <TaskList
      label="Tasks of this company"
      tasks={tasks}
      assigneeOf={(task) => nameOf(task.assigneeId)}
      detailsHref={(task) =>
        withQuery(location.pathname, location.search, { tab: "tasks", task: task.id, highlight: null })
      }
      highlighted={new Set(openTaskId ? [openTaskId] : [])}
    />
  );
}
