import { useId } from "react";
import type { TaskPage } from "../api/types.ts";
import type { TaskFilters } from "../lib/taskFilters.ts";
import { CategoryChips } from "./CategoryChips.tsx";
import { SearchField } from "./SearchField.tsx";
import { SeverityTriangle } from "./SeverityTriangle.tsx";

interface TaskFilterBarProps {
  readonly filters: TaskFilters;
  readonly counts: TaskPage["counts"] | null;
  readonly onChange: (changes: Partial<TaskFilters>, options?: { replace?: boolean }) => void;
}

/** Severity triangle, category chips, search, assignee and sort: everything kept in the address. */
export function TaskFilterBar({ filters, counts, onChange }: TaskFilterBarProps) {
  const id = useId();
  return (
    <section className="filter-bar card" aria-label="Filters">
      <div className="filter-bar__facets">
        <SeverityTriangle
          selected={filters.severity}
          counts={counts?.severity ?? null}
          onChange={(severity) => onChange({ severity })}
        />
        <CategoryChips
          selected={filters.category}
          counts={counts?.category ?? null}
          onChange={(category) => onChange({ category })}
        />
      </div>
      <div className="filter-bar__fields">
        <SearchField
          label="Search"
          value={filters.q}
          placeholder="Company or task"
          onSearch={(q) => onChange({ q }, { replace: true })}
        />
        <div className="field field--inline">
          <label htmlFor={`${id}-assignee`} className="field-label">
            Assignee
          </label>
          <select
            id={`${id}-assignee`}
            value={filters.assignee}
            onChange={(event) => onChange({ assignee: event.target.value as TaskFilters["assignee"] })}
          >
            <option value="">Anyone</option>
            <option value="me">Me</option>
            <option value="none">Unassigned</option>
          </select>
        </div>
        <div className="field field--inline">
          <label htmlFor={`${id}-sort`} className="field-label">
            Sort by
          </label>
          <select
            id={`${id}-sort`}
            value={filters.sort}
            onChange={(event) => onChange({ sort: event.target.value as TaskFilters["sort"] })}
          >
            <option value="severity">Most urgent</option>
            <option value="newest">Newest</option>
            <option value="oldest">Oldest</option>
            <option value="company">Company</option>
          </select>
        </div>
      </div>
    </section>
  );
}
