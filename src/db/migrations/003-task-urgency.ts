/**
 * A task's urgency within its severity, derived by the database from the details so it can never
 * disagree with them, and indexed with the list's default order (severity, then urgency).
 * Higher is more urgent: fewer days to a renewal, higher usage, longer inactivity, more failures.
 */
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE tasks ADD COLUMN urgency numeric GENERATED ALWAYS AS (
      CASE type
        WHEN 'contract-renewal' THEN -((details->>'daysRemaining')::numeric)
        WHEN 'license-usage' THEN (details->>'usagePercent')::numeric
        WHEN 'inactive-product' THEN (details->>'daysInactive')::numeric
        WHEN 'inactive-scanners' THEN (details->>'inactiveCount')::numeric
        ELSE (details->>'failedScanCount')::numeric
      END
    ) STORED`.execute(db);
  await sql`DROP INDEX tasks_partner_list`.execute(db);
  await sql`
    CREATE INDEX tasks_partner_list
      ON tasks (partner_id, status, severity_rank DESC, urgency DESC, id DESC)`.execute(db);
}
