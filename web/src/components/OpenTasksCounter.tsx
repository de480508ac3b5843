import type { Severity } from "../../../src/core/task.ts";
import { formatNumber } from "../lib/format.ts";
import { SEVERITY_LABEL } from "../lib/labels.ts";

/** Open tasks of a company, coloured by the highest open severity, with that severity in words. */
export function OpenTasksCounter({
  count,
  highest,
  compact,
}: {
  readonly count: number;
  readonly highest: Severity | null;
  readonly compact?: boolean;
}) {
  const tone = count === 0 || highest === null ? "none" : highest;
  const noun = count === 1 ? "open task" : "open tasks";
  const words =
    count === 0 || highest === null ? "" : `highest severity ${SEVERITY_LABEL[highest].toLowerCase()}`;
  return (
    <span className={`open-counter open-counter--${tone}${compact ? " open-counter--compact" : ""}`}>
      <strong>{formatNumber(count)}</strong>
      {compact ? (
        <span className="visually-hidden">
          {" "}
          {noun}
          {words && `, ${words}`}
        </span>
      ) : (
        <span>
          {" "}
          {noun}
          {words && ` · ${words}`}
        </span>
      )}
    </span>
  );
}
