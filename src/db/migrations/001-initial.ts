/**
 * The initial schema. Composite foreign keys (id, partner_id) keep every child row's partner_id
 * equal to its parent's and cascade a company moving between partners, so the partner column that
 * row-level security relies on can never drift.
 */
import { type Kysely, sql } from "kysely";

const SCHEMA = `
    CREATE TABLE partners (
      id text PRIMARY KEY,
      name text NOT NULL
    );
    CREATE TABLE partnerships (
      id text PRIMARY KEY,
      partner_id text NOT NULL REFERENCES partners (id),
      name text NOT NULL,
      type text NOT NULL CHECK (type IN ('reseller', 'mssp')),
      UNIQUE (id, partner_id)
    );
    CREATE INDEX partnerships_partner ON partnerships (partner_id);
    CREATE TABLE companies (
      id text PRIMARY KEY,
      partner_id text NOT NULL,
      partnership_id text NOT NULL,
      name text NOT NULL,
      account_state text NOT NULL,
      tags text[] NOT NULL DEFAULT '{}',
      UNIQUE (id, partner_id),
      FOREIGN KEY (partnership_id, partner_id) REFERENCES partnerships (id, partner_id) ON UPDATE CASCADE
    );
    CREATE INDEX companies_partner ON companies (partner_id, partnership_id);
    CREATE TABLE orders (
      order_number text PRIMARY KEY,
      partner_id text NOT NULL,
      company_id text NOT NULL,
      start_date date NOT NULL,
      end_date date NOT NULL CHECK (end_date >= start_date),
      status text NOT NULL,
      acv numeric,
      currency text,
      lines jsonb NOT NULL,
      FOREIGN KEY (company_id, partner_id) REFERENCES companies (id, partner_id) ON UPDATE CASCADE
    );
    CREATE INDEX orders_company ON orders (company_id);
    CREATE TABLE usage (
      company_id text NOT NULL,
      product text NOT NULL,
      measured_at timestamptz NOT NULL,
      partner_id text NOT NULL,
      used numeric NOT NULL CHECK (used >= 0),
      PRIMARY KEY (company_id, product, measured_at),
      FOREIGN KEY (company_id, partner_id) REFERENCES companies (id, partner_id) ON UPDATE CASCADE
    );
    CREATE TABLE activity (
      company_id text NOT NULL,
      product text NOT NULL,
      partner_id text NOT NULL,
      enabled_at timestamptz,
      last_used_at timestamptz,
      PRIMARY KEY (company_id, product),
      FOREIGN KEY (company_id, partner_id) REFERENCES companies (id, partner_id) ON UPDATE CASCADE
    );
    CREATE TABLE scanners (
      id text PRIMARY KEY,
      partner_id text NOT NULL,
      company_id text NOT NULL,
      name text NOT NULL,
      status text NOT NULL,
      last_seen_at timestamptz,
      FOREIGN KEY (company_id, partner_id) REFERENCES companies (id, partner_id) ON UPDATE CASCADE
    );
    CREATE INDEX scanners_company ON scanners (company_id);
    CREATE TABLE scans (
      id text PRIMARY KEY,
      partner_id text NOT NULL,
      company_id text NOT NULL,
      product text NOT NULL,
      status text NOT NULL,
      started_at timestamptz NOT NULL,
      finished_at timestamptz,
      target text,
      FOREIGN KEY (company_id, partner_id) REFERENCES companies (id, partner_id) ON UPDATE CASCADE
    );
    CREATE INDEX scans_company_started ON scans (company_id, started_at);
    CREATE TABLE tasks (
      id text PRIMARY KEY,
      partner_id text NOT NULL,
      partnership_id text NOT NULL,
      company_id text NOT NULL,
      fingerprint text NOT NULL,
      type text NOT NULL,
      subject text NOT NULL,
      category text NOT NULL,
      severity text NOT NULL,
      severity_rank smallint NOT NULL,
      status text NOT NULL CHECK (status IN ('open', 'snoozed', 'dismissed', 'resolved')),
      title text NOT NULL,
      details jsonb NOT NULL,
      tab text NOT NULL,
      highlight text[] NOT NULL,
      rule_id text NOT NULL,
      snoozed_until timestamptz,
      assignee_id text,
      opened_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      resolved_at timestamptz,
      previous_task_id text REFERENCES tasks (id),
      FOREIGN KEY (company_id, partner_id) REFERENCES companies (id, partner_id) ON UPDATE CASCADE
    );
    -- Two scans at once can never hold two live tasks for one fingerprint.
    CREATE UNIQUE INDEX tasks_one_live_per_fingerprint ON tasks (fingerprint) WHERE status <> 'resolved';
    CREATE INDEX tasks_company_live ON tasks (company_id) WHERE status <> 'resolved';
    CREATE INDEX tasks_resolved_fingerprint ON tasks (fingerprint, resolved_at) WHERE status = 'resolved';
    CREATE INDEX tasks_partner_list ON tasks (partner_id, status, severity_rank DESC, opened_at);
    CREATE TABLE task_events (
      id bigserial PRIMARY KEY,
      task_id text NOT NULL REFERENCES tasks (id),
      partner_id text NOT NULL,
      at timestamptz NOT NULL,
      actor_id text,
      kind text NOT NULL,
      data jsonb NOT NULL DEFAULT '{}'
    );
    CREATE INDEX task_events_task ON task_events (task_id, id);
    CREATE TABLE scan_runs (
      id text PRIMARY KEY,
      at timestamptz NOT NULL,
      company_id text,
      started_at timestamptz NOT NULL,
      heartbeat_at timestamptz NOT NULL,
      finished_at timestamptz,
      status text NOT NULL CHECK (status IN ('running', 'completed', 'failed', 'interrupted')),
      companies_scanned integer NOT NULL DEFAULT 0,
      tasks_opened integer NOT NULL DEFAULT 0,
      tasks_updated integer NOT NULL DEFAULT 0,
      tasks_resolved integer NOT NULL DEFAULT 0,
      error_count integer NOT NULL DEFAULT 0,
      errors jsonb NOT NULL DEFAULT '[]'
    );
    CREATE INDEX scan_runs_started ON scan_runs (started_at DESC);
  `;

/** One statement per round trip: PGlite's extended protocol takes a single statement at a time. */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of SCHEMA.split(/;\s*\n/)) {
    if (statement.trim()) await sql.raw(statement).execute(db);
  }
}
