import type { UsagePoint } from "../api/types.ts";
import { niceMax } from "../lib/chartScale.ts";
import { formatDate, formatNumber } from "../lib/format.ts";

const WIDTH = 320;
const HEIGHT = 84;
const PAD = { top: 8, right: 6, bottom: 8, left: 6 };

/** One product's measured usage over the last 90 days as a line, with the licence as a dashed line. */
export function UsageHistoryChart({
  points,
  licensed,
  productName,
}: {
  readonly points: readonly UsagePoint[];
  readonly licensed: number | null;
  readonly productName: string;
}) {
  const sorted = [...points].sort((a, b) => a.measuredAt.localeCompare(b.measuredAt));
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (!first || !last || sorted.length < 2)
    return <p className="muted small">Not enough measurements for a history yet.</p>;
  const max = niceMax(Math.max(licensed ?? 0, ...sorted.map((p) => p.used)) * 1.05);
  const t0 = Date.parse(first.measuredAt);
  const span = Math.max(1, Date.parse(last.measuredAt) - t0);
  const x = (at: string) => PAD.left + ((Date.parse(at) - t0) / span) * (WIDTH - PAD.left - PAD.right);
  const y = (value: number) => PAD.top + (1 - value / max) * (HEIGHT - PAD.top - PAD.bottom);
  const line = sorted
    .map((p, i) => `${i === 0 ? "M" : "L"}${x(p.measuredAt).toFixed(1)},${y(p.used).toFixed(1)}`)
    .join(" ");
  const area = `${line} L${x(last.measuredAt).toFixed(1)},${y(0)} L${x(first.measuredAt).toFixed(1)},${y(0)} Z`;
  const summary =
    `${productName} usage history: ${formatNumber(first.used)} on ${formatDate(first.measuredAt)}, ` +
    `${formatNumber(last.used)} on ${formatDate(last.measuredAt)}` +
    (licensed !== null ? `; licensed ${formatNumber(licensed)}.` : ".");
  return (
    <figure className="sparkline">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="sparkline__svg" role="img" aria-label={summary}>
        <path className="sparkline__area" d={area} />
        <path className="sparkline__line" d={line} />
        {licensed !== null && (
          <line
            className="sparkline__licence"
            x1={PAD.left}
            x2={WIDTH - PAD.right}
            y1={y(licensed)}
            y2={y(licensed)}
          />
        )}
      </svg>
      <figcaption className="sparkline__caption">
        <span>{formatDate(first.measuredAt)}</span>
        {licensed !== null && (
          <span className="sparkline__key">
            <span className="sparkline__key-dash" aria-hidden="true" /> licence
          </span>
        )}
        <span>{formatDate(last.measuredAt)}</span>
      </figcaption>
    </figure>
  );
}
