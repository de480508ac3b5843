import type { Severity } from "../../../src/core/task.ts";
import { formatNumber } from "../lib/format.ts";
import { SEVERITY_LABEL } from "../lib/labels.ts";
import { TriangleIcon } from "./TriangleIcon.tsx";

interface SeverityToggleProps {
  readonly severity: Severity;
  readonly count: number | null;
  readonly pressed: boolean;
  readonly onToggle: (severity: Severity) => void;
}

/** One corner of the severity triangle: a toggle button with the triangle, the word and the count. */
export function SeverityToggle({ severity, count, pressed, onToggle }: SeverityToggleProps) {
  return (
    <button
      type="button"
      className={`severity-toggle severity-toggle--${severity}`}
      aria-pressed={pressed}
      onClick={() => onToggle(severity)}
    >
      <TriangleIcon severity={severity} size={28} />
      <span className="severity-toggle__text">
        <span className="severity-toggle__label">{SEVERITY_LABEL[severity]}</span>
        <span className="severity-toggle__count" data-testid={`severity-count-${severity}`}>
          {count === null ? "…" : formatNumber(count)}
          <span className="visually-hidden"> tasks</span>
        </span>
      </span>
    </button>
  );
}
