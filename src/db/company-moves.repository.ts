/**
 * What follows a company that moves. To another partnership of the same partner: its tasks follow.
 * To another partner: the old partner's tasks, their history and user assignments of the company
 * are deleted, because they are the old partner's work and must never become visible to the new
 * one (assignees and comments name the old partner's people); the next scan opens fresh tasks.
 */
import type { Kysely } from "kysely";
import type { Database } from "./schema.ts";

export interface IncomingCompany {
  readonly id: string;
  readonly partnershipId: string;
  readonly partnerId: string;
}

/** Call before the companies are upserted; returns the ids of companies that changed partner. */
export async function applyCompanyMoves(
  db: Kysely<Database>,
  incoming: readonly IncomingCompany[],
): Promise<string[]> {
  if (incoming.length === 0) return [];
  const stored = await db
    .selectFrom("companies")
    .select(["id", "partner_id", "partnership_id"])
    .where(
      "id",
      "in",
      incoming.map((c) => c.id),
    )
    .execute();
  const before = new Map(stored.map((c) => [c.id, c]));
  const changedPartner: string[] = [];
  const changedPartnership: IncomingCompany[] = [];
  for (const company of incoming) {
    const old = before.get(company.id);
    if (!old) continue;
    if (old.partner_id !== company.partnerId) changedPartner.push(company.id);
    else if (old.partnership_id !== company.partnershipId) changedPartnership.push(company);
  }
  if (changedPartner.length > 0) {
    const tasks = db.selectFrom("tasks").select("id").where("company_id", "in", changedPartner);
    await db.deleteFrom("task_events").where("task_id", "in", tasks).execute();
    await db.deleteFrom("tasks").where("company_id", "in", changedPartner).execute();
    await db.deleteFrom("user_companies").where("company_id", "in", changedPartner).execute();
  }
  for (const company of changedPartnership) {
    await db
      .updateTable("tasks")
      .set({ partnership_id: company.partnershipId })
      .where("company_id", "=", company.id)
      .execute();
  }
  return changedPartner;
}
