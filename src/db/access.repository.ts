/** Users, their assigned companies, sessions and machine tokens. */
import type { Kysely, Selectable } from "kysely";
import type { ApiTokensTable, Database, UsersTable } from "./schema.ts";

type Db = Kysely<Database>;
export type UserRow = Selectable<UsersTable>;
export type TokenRow = Selectable<ApiTokensTable>;

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  return db
    .selectFrom("users")
    .selectAll()
    .where((eb) => eb(eb.fn("lower", ["email"]), "=", email.toLowerCase()))
    .executeTakeFirst();
}

export async function findUser(db: Db, id: string): Promise<UserRow | undefined> {
  return db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function insertUser(db: Db, user: UserRow, companyIds: readonly string[]): Promise<void> {
  await db.insertInto("users").values(user).execute();
  await setUserCompanies(db, user.id, user.partner_id ?? "", companyIds);
}

export async function setUserCompanies(
  db: Db,
  userId: string,
  partnerId: string,
  companyIds: readonly string[],
) {
  await db.deleteFrom("user_companies").where("user_id", "=", userId).execute();
  if (companyIds.length === 0) return;
  await db
    .insertInto("user_companies")
    .values(companyIds.map((company_id) => ({ user_id: userId, company_id, partner_id: partnerId })))
    .execute();
}

export async function companyIdsOfUser(db: Db, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom("user_companies")
    .select("company_id")
    .where("user_id", "=", userId)
    .execute();
  return rows.map((r) => r.company_id);
}

/** Assigned companies of many users in one query, keyed by user id. */
export async function companyIdsOfUsers(db: Db, userIds: readonly string[]): Promise<Map<string, string[]>> {
  const byUser = new Map<string, string[]>(userIds.map((id) => [id, []]));
  if (userIds.length === 0) return byUser;
  const rows = await db
    .selectFrom("user_companies")
    .select(["user_id", "company_id"])
    .where("user_id", "in", [...userIds])
    .orderBy("company_id")
    .execute();
  for (const row of rows) byUser.get(row.user_id)?.push(row.company_id);
  return byUser;
}

export async function listUsers(db: Db, partnerId: string | null): Promise<UserRow[]> {
  let query = db.selectFrom("users").selectAll().orderBy("email");
  if (partnerId !== null) query = query.where("partner_id", "=", partnerId);
  return query.execute();
}

export async function updateUser(
  db: Db,
  id: string,
  changes: Partial<Pick<UserRow, "name" | "role" | "disabled_at" | "password_hash">>,
): Promise<UserRow | undefined> {
  return db.updateTable("users").set(changes).where("id", "=", id).returningAll().executeTakeFirst();
}

export async function insertSession(
  db: Db,
  session: { tokenHash: string; userId: string; csrfToken: string; createdAt: string; expiresAt: string },
): Promise<void> {
  await db
    .insertInto("sessions")
    .values({
      token_hash: session.tokenHash,
      user_id: session.userId,
      csrf_token: session.csrfToken,
      created_at: session.createdAt,
      expires_at: session.expiresAt,
      revoked_at: null,
    })
    .execute();
}

/** A live session (not revoked, not expired) with its enabled user. */
export async function findLiveSession(db: Db, tokenHash: string, now: string) {
  return db
    .selectFrom("sessions as s")
    .innerJoin("users as u", "u.id", "s.user_id")
    .selectAll("u")
    .select(["s.csrf_token", "s.expires_at"])
    .where("s.token_hash", "=", tokenHash)
    .where("s.revoked_at", "is", null)
    .where("s.expires_at", ">", now)
    .where("u.disabled_at", "is", null)
    .executeTakeFirst();
}

export async function revokeSession(db: Db, tokenHash: string, now: string): Promise<void> {
  await db.updateTable("sessions").set({ revoked_at: now }).where("token_hash", "=", tokenHash).execute();
}

export async function revokeSessionsOfUser(db: Db, userId: string, now: string): Promise<void> {
  await db
    .updateTable("sessions")
    .set({ revoked_at: now })
    .where("user_id", "=", userId)
    .where("revoked_at", "is", null)
    .execute();
}

export async function insertToken(db: Db, token: TokenRow): Promise<void> {
  await db.insertInto("api_tokens").values(token).execute();
}

export async function findLiveToken(db: Db, tokenHash: string): Promise<TokenRow | undefined> {
  return db
    .selectFrom("api_tokens")
    .selectAll()
    .where("token_hash", "=", tokenHash)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
}

export async function listTokens(db: Db): Promise<TokenRow[]> {
  return db.selectFrom("api_tokens").selectAll().orderBy("created_at").execute();
}

export async function revokeToken(db: Db, id: string, now: string): Promise<boolean> {
  const result = await db
    .updateTable("api_tokens")
    .set({ revoked_at: now })
    .where("id", "=", id)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
