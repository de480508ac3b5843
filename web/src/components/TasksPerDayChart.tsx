import { useId } from "react";
import { SEVERITIES } from "../../../src/core/task.ts";
import type { Dashboard } from "../api/types.ts";
import { niceMax, ticks } from "../lib/chartScale.ts";
import { formatDate, formatNumber, formatShortDate } from "../lib/format.ts";
import { SEVERITY_LABEL } from "../lib/labels.ts";

type Day = Dashboard["openTasksPerDay"][number];

const WIDTH = 720;
const HEIGHT = 220;
const PAD = { top: 12, right: 8, bottom: 28, left: 40 };

/** Open tasks per day as stacked bars (high at the bottom), with a text summary for everyone. */
export function TasksPerDayChart({ days }: { readonly days: readonly Day[] }) {
  const summaryId = useId();
  if (days.length === 0)
    return <p className="muted">No history yet: the chart fills in as the portal scans each day.</p>;
  const totals = days.map((d) => d.high + d.medium + d.low);
  const max = niceMax(Math.max(...totals));
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const step = plotW / days.length;
  const barW = Math.max(1, step * 0.72);
  const y = (value: number) => PAD.top + plotH - (value / max) * plotH;
  const labelEvery = Math.ceil(days.length / 6);
  const summary = summarise(days, totals);

  return (
    <figure className="chart">
      <svg className="chart__svg" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={summaryId}>
        <title>{summary}</title>
        {ticks(max).map((tick) => (
          <g key={tick}>
            <line className="chart__grid" x1={PAD.left} x2={WIDTH - PAD.right} y1={y(tick)} y2={y(tick)} />
            <text className="chart__axis" x={PAD.left - 6} y={y(tick) + 4} textAnchor="end">
              {formatNumber(tick)}
            </text>
          </g>
        ))}
        {days.map((day, index) => {
          const x = PAD.left + index * step + (step - barW) / 2;
          let base = 0;
          return (
            <g key={day.date}>
              <title>
                {`${formatDate(day.date)}: ${SEVERITIES.map((s) => `${day[s]} ${s}`).join(", ")}`}
              </title>
              {SEVERITIES.map((severity) => {
                const top = y(base + day[severity]);
                const height = y(base) - top;
                base += day[severity];
                return height > 0 ? (
                  <rect
                    key={severity}
                    className={`chart__bar chart__bar--${severity}`}
                    x={x}
                    y={top}
                    width={barW}
                    height={height}
                  />
                ) : null;
              })}
              {index % labelEvery === 0 && (
                <text className="chart__axis" x={x + barW / 2} y={HEIGHT - 8} textAnchor="middle">
                  {formatShortDate(day.date)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption className="chart__caption">
        <ul className="legend" aria-hidden="true">
          {SEVERITIES.map((s) => (
            <li key={s}>
              <span className={`legend__swatch legend__swatch--${s}`} />
              {SEVERITY_LABEL[s]}
            </li>
          ))}
        </ul>
        <p id={summaryId} className="chart__summary">
          {summary}
        </p>
      </figcaption>
    </figure>
  );
}

function summarise(days: readonly Day[], totals: readonly number[]): string {
  const first = days[0];
  const last = days[days.length - 1];
  if (!first || !last) return "";
  const peak = Math.max(...totals);
  const peakDay = days[totals.indexOf(peak)];
  const lastTotal = totals[totals.length - 1] ?? 0;
  const firstTotal = totals[0] ?? 0;
  const trend = lastTotal > firstTotal ? "up from" : lastTotal < firstTotal ? "down from" : "the same as";
  return (
    `Open tasks per day over the last ${days.length} days: ${formatNumber(lastTotal)} on ${formatDate(last.date)} ` +
    `(${last.high} high, ${last.medium} medium, ${last.low} low), ${trend} ${formatNumber(firstTotal)} on ${formatDate(first.date)}. ` +
    `Peak: ${formatNumber(peak)} on ${peakDay ? formatDate(peakDay.date) : "—"}.`
  );
}
