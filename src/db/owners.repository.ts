/** Which partner owns existing partnerships and companies: the import's reference check. */
import type { Kysely } from "kysely";
import type { Database } from "./schema.ts";

type Db = Kysely<Database>;

export interface KnownOwners {
  readonly partners: Set<string>;
  /** Partnership id → partner id. */
  readonly partnerships: Map<string, string>;
  /** Company id → partner id. */
  readonly companies: Map<string, string>;
}

/** Looks up the given ids (any of them may be missing) with one query per kind. */
export async function findOwners(
  db: Db,
  ids: { partners: readonly string[]; partnerships: readonly string[]; companies: readonly string[] },
): Promise<KnownOwners> {
  const [partners, partnerships, companies] = await Promise.all([
    ids.partners.length
      ? db
          .selectFrom("partners")
          .select("id")
          .where("id", "in", [...ids.partners])
          .execute()
      : [],
    ids.partnerships.length
      ? db
          .selectFrom("partnerships")
          .select(["id", "partner_id"])
          .where("id", "in", [...ids.partnerships])
          .execute()
      : [],
    ids.companies.length
      ? db
          .selectFrom("companies")
          .select(["id", "partner_id"])
          .where("id", "in", [...ids.companies])
          .execute()
      : [],
  ]);
  return {
    partners: new Set(partners.map((p) => p.id)),
    partnerships: new Map(partnerships.map((p) => [p.id, p.partner_id])),
    companies: new Map(companies.map((c) => [c.id, c.partner_id])),
  };
}
