/** The words the portal uses for the domain's enums. */
import type { Category, Severity, TaskEventKind, TaskStatus, TaskType } from "../../../src/core/task.ts";

export const SEVERITY_LABEL: Readonly<Record<Severity, string>> = {
  high: "High",
  medium: "Medium",
  low: "Low",
};

export const CATEGORY_LABEL: Readonly<Record<Category, string>> = {
  commercial: "Commercial",
  "product-usage": "Product usage",
  "churn-risk": "Churn risk",
};

export const STATUS_LABEL: Readonly<Record<TaskStatus, string>> = {
  open: "Open",
  snoozed: "Snoozed",
  dismissed: "Dismissed",
  resolved: "Resolved",
};

export const TYPE_LABEL: Readonly<Record<TaskType, string>> = {
  "contract-renewal": "Contract renewal",
  "license-usage": "Licence usage",
  "inactive-product": "Inactive product",
  "inactive-scanners": "Inactive scanners",
  "sns-failed-scans": "Failed SNS scans",
  "was-failed-scans": "Failed WAS scans",
};

export const EVENT_LABEL: Readonly<Record<TaskEventKind, string>> = {
  opened: "Opened",
  escalated: "Escalated",
  "de-escalated": "De-escalated",
  resolved: "Resolved",
  woke: "Woke up",
  snoozed: "Snoozed",
  dismissed: "Dismissed",
  reopened: "Reopened",
  assigned: "Assigned",
  commented: "Comment",
};

export const PARTNERSHIP_TYPE_LABEL = { reseller: "Reseller", mssp: "MSSP" } as const;

export const ROLE_LABEL: Readonly<Record<string, string>> = {
  admin: "Admin",
  user: "User",
  notifications: "Notifications only",
  vendor: "Vendor staff",
};
