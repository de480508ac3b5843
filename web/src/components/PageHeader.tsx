import type { ReactNode } from "react";

/** A page's title, a line saying what it is for, and page-level actions. */
export function PageHeader({
  title,
  description,
  actions,
  kicker,
}: {
  readonly title: ReactNode;
  readonly description?: ReactNode;
  readonly actions?: ReactNode;
  readonly kicker?: ReactNode;
}) {
  return (
    <div className="page-header">
      <div className="page-header__text">
        {kicker && <div className="page-header__kicker">{kicker}</div>}
        <h1 className="page-header__title">{title}</h1>
        {description && <div className="page-header__description">{description}</div>}
      </div>
      {actions && <div className="page-header__actions">{actions}</div>}
    </div>
  );
}
