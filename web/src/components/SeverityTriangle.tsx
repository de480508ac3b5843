import { SEVERITIES, type Severity } from "../../../src/core/task.ts";
import type { SeverityCounts } from "../api/types.ts";
import { SeverityToggle } from "./SeverityToggle.tsx";

interface SeverityTriangleProps {
  /** The severities switched on; none means every severity. */
  readonly selected: readonly Severity[];
  readonly counts: SeverityCounts | null;
  readonly onChange: (selected: Severity[]) => void;
}

/** The severity filter: one warning-triangle toggle per severity, several may be on at once. */
export function SeverityTriangle({ selected, counts, onChange }: SeverityTriangleProps) {
  const toggle = (severity: Severity) => {
    const next = selected.includes(severity)
      ? selected.filter((s) => s !== severity)
      : [...selected, severity];
    onChange(SEVERITIES.filter((s) => next.includes(s)));
  };
  return (
    <fieldset className="severity-triangle">
      <legend className="filter-legend">Severity</legend>
      <div className="severity-triangle__toggles">
        {SEVERITIES.map((severity) => (
          <SeverityToggle
            key={severity}
            severity={severity}
            count={counts ? counts[severity] : null}
            pressed={selected.includes(severity)}
            onToggle={toggle}
          />
        ))}
      </div>
    </fieldset>
  );
}
