import { formatNumber, formatPercent } from "../lib/format.ts";

const MARKS = [60, 80, 100] as const;

/** The usage band of a percentage, matching the licence-usage rule's thresholds. */
export function usageTone(percent: number): "ok" | "low" | "medium" | "high" {
  if (percent > 100) return "high";
  if (percent >= 80) return "medium";
  if (percent >= 60) return "low";
  return "ok";
}

/** Licensed versus used as a bar with the 60, 80 and 100 % marks; the words carry the numbers. */
export function UsageBar({
  licensed,
  used,
  percent,
  unit,
}: {
  readonly licensed: number;
  readonly used: number;
  readonly percent: number;
  readonly unit: string;
}) {
  // The scale reaches past 100 % so an overrun shows beyond the licence mark.
  const scale = Math.max(125, Math.min(200, Math.ceil(percent / 25) * 25));
  const tone = usageTone(percent);
  const at = (value: number) => `${(Math.min(value, scale) / scale) * 100}%`;
  return (
    <div className={`usage-bar usage-bar--${tone}`}>
      <p className="usage-bar__text">
        <strong>{formatPercent(percent)}</strong> used · {formatNumber(used)} of {formatNumber(licensed)}{" "}
        {unit}
        {used > licensed && (
          <span className="text-high"> · {formatNumber(used - licensed)} over the licence</span>
        )}
      </p>
      <div className="usage-bar__track" aria-hidden="true">
        <div className="usage-bar__fill" style={{ width: at(percent) }} />
        {MARKS.map((mark) => (
          <span key={mark} className={`usage-bar__mark usage-bar__mark--${mark}`} style={{ left: at(mark) }}>
            <span className="usage-bar__mark-label">{mark}%</span>
          </span>
        ))}
      </div>
    </div>
  );
}
