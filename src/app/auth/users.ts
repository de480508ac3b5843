/** Managing people: the `users` command and the admin's Users page. */
import * as access from "../../db/access.repository.ts";
import type { AppContext } from "../context.ts";
import { AppError } from "../errors.ts";
import type { Role } from "./principal.ts";
import { hashPassword } from "./secrets.ts";

export interface NewUser {
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  /** null for the vendor's staff. */
  readonly partnerId: string | null;
  readonly companyIds?: readonly string[];
  /** Required for everyone who signs in; `notifications` users have none. */
  readonly password?: string | undefined;
}

export interface UserView {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  readonly partnerId: string | null;
  readonly companyIds: readonly string[];
  readonly disabled: boolean;
  readonly createdAt: string;
}

export const MIN_PASSWORD_LENGTH = 10;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export async function addUser(ctx: AppContext, input: NewUser): Promise<UserView> {
  if (!EMAIL.test(input.email))
    throw new AppError("INVALID_ARGUMENT", `"${input.email}" is not an email address`);
  if (!input.name.trim()) throw new AppError("INVALID_ARGUMENT", "A user needs a name");
  if ((input.role === "vendor") !== (input.partnerId === null)) {
    throw new AppError(
      "INVALID_ARGUMENT",
      "Vendor staff have no partner; every other role belongs to one partner",
    );
  }
  const signsIn = input.role !== "notifications";
  if (signsIn && (input.password ?? "").length < MIN_PASSWORD_LENGTH) {
    throw new AppError("INVALID_ARGUMENT", `The password must be at least ${MIN_PASSWORD_LENGTH} characters`);
  }
  const companyIds = input.role === "user" ? [...(input.companyIds ?? [])] : [];
  return ctx.db.transaction().execute(async (trx) => {
    if (await access.findUserByEmail(trx, input.email)) {
      throw new AppError("CONFLICT", `A user with the email ${input.email} already exists`);
    }
    if (input.partnerId !== null) {
      const partner = await trx
        .selectFrom("partners")
        .select("id")
        .where("id", "=", input.partnerId)
        .executeTakeFirst();
      if (!partner) throw new AppError("NOT_FOUND", `No partner with id "${input.partnerId}"`);
      await assertCompaniesOfPartner(trx, input.partnerId, companyIds);
    }
    const row: access.UserRow = {
      id: ctx.newId(),
      partner_id: input.partnerId,
      email: input.email.trim(),
      name: input.name.trim(),
      role: input.role,
      password_hash: signsIn && input.password ? await hashPassword(input.password) : null,
      created_at: ctx.clock.now().toISOString(),
      disabled_at: null,
    };
    await access.insertUser(trx, row, companyIds);
    return toView(row, companyIds);
  });
}

export async function assertCompaniesOfPartner(
  db: AppContext["db"],
  partnerId: string,
  companyIds: readonly string[],
): Promise<void> {
  if (companyIds.length === 0) return;
  const found = await db
    .selectFrom("companies")
    .select("id")
    .where("partner_id", "=", partnerId)
    .where("id", "in", [...companyIds])
    .execute();
  const known = new Set(found.map((c) => c.id));
  const unknown = companyIds.filter((id) => !known.has(id));
  if (unknown.length)
    throw new AppError("NOT_FOUND", `No company of this partner with id ${unknown.join(", ")}`);
}

export async function listUsers(ctx: AppContext, partnerId: string | null): Promise<UserView[]> {
  const rows = await access.listUsers(ctx.db, partnerId);
  return Promise.all(rows.map(async (row) => toView(row, await access.companyIdsOfUser(ctx.db, row.id))));
}

/** Disables an account and ends its sessions at once. */
export async function disableUser(
  ctx: AppContext,
  idOrEmail: string,
  partnerId: string | null,
): Promise<UserView> {
  const now = ctx.clock.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const user = (await access.findUser(trx, idOrEmail)) ?? (await access.findUserByEmail(trx, idOrEmail));
    if (!user || (partnerId !== null && user.partner_id !== partnerId)) {
      throw new AppError("NOT_FOUND", `No user "${idOrEmail}"`);
    }
    const updated = await access.updateUser(trx, user.id, { disabled_at: user.disabled_at ?? now });
    await access.revokeSessionsOfUser(trx, user.id, now);
    return toView(updated ?? user, await access.companyIdsOfUser(trx, user.id));
  });
}

export function toView(row: access.UserRow, companyIds: readonly string[]): UserView {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role as Role,
    partnerId: row.partner_id,
    companyIds,
    disabled: row.disabled_at !== null,
    createdAt: row.created_at,
  };
}
