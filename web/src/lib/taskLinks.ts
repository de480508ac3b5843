/** Addresses of a task's cause and of its panel, shareable as they are. */
import type { Task } from "../api/types.ts";
import { withQuery } from "./navigation.ts";

/** The company page on the tab that shows the cause, with the contributing records highlighted. */
export function causeHref(task: Pick<Task, "id" | "companyId" | "tab" | "highlight">): string {
  return withQuery(`/companies/${encodeURIComponent(task.companyId)}`, "", {
    tab: task.tab,
    highlight: task.highlight.join(","),
    task: task.id,
  });
}

export function companyHref(companyId: string): string {
  return `/companies/${encodeURIComponent(companyId)}`;
}
