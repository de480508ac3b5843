import type { ReactNode } from "react";

/** A friendly, explained "nothing here", optionally with what to do next. */
export function EmptyState({
  title,
  children,
  action,
}: {
  readonly title: string;
  readonly children?: ReactNode;
  readonly action?: ReactNode;
}) {
  return (
    <div className="empty-state">
      <svg
        viewBox="0 0 48 48"
        width="40"
        height="40"
        aria-hidden="true"
        focusable="false"
        className="empty-state__icon"
      >
        <rect x="8" y="10" width="32" height="28" rx="4" />
        <path d="M8 30h9l3 4h8l3-4h9" />
      </svg>
      <p className="empty-state__title">{title}</p>
      {children && <div className="empty-state__text">{children}</div>}
      {action}
    </div>
  );
}
