import { useState } from "react";
import { reopenTask } from "../api/endpoints.ts";
import type { TaskDetail } from "../api/types.ts";
import { useAction } from "../hooks/useAction.ts";
import { useSession } from "../hooks/useSession.ts";
import { AssignControl } from "./AssignControl.tsx";
import { CommentForm } from "./CommentForm.tsx";
import { DismissForm } from "./DismissForm.tsx";
import { InlineError } from "./InlineError.tsx";
import { SnoozeForm } from "./SnoozeForm.tsx";

type OpenForm = "snooze" | "dismiss" | null;

/** Snooze, dismiss, reopen, assign and comment; a resolved task only takes comments. */
export function TaskActions({
  task,
  onChanged,
}: {
  readonly task: TaskDetail;
  readonly onChanged: (task: TaskDetail) => void;
}) {
  const { canAct } = useSession();
  const [open, setOpen] = useState<OpenForm>(null);
  const reopen = useAction();
  if (!canAct) return null;
  const done = (next: TaskDetail) => {
    setOpen(null);
    onChanged(next);
  };
  const live = task.status !== "resolved";
  return (
    <section className="panel-section" aria-labelledby="task-actions">
      <h3 id="task-actions" className="panel-section__title">
        Actions
      </h3>
      {live ? (
        <div className="button-row">
          {task.status !== "snoozed" && (
            <button
              type="button"
              className="button"
              aria-expanded={open === "snooze"}
              aria-controls="snooze-form"
              onClick={() => setOpen(open === "snooze" ? null : "snooze")}
            >
              Snooze…
            </button>
          )}
          {task.status !== "dismissed" && (
            <button
              type="button"
              className="button"
              aria-expanded={open === "dismiss"}
              aria-controls="dismiss-form"
              onClick={() => setOpen(open === "dismiss" ? null : "dismiss")}
            >
              Dismiss…
            </button>
          )}
          {task.status !== "open" && (
            <button
              type="button"
              className="button"
              disabled={reopen.busy}
              onClick={async () => {
                const next = await reopen.run(() => reopenTask(task.id));
                if (next) done(next);
              }}
            >
              Reopen
            </button>
          )}
        </div>
      ) : (
        <p className="muted">This task is resolved: its condition no longer holds. You can still comment.</p>
      )}
      <InlineError error={reopen.error} />
      {live && open === "snooze" && (
        <SnoozeForm taskId={task.id} onDone={done} onCancel={() => setOpen(null)} />
      )}
      {live && open === "dismiss" && (
        <DismissForm taskId={task.id} onDone={done} onCancel={() => setOpen(null)} />
      )}
      <AssignControl key={task.assigneeId ?? "nobody"} task={task} onDone={done} />
      <CommentForm taskId={task.id} onDone={done} />
    </section>
  );
}
