/**
 * The one error model (design.md § 6): expected failures carry a stable code; adapters (HTTP, CLI)
 * map codes to statuses and exit codes. Anything that is not an AppError is a bug.
 */
export const ERROR_CODES = [
  "IMPORT_INVALID_RECORD",
  "IMPORT_FILE_NOT_FOUND",
  "INVALID_ARGUMENT",
  "NOT_FOUND",
  "TASK_NOT_FOUND",
  "COMPANY_NOT_FOUND",
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "CONFLICT",
  "RATE_LIMITED",
  "PAYLOAD_TOO_LARGE",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: unknown = undefined,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
