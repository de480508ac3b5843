/**
 * The one error handler: AppError codes map to statuses and a `{ error: { code, message, details } }`
 * body; request validation becomes 400; anything unknown is logged and answered with a bare 500 so
 * no stack trace or SQL leaves the server.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { type ErrorCode, isAppError } from "../app/errors.ts";
import { exhaustiveSwitchError } from "../core/exhaustive.ts";

export function statusOf(code: ErrorCode): number {
  switch (code) {
    case "INVALID_ARGUMENT":
      return 400;
    case "UNAUTHENTICATED":
      return 401;
    case "FORBIDDEN":
      return 403;
    case "NOT_FOUND":
    case "TASK_NOT_FOUND":
    case "COMPANY_NOT_FOUND":
    case "IMPORT_FILE_NOT_FOUND":
      return 404;
    case "CONFLICT":
      return 409;
    case "PAYLOAD_TOO_LARGE":
      return 413;
    case "IMPORT_INVALID_RECORD":
      return 422;
    case "RATE_LIMITED":
      return 429;
    default:
      return exhaustiveSwitchError(code);
  }
}

export function sendError(
  reply: FastifyReply,
  status: number,
  code: string,
  message: string,
  details?: unknown,
) {
  return reply.code(status).send({ error: { code, message, ...(details === undefined ? {} : { details }) } });
}

export function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (isAppError(error)) {
    const retry = (error.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
    if (retry) reply.header("retry-after", String(retry));
    return sendError(reply, statusOf(error.code), error.code, error.message, error.details);
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issues = error.validation.map((issue) => ({
      field: `${issue.instancePath.replace(/^\//, "").replaceAll("/", ".") || error.validationContext || ""}`,
      message: issue.message ?? "is invalid",
    }));
    const first = issues[0];
    const where = first?.field
      ? `${error.validationContext} field "${first.field}"`
      : error.validationContext;
    return sendError(
      reply,
      400,
      "INVALID_ARGUMENT",
      `Invalid request ${where ?? ""}: ${first?.message ?? ""}`.trim(),
      {
        issues,
      },
    );
  }
  if (error.code === "FST_ERR_CTP_BODY_TOO_LARGE") {
    return sendError(
      reply,
      413,
      "PAYLOAD_TOO_LARGE",
      "The request body is too large; send it in smaller parts",
    );
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return sendError(reply, error.statusCode, "INVALID_ARGUMENT", error.message);
  }
  request.log.error({ err: error }, "unhandled error");
  return sendError(reply, 500, "INTERNAL", "Something went wrong on our side; it has been logged");
}
