/**
 * The task list's hot path: a partner's live tasks in the default order (severity, then urgency).
 * The older index leads with status, which the default "open, or snoozed until a passed date"
 * filter cannot use for order; this one gives the order directly and covers the faceted counts
 * (index-only). Measured on 1M tasks: page query 473 → 115 buffers, each count 1,007 → 17.
 */
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE INDEX tasks_partner_live_list
      ON tasks (partner_id, severity_rank DESC, urgency DESC, id DESC)
      INCLUDE (severity, category, status, snoozed_until)
      WHERE status <> 'resolved'`.execute(db);
  await sql`
    CREATE INDEX tasks_partner_live_newest ON tasks (partner_id, opened_at DESC, id DESC)
      WHERE status <> 'resolved'`.execute(db);
}
