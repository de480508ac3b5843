import type { TaskDetail, TaskEvent } from "../api/types.ts";
import { formatDate, formatDateTime } from "../lib/format.ts";
import { EVENT_LABEL, SEVERITY_LABEL } from "../lib/labels.ts";

/** The task's timeline, newest first: who did what and when, the portal's scan included. */
export function TaskHistory({
  history,
  previousTasks,
}: {
  readonly history: TaskDetail["history"];
  readonly previousTasks: TaskDetail["previousTasks"];
}) {
  const events = [...history].sort((a, b) => b.at.localeCompare(a.at) || b.id - a.id);
  return (
    <section className="panel-section" aria-labelledby="task-history">
      <h3 id="task-history" className="panel-section__title">
        History
      </h3>
      {events.length === 0 ? (
        <p className="muted">No events yet.</p>
      ) : (
        <ol className="timeline">
          {events.map((event) => (
            <li key={event.id} className={`timeline__item timeline__item--${event.kind}`}>
              <span className="timeline__dot" aria-hidden="true" />
              <div className="timeline__content">
                <p className="timeline__line">
                  <strong>{EVENT_LABEL[event.kind]}</strong>{" "}
                  <span className="muted">by {event.actor ? event.actor.name : "the portal's scan"}</span>
                </p>
                {eventDetail(event) && <p className="timeline__detail">{eventDetail(event)}</p>}
                <time className="timeline__time" dateTime={event.at}>
                  {formatDateTime(event.at)}
                </time>
              </div>
            </li>
          ))}
        </ol>
      )}
      {previousTasks.length > 0 && (
        <p className="muted timeline__previous">
          This condition happened before:{" "}
          {previousTasks.map((p) => `${formatDate(p.openedAt)} – ${formatDate(p.resolvedAt)}`).join("; ")}.
        </p>
      )}
    </section>
  );
}

const str = (value: unknown): string | null => (typeof value === "string" && value ? value : null);

function eventDetail(event: TaskEvent): string | null {
  const d = event.data;
  switch (event.kind) {
    case "escalated":
    case "de-escalated": {
      const from = str(d.from);
      const to = str(d.to);
      const label = (s: string) => SEVERITY_LABEL[s as keyof typeof SEVERITY_LABEL] ?? s;
      return from && to ? `${label(from)} → ${label(to)}` : null;
    }
    case "snoozed": {
      const until = str(d.until);
      const reason = str(d.reason);
      return (
        [until ? `Until ${formatDate(until)}` : null, reason ? `“${reason}”` : null]
          .filter(Boolean)
          .join(" · ") || null
      );
    }
    case "dismissed":
      return str(d.reason) ? `“${str(d.reason)}”` : null;
    case "assigned":
      return str(d.userName) ? `To ${str(d.userName)}` : d.userId === null ? "Unassigned" : null;
    case "commented":
      return str(d.text);
    default:
      return null;
  }
}
