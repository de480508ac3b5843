import { SEVERITIES } from "../../../src/core/task.ts";
import type { SeverityCounts } from "../api/types.ts";
import { formatNumber } from "../lib/format.ts";
import { SEVERITY_LABEL } from "../lib/labels.ts";

/** Open tasks per severity as coloured badges that also say the count and the severity in words. */
export function SeverityCountBadges({ counts }: { readonly counts: SeverityCounts }) {
  const shown = SEVERITIES.filter((s) => counts[s] > 0);
  if (shown.length === 0) return <span className="muted">None</span>;
  return (
    <span className="count-badges">
      {shown.map((severity) => (
        <span key={severity} className={`count-badge count-badge--${severity}`}>
          <strong>{formatNumber(counts[severity])}</strong> {SEVERITY_LABEL[severity].toLowerCase()}
        </span>
      ))}
    </span>
  );
}
