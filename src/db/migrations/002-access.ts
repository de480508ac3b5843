/**
 * Who may see what: users, sessions and machine tokens, and row-level security on every
 * partner-owned table. Partner requests run as the role `portal_partner` (no BYPASSRLS) with the
 * caller's partner in the transaction setting `portal.partner_id`, so a query that forgets its
 * partner filter still returns nothing foreign. Imports, scans and the vendor run as the owner.
 */
import { type Kysely, sql } from "kysely";

const PARTNER_OWNED = [
  "partnerships",
  "companies",
  "orders",
  "usage",
  "activity",
  "scanners",
  "scans",
  "tasks",
  "task_events",
  "users",
  "user_companies",
] as const;

const SCHEMA = `
  CREATE TABLE users (
    id text PRIMARY KEY,
    partner_id text REFERENCES partners (id),
    email text NOT NULL,
    name text NOT NULL,
    role text NOT NULL CHECK (role IN ('admin', 'user', 'notifications', 'vendor')),
    password_hash text,
    created_at timestamptz NOT NULL,
    disabled_at timestamptz,
    CHECK ((role = 'vendor') = (partner_id IS NULL))
  );
  CREATE UNIQUE INDEX users_email ON users (lower(email));
  CREATE INDEX users_partner ON users (partner_id);
  CREATE TABLE user_companies (
    user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    company_id text NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    partner_id text NOT NULL,
    PRIMARY KEY (user_id, company_id)
  );
  CREATE TABLE sessions (
    token_hash text PRIMARY KEY,
    user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    csrf_token text NOT NULL,
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    revoked_at timestamptz
  );
  CREATE INDEX sessions_user ON sessions (user_id);
  CREATE TABLE api_tokens (
    id text PRIMARY KEY,
    token_hash text NOT NULL UNIQUE,
    partner_id text REFERENCES partners (id),
    scope text NOT NULL CHECK (scope IN ('read', 'write', 'ingest')),
    name text NOT NULL,
    created_at timestamptz NOT NULL,
    last_used_at timestamptz,
    revoked_at timestamptz,
    CHECK ((scope = 'ingest') = (partner_id IS NULL))
  );
  CREATE INDEX tasks_assignee ON tasks (assignee_id) WHERE assignee_id IS NOT NULL`;

/** Roles are cluster-wide: create once, tolerate another database (or a parallel test) doing it. */
const CREATE_ROLE = `
  DO $$ BEGIN
    CREATE ROLE portal_partner NOLOGIN NOBYPASSRLS;
  EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
  END $$`;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of SCHEMA.split(/;\s*\n/)) {
    if (statement.trim()) await sql.raw(statement).execute(db);
  }
  await sql.raw(CREATE_ROLE).execute(db);
  await sql.raw("GRANT USAGE ON SCHEMA public TO portal_partner").execute(db);
  await sql.raw("GRANT SELECT ON partners TO portal_partner").execute(db);
  for (const table of PARTNER_OWNED) {
    await sql.raw(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO portal_partner`).execute(db);
    await sql.raw(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`).execute(db);
    await sql
      .raw(
        `CREATE POLICY partner_isolation ON ${table} FOR ALL TO portal_partner
           USING (partner_id = current_setting('portal.partner_id', true))
           WITH CHECK (partner_id = current_setting('portal.partner_id', true))`,
      )
      .execute(db);
  }
  await sql.raw("ALTER TABLE partners ENABLE ROW LEVEL SECURITY").execute(db);
  await sql
    .raw(
      `CREATE POLICY partner_isolation ON partners FOR SELECT TO portal_partner
         USING (id = current_setting('portal.partner_id', true))`,
    )
    .execute(db);
  await sql.raw("GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO portal_partner").execute(db);
}
