/** Shared zod pieces of the API: lists in query strings, the error body, the task shape. */
import { z } from "zod";
import { CATEGORIES, COMPANY_TABS, SEVERITIES, TASK_STATUSES, TASK_TYPES } from "../core/task.ts";

/** `?severity=high,medium` or `?severity=high&severity=medium`, each item checked against `values`. */
export function csvList<T extends string>(values: readonly [T, ...T[]]) {
  return z
    .union([z.string(), z.array(z.string())])
    .transform((raw) =>
      (Array.isArray(raw) ? raw : [raw])
        .flatMap((s) => s.split(","))
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(values)))
    .optional();
}

export function idList() {
  return z
    .union([z.string(), z.array(z.string())])
    .transform((raw) =>
      (Array.isArray(raw) ? raw : [raw])
        .flatMap((s) => s.split(","))
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .optional();
}

export const errorBody = z
  .object({
    error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
  })
  .meta({ id: "Error" });

export const taskSchema = z
  .object({
    id: z.string(),
    fingerprint: z.string(),
    type: z.enum(TASK_TYPES),
    category: z.enum(CATEGORIES),
    severity: z.enum(SEVERITIES),
    status: z.enum(TASK_STATUSES),
    partnershipId: z.string(),
    companyId: z.string(),
    companyName: z.string(),
    title: z.string(),
    details: z.record(z.string(), z.unknown()),
    openedAt: z.string(),
    updatedAt: z.string(),
    resolvedAt: z.string().nullable(),
    snoozedUntil: z.string().nullable(),
    assigneeId: z.string().nullable(),
    previousTaskId: z.string().nullable(),
    tab: z.enum(COMPANY_TABS),
    highlight: z.array(z.string()),
  })
  .meta({ id: "Task" });

export const severityCounts = z.object({ high: z.number(), medium: z.number(), low: z.number() });
export const categoryCounts = z.object({
  commercial: z.number(),
  "product-usage": z.number(),
  "churn-risk": z.number(),
});

/** Error answers every authenticated route can give. */
export const authErrors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody } as const;
