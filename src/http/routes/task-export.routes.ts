/** The task list as a CSV download, with the list's filters. */
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { exportTasksCsv, TASK_CSV_COLUMNS } from "../../app/tasks/task-export.ts";
import { principalOf } from "../access.ts";
import type { HttpDeps } from "../deps.ts";
import { authErrors } from "../schemas.ts";
import { requestScope } from "../scope.ts";
import { taskFilterQuery, toTaskListQuery } from "./tasks.routes.ts";

export async function taskExportRoutes(app: FastifyInstance, deps: HttpDeps): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    "/tasks.csv",
    {
      config: { access: "read" },
      schema: {
        tags: ["tasks"],
        summary: "Every task matching the filters of GET /tasks, as CSV (no paging)",
        querystring: taskFilterQuery,
        response: {
          200: z.string().describe(`text/csv with the columns ${TASK_CSV_COLUMNS.join(",")}`),
          ...authErrors,
        },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const userId = principal.kind === "user" ? principal.userId : null;
      const csv = await exportTasksCsv(
        deps.ctx,
        requestScope(request, request.query.partner),
        toTaskListQuery(request.query, userId),
      );
      return reply
        .header("content-type", "text/csv; charset=utf-8")
        .header("content-disposition", 'attachment; filename="tasks.csv"')
        .send(csv);
    },
  );
}
