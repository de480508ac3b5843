import { type FormEvent, useId, useState } from "react";
import { dismissTask } from "../api/endpoints.ts";
import type { TaskDetail } from "../api/types.ts";
import { useAction } from "../hooks/useAction.ts";
import { InlineError } from "./InlineError.tsx";

/** Dismiss with a required reason; the task stays hidden unless it escalates or returns. */
export function DismissForm({
  taskId,
  onDone,
  onCancel,
}: {
  readonly taskId: string;
  readonly onDone: (task: TaskDetail) => void;
  readonly onCancel: () => void;
}) {
  const id = useId();
  const [reason, setReason] = useState("");
  const [missing, setMissing] = useState(false);
  const action = useAction();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) {
      setMissing(true);
      return;
    }
    const next = await action.run(() => dismissTask(taskId, reason.trim()));
    if (next) onDone(next);
  };

  return (
    <form
      id="dismiss-form"
      className="action-form"
      onSubmit={submit}
      aria-label="Dismiss the task"
      noValidate
    >
      <div className="field">
        <label htmlFor={`${id}-reason`}>Reason</label>
        <textarea
          id={`${id}-reason`}
          rows={2}
          maxLength={500}
          value={reason}
          onChange={(event) => {
            setReason(event.target.value);
            setMissing(false);
          }}
          aria-invalid={missing}
          aria-describedby={missing ? `${id}-missing` : undefined}
          required
        />
        {missing && (
          <p id={`${id}-missing`} className="inline-error">
            Say why, so colleagues know.
          </p>
        )}
      </div>
      <InlineError error={action.error} />
      <div className="button-row">
        <button type="submit" className="button button--danger" disabled={action.busy}>
          {action.busy ? "Dismissing…" : "Dismiss"}
        </button>
        <button type="button" className="button button--quiet" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
