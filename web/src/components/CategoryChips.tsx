import { CATEGORIES, type Category } from "../../../src/core/task.ts";
import type { CategoryCounts } from "../api/types.ts";
import { formatNumber } from "../lib/format.ts";
import { CATEGORY_LABEL } from "../lib/labels.ts";

interface CategoryChipsProps {
  /** The categories switched on; none means every category. */
  readonly selected: readonly Category[];
  readonly counts: CategoryCounts | null;
  readonly onChange: (selected: Category[]) => void;
}

/** The category filter: toggle chips, each with its count of matching tasks. */
export function CategoryChips({ selected, counts, onChange }: CategoryChipsProps) {
  const toggle = (category: Category) => {
    const next = selected.includes(category)
      ? selected.filter((c) => c !== category)
      : [...selected, category];
    onChange(CATEGORIES.filter((c) => next.includes(c)));
  };
  return (
    <fieldset className="category-chips">
      <legend className="filter-legend">Category</legend>
      <div className="category-chips__list">
        {CATEGORIES.map((category) => {
          const pressed = selected.includes(category);
          return (
            <button
              key={category}
              type="button"
              className="chip"
              aria-pressed={pressed}
              onClick={() => toggle(category)}
            >
              <svg
                className="chip__check"
                viewBox="0 0 16 16"
                width="14"
                height="14"
                aria-hidden="true"
                focusable="false"
              >
                <path d="M3.5 8.5 6.5 11.5 12.5 4.5" />
              </svg>
              <span>{CATEGORY_LABEL[category]}</span>
              <span className="chip__count" data-testid={`category-count-${category}`}>
                {counts ? formatNumber(counts[category]) : "…"}
                <span className="visually-hidden"> tasks</span>
              </span>
            </button>
          );
        })}
      </div>
    </fieldset>
  );
}
