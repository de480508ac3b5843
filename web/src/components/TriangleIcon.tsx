import type { Severity } from "../../../src/core/task.ts";

/** The warning triangle in a severity's colour; decorative, so words always accompany it. */
export function TriangleIcon({
  severity,
  size = 20,
}: {
  readonly severity: Severity;
  readonly size?: number;
}) {
  return (
    <svg
      className={`triangle triangle--${severity}`}
      width={size}
      height={size}
      viewBox="0 0 24 24"
      aria-hidden="true"
      focusable="false"
    >
      <path className="triangle__shape" d="M12 2.8 22.6 21H1.4z" strokeLinejoin="round" />
      <path className="triangle__mark" d="M12 9v5.5M12 17.4v.1" strokeLinecap="round" />
    </svg>
  );
}
