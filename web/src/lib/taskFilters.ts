/** The task list's filters as they live in the address bar (bookmarkable, back button works). */
import {
  CATEGORIES,
  type Category,
  SEVERITIES,
  type Severity,
  TASK_STATUSES,
  type TaskStatus,
} from "../../../src/core/task.ts";
import type { TaskQuery, TaskSort } from "../api/endpoints.ts";

export const TASK_SORTS: readonly TaskSort[] = ["severity", "newest", "oldest", "company"];
export const ASSIGNEE_FILTERS = ["", "me", "none"] as const;

export interface TaskFilters {
  readonly status: TaskStatus;
  readonly severity: readonly Severity[];
  readonly category: readonly Category[];
  readonly q: string;
  readonly sort: TaskSort;
  /** "" anyone, "me", "none" (unassigned). */
  readonly assignee: (typeof ASSIGNEE_FILTERS)[number];
}

function listOf<T extends string>(raw: string | null, allowed: readonly T[]): T[] {
  const items = (raw ?? "").split(",");
  return allowed.filter((value) => items.includes(value));
}

function oneOf<T extends string>(raw: string | null, allowed: readonly T[], fallback: T): T {
  return allowed.find((value) => value === raw) ?? fallback;
}

export function parseTaskFilters(query: URLSearchParams): TaskFilters {
  return {
    status: oneOf(query.get("status"), TASK_STATUSES, "open"),
    severity: listOf(query.get("severity"), SEVERITIES),
    category: listOf(query.get("category"), CATEGORIES),
    q: query.get("q") ?? "",
    sort: oneOf(query.get("sort"), TASK_SORTS, "severity"),
    assignee: oneOf(query.get("assignee"), ASSIGNEE_FILTERS, ""),
  };
}

/** The query-string changes for `filters`; defaults are left out so addresses stay short. */
export function filterParams(filters: Partial<TaskFilters>): Record<string, string | null> {
  const params: Record<string, string | null> = {};
  if (filters.status !== undefined) params.status = filters.status === "open" ? null : filters.status;
  if (filters.severity !== undefined) params.severity = filters.severity.join(",") || null;
  if (filters.category !== undefined) params.category = filters.category.join(",") || null;
  if (filters.q !== undefined) params.q = filters.q.trim() || null;
  if (filters.sort !== undefined) params.sort = filters.sort === "severity" ? null : filters.sort;
  if (filters.assignee !== undefined) params.assignee = filters.assignee || null;
  return params;
}

/** The API query for the filters (GET /tasks takes the same names). */
export function taskQueryOf(filters: TaskFilters): TaskQuery {
  return {
    status: [filters.status],
    severity: filters.severity,
    category: filters.category,
    sort: filters.sort,
    ...(filters.q.trim() ? { q: filters.q.trim() } : {}),
    ...(filters.assignee ? { assignee: filters.assignee } : {}),
  };
}
