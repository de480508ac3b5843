import { CATEGORIES, SEVERITIES } from "../../../src/core/task.ts";
import type { Dashboard } from "../api/types.ts";
import { formatNumber } from "../lib/format.ts";
import { CATEGORY_LABEL, SEVERITY_LABEL } from "../lib/labels.ts";
import { Link } from "./Link.tsx";
import { TriangleIcon } from "./TriangleIcon.tsx";

/** Open tasks by severity and by category, each a bar and a link to the filtered task list. */
export function OpenTaskBreakdown({ openTasks }: { readonly openTasks: Dashboard["openTasks"] }) {
  const max = Math.max(
    1,
    ...SEVERITIES.map((s) => openTasks.severity[s]),
    ...CATEGORIES.map((c) => openTasks.category[c]),
  );
  return (
    <div className="breakdown">
      <section aria-labelledby="by-severity">
        <h3 id="by-severity" className="breakdown__title">
          By severity
        </h3>
        <ul className="breakdown__list">
          {SEVERITIES.map((severity) => (
            <li key={severity}>
              <Link to={`/tasks?severity=${severity}`} className="breakdown__row">
                <span className="breakdown__label">
                  <TriangleIcon severity={severity} size={16} />
                  {SEVERITY_LABEL[severity]}
                </span>
                <span className="breakdown__bar" aria-hidden="true">
                  <span
                    className={`breakdown__fill breakdown__fill--${severity}`}
                    style={{ width: `${(openTasks.severity[severity] / max) * 100}%` }}
                  />
                </span>
                <span className="breakdown__value">{formatNumber(openTasks.severity[severity])}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="by-category">
        <h3 id="by-category" className="breakdown__title">
          By category
        </h3>
        <ul className="breakdown__list">
          {CATEGORIES.map((category) => (
            <li key={category}>
              <Link to={`/tasks?category=${category}`} className="breakdown__row">
                <span className="breakdown__label">{CATEGORY_LABEL[category]}</span>
                <span className="breakdown__bar" aria-hidden="true">
                  <span
                    className="breakdown__fill breakdown__fill--category"
                    style={{ width: `${(openTasks.category[category] / max) * 100}%` }}
                  />
                </span>
                <span className="breakdown__value">{formatNumber(openTasks.category[category])}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
