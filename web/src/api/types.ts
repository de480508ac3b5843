/** The API's JSON shapes (the agreed contract in shapes.md), as the web portal reads them. */
import type {
  Category,
  CompanyTab,
  Severity,
  TaskEventKind,
  TaskStatus,
  TaskType,
} from "../../../src/core/task.ts";

export type PartnershipType = "reseller" | "mssp";

export interface Partnership {
  readonly id: string;
  readonly name: string;
  readonly type: PartnershipType;
}

export interface Me {
  readonly kind: "user" | "token";
  readonly id: string;
  readonly name: string;
  readonly email: string | null;
  readonly role: string;
  readonly partnerId: string | null;
  readonly partnerName: string | null;
  readonly partnerships: readonly Partnership[];
  readonly companyIds: readonly string[] | null;
  readonly csrfToken: string | null;
}

export type SeverityCounts = Readonly<Record<Severity, number>>;
export type CategoryCounts = Readonly<Record<Category, number>>;

export interface Task {
  readonly id: string;
  readonly fingerprint: string;
  readonly type: TaskType;
  readonly category: Category;
  readonly severity: Severity;
  readonly status: TaskStatus;
  readonly partnershipId: string;
  readonly companyId: string;
  readonly companyName: string;
  readonly title: string;
  readonly details: Readonly<Record<string, unknown>>;
  readonly openedAt: string;
  readonly updatedAt: string;
  readonly resolvedAt: string | null;
  readonly snoozedUntil: string | null;
  readonly assigneeId: string | null;
  readonly previousTaskId: string | null;
  readonly tab: CompanyTab;
  readonly highlight: readonly string[];
}

export interface TaskPage {
  readonly items: readonly Task[];
  readonly nextCursor: string | null;
  readonly counts: { readonly severity: SeverityCounts; readonly category: CategoryCounts };
}

export interface Actor {
  readonly id: string;
  readonly name: string;
}

export interface TaskEvent {
  readonly id: number;
  readonly at: string;
  readonly kind: TaskEventKind;
  /** null: the portal's scan did it. */
  readonly actor: Actor | null;
  readonly data: Readonly<Record<string, unknown>>;
}

export interface TaskDetail extends Task {
  readonly explanation: {
    readonly ruleId: string;
    readonly rule: string;
    readonly threshold: string;
    readonly observed: string;
    readonly asOf: string;
  };
  readonly history: readonly TaskEvent[];
  readonly company: {
    readonly id: string;
    readonly name: string;
    readonly partnershipId: string;
    readonly partnershipName: string;
    readonly partnershipType: PartnershipType;
  };
  readonly assignee: Actor | null;
  readonly previousTasks: readonly { id: string; openedAt: string; resolvedAt: string | null }[];
}

export interface Money {
  readonly currency: string;
  readonly amount: number;
}

export interface CompanySummary {
  readonly id: string;
  readonly name: string;
  readonly partnershipId: string;
  readonly partnershipName: string;
  readonly partnershipType: PartnershipType;
  readonly accountState: string;
  readonly tags: readonly string[];
  readonly openTasks: SeverityCounts;
}

export interface CompanyPage {
  readonly items: readonly CompanySummary[];
  readonly nextCursor: string | null;
  readonly total: number;
}

export interface Order {
  readonly orderNumber: string;
  readonly startDate: string;
  readonly endDate: string;
  readonly status: string;
  readonly acv: number | null;
  readonly currency: string | null;
  readonly lines: readonly { product: string; productName: string; quantity: number }[];
  readonly daysToRenewal: number;
}

export interface ProductUsage {
  readonly product: string;
  readonly productName: string;
  readonly licensed: number | null;
  readonly used: number | null;
  readonly usagePercent: number | null;
  readonly measuredAt: string | null;
  readonly enabledAt: string | null;
  readonly lastUsedAt: string | null;
}

export interface UsagePoint {
  readonly product: string;
  readonly measuredAt: string;
  readonly used: number;
}

export interface Scanner {
  readonly id: string;
  readonly name: string;
  readonly status: string;
  readonly lastSeenAt: string | null;
  readonly inactive: boolean;
}

export interface Scan {
  readonly id: string;
  readonly product: string;
  readonly status: string;
  readonly startedAt: string;
  readonly finishedAt: string | null;
  readonly target: string | null;
  readonly failed: boolean;
}

export interface CompanyDetail {
  readonly company: Omit<CompanySummary, "openTasks">;
  readonly openTasks: SeverityCounts;
  readonly highestSeverity: Severity | null;
  /** null for MSSP partnerships: commercial information is for resellers only. */
  readonly commercial: { readonly orders: readonly Order[]; readonly acv: readonly Money[] } | null;
  readonly productUsage: {
    readonly products: readonly ProductUsage[];
    readonly history: readonly UsagePoint[];
  };
  readonly churnRisk: { readonly scanners: readonly Scanner[]; readonly scans: readonly Scan[] };
  readonly tasks: readonly Task[];
}

export interface Dashboard {
  readonly customers: number;
  readonly activeSubscriptions: number;
  readonly acv: readonly Money[];
  readonly acvRenewingIn3Months: readonly Money[];
  readonly openTasks: {
    readonly total: number;
    readonly severity: SeverityCounts;
    readonly category: CategoryCounts;
  };
  readonly openTasksPerDay: readonly ({ readonly date: string } & SeverityCounts)[];
}

export type UserRole = "admin" | "user" | "notifications";

export interface User {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly role: string;
  readonly partnerId: string | null;
  readonly companyIds: readonly string[];
  readonly disabled: boolean;
  readonly createdAt: string;
}
