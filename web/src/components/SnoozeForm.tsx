import { type FormEvent, useId, useState } from "react";
import { snoozeTask } from "../api/endpoints.ts";
import type { TaskDetail } from "../api/types.ts";
import { useAction } from "../hooks/useAction.ts";
import { formatDate, isoDateAfter } from "../lib/format.ts";
import { InlineError } from "./InlineError.tsx";

export const SNOOZE_DAYS = [7, 14, 30, 90] as const;

/** Snooze for 7, 14, 30 or 90 days, or until a date (at most 90 days ahead), with a reason. */
export function SnoozeForm({
  taskId,
  onDone,
  onCancel,
}: {
  readonly taskId: string;
  readonly onDone: (task: TaskDetail) => void;
  readonly onCancel: () => void;
}) {
  const id = useId();
  const [choice, setChoice] = useState<string>("7");
  const [date, setDate] = useState(isoDateAfter(7));
  const [reason, setReason] = useState("");
  const action = useAction();
  const until = choice === "date" ? date : isoDateAfter(Number(choice));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const next = await action.run(() => snoozeTask(taskId, until, reason.trim() || undefined));
    if (next) onDone(next);
  };

  return (
    <form id="snooze-form" className="action-form" onSubmit={submit} aria-label="Snooze the task">
      <fieldset className="radio-pills">
        <legend>Snooze for</legend>
        {SNOOZE_DAYS.map((days) => (
          <label key={days} className="radio-pill">
            <input
              type="radio"
              name={`${id}-until`}
              value={String(days)}
              checked={choice === String(days)}
              onChange={() => setChoice(String(days))}
            />
            <span>{days} days</span>
          </label>
        ))}
        <label className="radio-pill">
          <input
            type="radio"
            name={`${id}-until`}
            value="date"
            checked={choice === "date"}
            onChange={() => setChoice("date")}
          />
          <span>A date</span>
        </label>
      </fieldset>
      {choice === "date" && (
        <div className="field">
          <label htmlFor={`${id}-date`}>Until</label>
          <input
            id={`${id}-date`}
            type="date"
            value={date}
            min={isoDateAfter(1)}
            max={isoDateAfter(90)}
            onChange={(event) => setDate(event.target.value)}
            required
          />
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-reason`}>
          Reason <span className="muted">(optional)</span>
        </label>
        <input
          id={`${id}-reason`}
          value={reason}
          maxLength={500}
          onChange={(event) => setReason(event.target.value)}
        />
      </div>
      <p className="muted small">Hidden until {formatDate(until)}, or earlier if it escalates.</p>
      <InlineError error={action.error} />
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={action.busy}>
          {action.busy ? "Snoozing…" : "Snooze"}
        </button>
        <button type="button" className="button button--quiet" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
