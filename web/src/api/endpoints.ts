/** Typed functions for each API endpoint the portal uses (shapes.md). */
import type { Category, Severity, TaskStatus } from "../../../src/core/task.ts";
import { type Query, request } from "./client.ts";
import type {
  CompanyDetail,
  CompanyPage,
  Dashboard,
  Me,
  TaskDetail,
  TaskPage,
  User,
  UserRole,
} from "./types.ts";

/** The partner or partnership a vendor or a two-partnership partner is looking at. */
export interface ScopeQuery {
  readonly partnership?: string | undefined;
  readonly partner?: string | undefined;
}

export type TaskSort = "severity" | "newest" | "oldest" | "company";

export interface TaskQuery extends ScopeQuery {
  readonly status?: readonly TaskStatus[];
  readonly severity?: readonly Severity[];
  readonly category?: readonly Category[];
  readonly company?: readonly string[];
  readonly assignee?: string | undefined;
  readonly q?: string | undefined;
  readonly sort?: TaskSort | undefined;
  readonly limit?: number;
  readonly cursor?: string | undefined;
}

export type CompanySort = "name" | "-name" | "tasks";

export interface CompanyQuery extends ScopeQuery {
  readonly q?: string | undefined;
  readonly tag?: string | undefined;
  readonly severity?: readonly Severity[];
  readonly sort?: CompanySort | undefined;
  readonly limit?: number;
  readonly cursor?: string | undefined;
}

export const signIn = (email: string, password: string) =>
  request<Me>("POST", "/auth/sign-in", { body: { email, password } });
export const signOut = () => request<void>("POST", "/auth/sign-out");
export const getMe = (signal?: AbortSignal) => request<Me>("GET", "/me", signal ? { signal } : {});

export const listTasks = (query: TaskQuery, signal?: AbortSignal) =>
  request<TaskPage>("GET", "/tasks", { query: query as Query, ...(signal ? { signal } : {}) });
export const getTask = (id: string, signal?: AbortSignal) =>
  request<TaskDetail>("GET", `/tasks/${encodeURIComponent(id)}`, signal ? { signal } : {});

const taskAction = (id: string, action: string, body: unknown) =>
  request<TaskDetail>("POST", `/tasks/${encodeURIComponent(id)}/${action}`, { body });
export const snoozeTask = (id: string, until: string, reason?: string) =>
  taskAction(id, "snooze", reason ? { until, reason } : { until });
export const dismissTask = (id: string, reason: string) => taskAction(id, "dismiss", { reason });
export const assignTask = (id: string, userId: string | null) => taskAction(id, "assign", { userId });
export const commentOnTask = (id: string, text: string) => taskAction(id, "comments", { text });
export const reopenTask = (id: string) => taskAction(id, "reopen", {});

export type BulkAction =
  | { readonly action: "snooze"; readonly until: string; readonly reason?: string }
  | { readonly action: "dismiss"; readonly reason: string }
  | { readonly action: "assign"; readonly userId: string | null };

export const bulkUpdateTasks = (ids: readonly string[], action: BulkAction) =>
  request<{ updated: number; notFound: string[] }>("POST", "/tasks/bulk", { body: { ids, ...action } });

export const listCompanies = (query: CompanyQuery, signal?: AbortSignal) =>
  request<CompanyPage>("GET", "/companies", { query: query as Query, ...(signal ? { signal } : {}) });
export const getCompany = (id: string, signal?: AbortSignal) =>
  request<CompanyDetail>("GET", `/companies/${encodeURIComponent(id)}`, signal ? { signal } : {});

export const getDashboard = (query: ScopeQuery, signal?: AbortSignal) =>
  request<Dashboard>("GET", "/dashboard", { query: query as Query, ...(signal ? { signal } : {}) });

export interface NewUser {
  readonly email: string;
  readonly name: string;
  readonly role: UserRole;
  readonly companyIds?: readonly string[];
  readonly password?: string;
  /** The vendor's staff name the user's partner. */
  readonly partnerId?: string;
}

export interface UserChanges {
  readonly name?: string;
  readonly role?: UserRole;
  readonly companyIds?: readonly string[];
  readonly disabled?: boolean;
}

/** The partner's users; `partner` picks the partner for the vendor's staff. */
export const listUsers = (partner: string | null, signal?: AbortSignal) =>
  request<{ items: User[] }>("GET", "/users", { query: { partner }, ...(signal ? { signal } : {}) });
export const createUser = (user: NewUser) => request<User>("POST", "/users", { body: user });
export const updateUser = (id: string, changes: UserChanges) =>
  request<User>("PATCH", `/users/${encodeURIComponent(id)}`, { body: changes });
