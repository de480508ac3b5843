/** The task list. Details, actions and the CSV export live beside it (task-*.routes.ts). */
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { listTasksFor } from "../../app/tasks/list-tasks.ts";
import { CATEGORIES, SEVERITIES, TASK_STATUSES, TASK_TYPES } from "../../core/task.ts";
import { TASK_SORTS } from "../../db/task-page.query.ts";
import { principalOf } from "../access.ts";
import type { HttpDeps } from "../deps.ts";
import { authErrors, categoryCounts, csvList, idList, severityCounts, taskSchema } from "../schemas.ts";
import { requestScope } from "../scope.ts";

/** The filters of GET /tasks, shared with GET /tasks.csv. */
export const taskFilterQuery = z.object({
  status: csvList(TASK_STATUSES).describe("open (default), snoozed, dismissed, resolved; comma-separated"),
  severity: csvList(SEVERITIES),
  category: csvList(CATEGORIES),
  type: csvList(TASK_TYPES),
  partnership: idList(),
  company: idList(),
  assignee: z.string().max(200).optional().describe('a user id, "me", or "none" for unassigned'),
  q: z.string().max(200).optional().describe("words in the company name or the task title"),
  sort: z
    .enum(TASK_SORTS)
    .optional()
    .describe("severity (default: severity, then urgency), newest, oldest, company"),
  partner: z.string().max(200).optional().describe("vendor only: one partner's tasks"),
});

export type TaskFilterQuery = z.infer<typeof taskFilterQuery>;

/** Translates the query string into the use case's query; "me" is the signed-in user. */
export function toTaskListQuery(query: TaskFilterQuery, userId: string | null) {
  return {
    statuses: query.status,
    severities: query.severity,
    categories: query.category,
    types: query.type,
    partnershipIds: query.partnership,
    companyIds: query.company,
    assigneeId: query.assignee === "me" ? (userId ?? "none") : query.assignee,
    search: query.q,
    sort: query.sort,
  };
}

export async function tasksRoutes(app: FastifyInstance, deps: HttpDeps): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    "/tasks",
    {
      config: { access: "read" },
      schema: {
        tags: ["tasks"],
        summary: "List tasks with filters, cursor pagination and counts by severity and category",
        querystring: taskFilterQuery.extend({
          limit: z.coerce.number().int().min(1).max(200).default(50),
          cursor: z.string().max(500).optional(),
        }),
        response: {
          200: z.object({
            items: z.array(taskSchema),
            nextCursor: z.string().nullable(),
            counts: z.object({ severity: severityCounts, category: categoryCounts }),
          }),
          ...authErrors,
        },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const userId = principal.kind === "user" ? principal.userId : null;
      return listTasksFor(deps.ctx, requestScope(request, request.query.partner), {
        ...toTaskListQuery(request.query, userId),
        limit: request.query.limit,
        cursor: request.query.cursor,
      });
    },
  );
}
