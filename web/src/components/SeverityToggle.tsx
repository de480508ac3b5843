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
        <span className="severity-toggle__label">
          {SEVERITY_LABEL[severity]}
          <svg
            className="severity-toggle__check"
            viewBox="0 0 16 16"
            width="12"
            height="12"
            aria-hidden="true"
            focusable="false"
          >
            <path d="M3.5 8.5 6.5 11.5 12.5 4.5" />
          </svg>
        </span>
        <span className="severity-toggle__count" data-testid={`severity-count-${severity}`}>
          {count === null ? "…" : formatNumber(count)}
          <span className="visually-hidden"> tasks</span>
        </span>
      </span>
    </button>
  );
}
