import type { Severity } from "../../../src/core/task.ts";
import { SEVERITY_LABEL } from "../lib/labels.ts";
import { TriangleIcon } from "./TriangleIcon.tsx";

/** A task's severity: the coloured triangle and its word. */
export function SeverityBadge({ severity }: { readonly severity: Severity }) {
  return (
    <span className={`severity-badge severity-badge--${severity}`}>
      <TriangleIcon severity={severity} size={16} />
      {SEVERITY_LABEL[severity]}
    </span>
  );
}
