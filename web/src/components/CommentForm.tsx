import { type FormEvent, useId, useState } from "react";
import { commentOnTask } from "../api/endpoints.ts";
import type { TaskDetail } from "../api/types.ts";
import { useAction } from "../hooks/useAction.ts";
import { InlineError } from "./InlineError.tsx";

/** A note on the task's history, for colleagues. */
export function CommentForm({
  taskId,
  onDone,
}: {
  readonly taskId: string;
  readonly onDone: (task: TaskDetail) => void;
}) {
  const id = useId();
  const [text, setText] = useState("");
  const action = useAction();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return;
    const next = await action.run(() => commentOnTask(taskId, text.trim()));
    if (next) {
      setText("");
      onDone(next);
    }
  };
  return (
    <form className="comment-form" onSubmit={submit}>
      <label htmlFor={`${id}-comment`}>Comment</label>
      <textarea
        id={`${id}-comment`}
        rows={2}
        maxLength={2000}
        value={text}
        placeholder="Add a note for your colleagues"
        onChange={(event) => setText(event.target.value)}
      />
      <InlineError error={action.error} />
      <button type="submit" className="button" disabled={action.busy || !text.trim()}>
        {action.busy ? "Adding…" : "Add comment"}
      </button>
    </form>
  );
}
