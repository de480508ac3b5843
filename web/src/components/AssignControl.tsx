import { useId, useState } from "react";
import { assignTask } from "../api/endpoints.ts";
import type { TaskDetail } from "../api/types.ts";
import { useAction } from "../hooks/useAction.ts";
import { useSession } from "../hooks/useSession.ts";
import { useUsers } from "../hooks/useUsers.ts";
import { InlineError } from "./InlineError.tsx";

/** Admins pick anyone of the partner; everyone else can take the task or let it go. */
export function AssignControl({
  task,
  onDone,
}: {
  readonly task: TaskDetail;
  readonly onDone: (task: TaskDetail) => void;
}) {
  const id = useId();
  const { me } = useSession();
  const { users } = useUsers();
  const action = useAction();
  const [choice, setChoice] = useState(task.assigneeId ?? "");
  const assign = async (userId: string | null) => {
    const next = await action.run(() => assignTask(task.id, userId));
    if (next) onDone(next);
  };
  const mine = task.assigneeId === me.id;
  return (
    <div className="assign">
      <p className="assign__current">
        <span className="muted">Assignee: </span>
        <strong>
          {task.assignee ? (mine ? `${task.assignee.name} (you)` : task.assignee.name) : "Nobody"}
        </strong>
      </p>
      {users ? (
        <div className="inline-form">
          <label htmlFor={`${id}-user`} className="visually-hidden">
            Assign to
          </label>
          <select id={`${id}-user`} value={choice} onChange={(event) => setChoice(event.target.value)}>
            <option value="">Nobody</option>
            {users.map((user) => (
              <option key={user.id} value={user.id}>
                {user.name}
                {user.id === me.id ? " (you)" : ""}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button"
            disabled={action.busy || choice === (task.assigneeId ?? "")}
            onClick={() => void assign(choice || null)}
          >
            Assign
          </button>
        </div>
      ) : (
        <div className="button-row">
          {!mine && (
            <button
              type="button"
              className="button"
              disabled={action.busy}
              onClick={() => void assign(me.id)}
            >
              Assign to me
            </button>
          )}
          {task.assigneeId && (
            <button
              type="button"
              className="button button--quiet"
              disabled={action.busy}
              onClick={() => void assign(null)}
            >
              Unassign
            </button>
          )}
        </div>
      )}
      <InlineError error={action.error} />
    </div>
  );
}
