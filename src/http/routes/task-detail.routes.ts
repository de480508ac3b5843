/** One task with its explanation, history, company and predecessors (the task panel). */
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { getTaskDetail } from "../../app/tasks/task-detail.ts";
import { PARTNERSHIP_TYPES } from "../../core/model.ts";
import { TASK_EVENT_KINDS } from "../../core/task.ts";
import type { HttpDeps } from "../deps.ts";
import { authErrors, taskSchema } from "../schemas.ts";
import { requestScope } from "../scope.ts";

/** Task ids are generated (UUIDs); anything else is refused before it reaches a query. */
export const taskId = z.string().regex(/^[\w.:-]{1,200}$/, "is not a task id");
export const taskIdParams = z.object({ id: taskId });

const person = z.object({ id: z.string(), name: z.string() });

/** The detail every task route answers with; the task actions answer it too. */
export const taskDetailSchema = taskSchema
  .extend({
    explanation: z.object({
      ruleId: z.string(),
      rule: z.string().describe('e.g. "Contract ends within 1 month (or has ended)"'),
      threshold: z.string().describe('e.g. "end date before 2027-01-04"'),
      observed: z.string().describe('e.g. "ends 2026-12-20, in 16 days"'),
      asOf: z.string().describe("the instant of the evaluation the words describe"),
    }),
    history: z.array(
      z.object({
        id: z.number(),
        at: z.string(),
        kind: z.enum(TASK_EVENT_KINDS),
        actor: person.nullable().describe("null: the portal's scan, or a machine token (data.via)"),
        data: z.record(z.string(), z.unknown()),
      }),
    ),
    company: z.object({
      id: z.string(),
      name: z.string(),
      partnershipId: z.string(),
      partnershipName: z.string(),
      partnershipType: z.enum(PARTNERSHIP_TYPES),
    }),
    assignee: person.nullable(),
    previousTasks: z
      .array(z.object({ id: z.string(), openedAt: z.string(), resolvedAt: z.string().nullable() }))
      .describe("the resolved tasks of the same fingerprint this one follows, newest first"),
  })
  .meta({ id: "TaskDetail" });

export async function taskDetailRoutes(app: FastifyInstance, deps: HttpDeps): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    "/tasks/:id",
    {
      config: { access: "read" },
      schema: {
        tags: ["tasks"],
        summary: "One task: why it exists, its history, its company and the tasks it follows",
        params: taskIdParams,
        response: { 200: taskDetailSchema, ...authErrors },
      },
    },
    async (request) => getTaskDetail(deps.ctx, requestScope(request), request.params.id),
  );
}
