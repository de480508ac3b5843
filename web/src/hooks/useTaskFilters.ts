import { useCallback, useMemo } from "react";
import { navigate, withQuery } from "../lib/navigation.ts";
import { filterParams, parseTaskFilters, type TaskFilters } from "../lib/taskFilters.ts";
import { useLocation } from "./useLocation.ts";

/** The task filters of the current address, and a setter that records a new history entry. */
export function useTaskFilters(): {
  readonly filters: TaskFilters;
  readonly setFilters: (changes: Partial<TaskFilters>, options?: { replace?: boolean }) => void;
} {
  const location = useLocation();
  const filters = useMemo(() => parseTaskFilters(location.query), [location.query]);
  const setFilters = useCallback(
    (changes: Partial<TaskFilters>, options: { replace?: boolean } = {}) => {
      // A new filter starts from the first page; the open panel stays open.
      navigate(withQuery(location.pathname, location.search, filterParams(changes)), options);
    },
    [location.pathname, location.search],
  );
  return { filters, setFilters };
}
