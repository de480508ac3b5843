import { type FormEvent, useId, useState } from "react";
import { type BulkAction, bulkUpdateTasks } from "../api/endpoints.ts";
import { useAction } from "../hooks/useAction.ts";
import { useSession } from "../hooks/useSession.ts";
import { useUsers } from "../hooks/useUsers.ts";
import { isoDateAfter, plural } from "../lib/format.ts";
import { InlineError } from "./InlineError.tsx";
import { SNOOZE_DAYS } from "./SnoozeForm.tsx";

type Mode = "snooze" | "dismiss" | "assign";

/** Snooze, dismiss or assign the selected tasks in one request (POST /tasks/bulk). */
export function BulkBar({
  ids,
  onDone,
  onClear,
}: {
  readonly ids: readonly string[];
  readonly onDone: (message: string) => void;
  readonly onClear: () => void;
}) {
  const id = useId();
  const { me } = useSession();
  const { users } = useUsers();
  const [mode, setMode] = useState<Mode>("snooze");
  const [days, setDays] = useState("7");
  const [reason, setReason] = useState("");
  const [assignee, setAssignee] = useState(me.id);
  const action = useAction();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const bulk: BulkAction =
      mode === "snooze"
        ? {
            action: "snooze",
            until: isoDateAfter(Number(days)),
            ...(reason.trim() ? { reason: reason.trim() } : {}),
          }
        : mode === "dismiss"
          ? { action: "dismiss", reason: reason.trim() }
          : { action: "assign", userId: assignee || null };
    if (bulk.action === "dismiss" && !bulk.reason) return;
    const result = await action.run(() => bulkUpdateTasks(ids, bulk));
    if (!result) return;
    const verb = mode === "snooze" ? "snoozed" : mode === "dismiss" ? "dismissed" : "assigned";
    const missed = result.notFound.length
      ? ` ${plural(result.notFound.length, "task")} could not be found.`
      : "";
    setReason("");
    onDone(`${plural(result.updated, "task")} ${verb}.${missed}`);
  };

  return (
    <section className="bulk-bar" aria-label="Bulk actions">
      <p className="bulk-bar__count">
        <strong>{plural(ids.length, "task")}</strong> selected
      </p>
      <form className="bulk-bar__form" onSubmit={submit}>
        <label htmlFor={`${id}-mode`} className="visually-hidden">
          Action
        </label>
        <select id={`${id}-mode`} value={mode} onChange={(event) => setMode(event.target.value as Mode)}>
          <option value="snooze">Snooze</option>
          <option value="dismiss">Dismiss</option>
          <option value="assign">Assign</option>
        </select>
        {mode === "snooze" && (
          <>
            <label htmlFor={`${id}-days`} className="visually-hidden">
              Snooze for
            </label>
            <select id={`${id}-days`} value={days} onChange={(event) => setDays(event.target.value)}>
              {SNOOZE_DAYS.map((d) => (
                <option key={d} value={String(d)}>
                  for {d} days
                </option>
              ))}
            </select>
          </>
        )}
        {mode === "assign" && (
          <>
            <label htmlFor={`${id}-assignee`} className="visually-hidden">
              Assign to
            </label>
            <select
              id={`${id}-assignee`}
              value={assignee}
              onChange={(event) => setAssignee(event.target.value)}
            >
              <option value={me.id}>Me</option>
              {(users ?? [])
                .filter((u) => u.id !== me.id)
                .map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name}
                  </option>
                ))}
              <option value="">Nobody (unassign)</option>
            </select>
          </>
        )}
        {mode !== "assign" && (
          <>
            <label htmlFor={`${id}-reason`} className="visually-hidden">
              {mode === "dismiss" ? "Reason (required)" : "Reason (optional)"}
            </label>
            <input
              id={`${id}-reason`}
              value={reason}
              maxLength={500}
              required={mode === "dismiss"}
              placeholder={mode === "dismiss" ? "Reason (required)" : "Reason (optional)"}
              onChange={(event) => setReason(event.target.value)}
            />
          </>
        )}
        <button
          type="submit"
          className="button button--primary"
          disabled={action.busy || (mode === "dismiss" && !reason.trim())}
        >
          Apply
        </button>
        <button type="button" className="button button--quiet" onClick={onClear}>
          Clear selection
        </button>
      </form>
      <InlineError error={action.error} />
    </section>
  );
}
