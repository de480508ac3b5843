/**
 * Table types for Kysely, as the database returns them through src/db/connection.ts (dates and
 * instants as strings, int8/numeric as numbers). Columns are snake_case; repositories map rows to
 * the core's camelCase model. Every partner-owned table carries partner_id (row-level security).
 */
import type { ColumnType, Generated, JSONColumnType } from "kysely";

type Instant = string;
type LocalDate = string;
/** A column the database fills by default on insert. */
type Defaulted<T> = ColumnType<T, T | undefined, T>;

export interface PartnersTable {
  id: string;
  name: string;
}

export interface PartnershipsTable {
  id: string;
  partner_id: string;
  name: string;
  type: string;
}

export interface CompaniesTable {
  id: string;
  partner_id: string;
  partnership_id: string;
  name: string;
  account_state: string;
  tags: string[];
}

export interface OrdersTable {
  order_number: string;
  partner_id: string;
  company_id: string;
  start_date: LocalDate;
  end_date: LocalDate;
  status: string;
  acv: number | null;
  currency: string | null;
  lines: JSONColumnType<{ product: string; quantity: number }[]>;
}

export interface UsageTable {
  company_id: string;
  product: string;
  measured_at: Instant;
  partner_id: string;
  used: number;
}

export interface ActivityTable {
  company_id: string;
  product: string;
  partner_id: string;
  enabled_at: Instant | null;
  last_used_at: Instant | null;
}

export interface ScannersTable {
  id: string;
  partner_id: string;
  company_id: string;
  name: string;
  status: string;
  last_seen_at: Instant | null;
}

export interface ScansTable {
  id: string;
  partner_id: string;
  company_id: string;
  product: string;
  status: string;
  started_at: Instant;
  finished_at: Instant | null;
  target: string | null;
}

export interface TasksTable {
  id: string;
  partner_id: string;
  partnership_id: string;
  company_id: string;
  fingerprint: string;
  type: string;
  subject: string;
  category: string;
  severity: string;
  /** 3 high, 2 medium, 1 low: sortable severity. */
  severity_rank: number;
  status: string;
  title: string;
  details: JSONColumnType<Record<string, unknown>>;
  tab: string;
  highlight: string[];
  rule_id: string;
  snoozed_until: Instant | null;
  assignee_id: string | null;
  opened_at: Instant;
  updated_at: Instant;
  resolved_at: Instant | null;
  previous_task_id: string | null;
}

export interface TaskEventsTable {
  id: Generated<number>;
  task_id: string;
  partner_id: string;
  at: Instant;
  actor_id: string | null;
  kind: string;
  data: JSONColumnType<Record<string, unknown>>;
}

export interface ScanRunsTable {
  id: string;
  at: Instant;
  company_id: string | null;
  started_at: Instant;
  heartbeat_at: Instant;
  finished_at: Instant | null;
  status: string;
  companies_scanned: Defaulted<number>;
  tasks_opened: Defaulted<number>;
  tasks_updated: Defaulted<number>;
  tasks_resolved: Defaulted<number>;
  error_count: Defaulted<number>;
  errors: JSONColumnType<{ companyId: string; message: string }[]>;
}

export interface UsersTable {
  id: string;
  partner_id: string | null;
  email: string;
  name: string;
  role: string;
  password_hash: string | null;
  created_at: Instant;
  disabled_at: Instant | null;
}

export interface UserCompaniesTable {
  user_id: string;
  company_id: string;
  partner_id: string;
}

export interface SessionsTable {
  token_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: Instant;
  expires_at: Instant;
  revoked_at: Instant | null;
}

export interface ApiTokensTable {
  id: string;
  token_hash: string;
  partner_id: string | null;
  scope: string;
  name: string;
  created_at: Instant;
  last_used_at: Instant | null;
  revoked_at: Instant | null;
}

export interface Database {
  partners: PartnersTable;
  partnerships: PartnershipsTable;
  companies: CompaniesTable;
  orders: OrdersTable;
  usage: UsageTable;
  activity: ActivityTable;
  scanners: ScannersTable;
  scans: ScansTable;
  tasks: TasksTable;
  task_events: TaskEventsTable;
  scan_runs: ScanRunsTable;
  users: UsersTable;
  user_companies: UserCompaniesTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
}
