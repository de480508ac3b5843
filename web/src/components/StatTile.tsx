import type { ReactNode } from "react";

/** One headline figure on the dashboard. */
export function StatTile({
  label,
  children,
  note,
}: {
  readonly label: string;
  readonly children: ReactNode;
  readonly note?: ReactNode;
}) {
  return (
    <div className="stat-tile">
      <dt className="stat-tile__label">{label}</dt>
      <dd className="stat-tile__value">{children}</dd>
      {note && <dd className="stat-tile__note">{note}</dd>}
    </div>
  );
}
