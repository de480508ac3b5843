/** What partners do to tasks: snooze, dismiss, assign, comment, reopen, and the same on many at once. */
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  actOnTask,
  actOnTasks,
  actorOf,
  type BulkAction,
  MAX_SNOOZE_DAYS,
  type TaskAction,
} from "../../app/tasks/task-actions.ts";
import { getTaskDetail } from "../../app/tasks/task-detail.ts";
import { principalOf } from "../access.ts";
import type { HttpDeps } from "../deps.ts";
import { authErrors, errorBody } from "../schemas.ts";
import { requestScope } from "../scope.ts";
import { taskDetailSchema, taskId, taskIdParams } from "./task-detail.routes.ts";

const until = z
  .union([z.iso.date(), z.iso.datetime({ offset: true })], {
    error: "must be a date (YYYY-MM-DD) or an ISO 8601 instant with an offset",
  })
  .describe(
    `a date (its start in the portal's time zone) or an instant; in the future, at most ${MAX_SNOOZE_DAYS} days ahead`,
  );
const snoozeReason = z.string().trim().max(500).optional();
const dismissReason = z.string().trim().min(1).max(500);
const userId = z
  .string()
  .min(1)
  .max(200)
  .nullable()
  .describe("an admin or user of the partner; null unassigns");

const snoozeBody = z.object({ until, reason: snoozeReason });
const dismissBody = z.object({ reason: dismissReason });
const assignBody = z.object({ userId });
const commentBody = z.object({ text: z.string().trim().min(1).max(2000) });

const ids = z.array(taskId).min(1).max(500);
const bulkBody = z.discriminatedUnion("action", [
  z.object({ action: z.literal("snooze"), ids, until, reason: snoozeReason }),
  z.object({ action: z.literal("dismiss"), ids, reason: dismissReason }),
  z.object({ action: z.literal("assign"), ids, userId }),
]);

const actionResponses = { 200: taskDetailSchema, ...authErrors, 409: errorBody };

/** The options every single-task action shares: who may call it, its id, its body, its answers. */
function actionRoute<B extends z.ZodType>(summary: string, body: B) {
  return {
    config: { access: "act" as const },
    schema: { tags: ["tasks"], summary, params: taskIdParams, body, response: actionResponses },
  };
}

export async function taskActionsRoutes(app: FastifyInstance, deps: HttpDeps): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();

  /** Acts, then answers the task as it now is. */
  const perform = async (request: FastifyRequest, id: string, action: TaskAction) => {
    const scope = requestScope(request);
    await actOnTask(deps.ctx, scope, actorOf(principalOf(request)), id, action);
    return getTaskDetail(deps.ctx, scope, id);
  };

  api.post(
    "/tasks/:id/snooze",
    actionRoute("Hide a task until a date; a severity escalation wakes it early", snoozeBody),
    async (request) => perform(request, request.params.id, { kind: "snooze", ...request.body }),
  );
  api.post(
    "/tasks/:id/dismiss",
    actionRoute("Hide a task, with a reason, until its severity escalates", dismissBody),
    async (request) => perform(request, request.params.id, { kind: "dismiss", ...request.body }),
  );
  api.post(
    "/tasks/:id/assign",
    actionRoute("Assign a task to a user of the partner, or unassign it", assignBody),
    async (request) => perform(request, request.params.id, { kind: "assign", ...request.body }),
  );
  api.post(
    "/tasks/:id/comments",
    actionRoute("Add a comment to a task's history", commentBody),
    async (request) => perform(request, request.params.id, { kind: "comment", ...request.body }),
  );
  api.post(
    "/tasks/:id/reopen",
    actionRoute("Bring a snoozed or dismissed task back to open", z.object({}).optional()),
    async (request) => perform(request, request.params.id, { kind: "reopen" }),
  );

  api.post(
    "/tasks/bulk",
    {
      config: { access: "act" },
      schema: {
        tags: ["tasks"],
        summary: "Snooze, dismiss or assign many tasks in one transaction",
        body: bulkBody,
        response: {
          200: z.object({
            updated: z.number().int().describe("tasks changed; resolved ones are skipped"),
            notFound: z.array(z.string()).describe("ids the caller cannot see"),
          }),
          ...authErrors,
        },
      },
    },
    async (request) =>
      actOnTasks(
        deps.ctx,
        requestScope(request),
        actorOf(principalOf(request)),
        request.body.ids,
        bulkActionOf(request.body),
      ),
  );
}

/** The wire's flat `{ action, …its fields }` as the use case's action. */
function bulkActionOf(body: z.infer<typeof bulkBody>): BulkAction {
  switch (body.action) {
    case "snooze":
      return { kind: "snooze", until: body.until, reason: body.reason };
    case "dismiss":
      return { kind: "dismiss", reason: body.reason };
    case "assign":
      return { kind: "assign", userId: body.userId };
  }
}
