/** Runs work in a transaction confined by row-level security to one partner (or unconfined: null). */
import { type Kysely, sql } from "kysely";
import type { Database } from "./schema.ts";

export async function inPartnerScope<T>(
  db: Kysely<Database>,
  partnerId: string | null,
  work: (trx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(async (trx) => {
    if (partnerId !== null) {
      // Both are transaction-local: the pooled connection returns to the owner role afterwards.
      // One round trip: set_config('role', …, true) is what SET LOCAL ROLE does.
      await sql`select set_config('portal.partner_id', ${partnerId}, true),
                       set_config('role', 'portal_partner', true)`.execute(trx);
    }
    return work(trx);
  });
}
