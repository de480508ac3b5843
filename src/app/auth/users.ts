/** Managing people: the `users` command and the admin's Users page. */
import * as access from "../../db/access.repository.ts";
import { isPostgresUniqueViolation } from "../../db/connection.ts";
import { inPartnerScope } from "../../db/scoped.ts";
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
  const companyIds = assignableCompanies(input.role, input.companyIds);
  // Hash before the transaction: scrypt is slow on purpose and must not hold a connection.
  const passwordHash = signsIn && input.password ? await hashPassword(input.password) : null;
  const partnerId = input.partnerId;
  try {
    return await inPartnerScope(ctx.db, partnerId, async (trx) => {
      if (await access.findUserByEmail(trx, input.email)) throw duplicateEmail(input.email);
      if (partnerId !== null) {
        const partner = await trx
          .selectFrom("partners")
          .select("id")
          .where("id", "=", partnerId)
          .executeTakeFirst();
        if (!partner) throw new AppError("NOT_FOUND", `No partner with id "${partnerId}"`);
        await assertCompaniesOfPartner(trx, partnerId, companyIds);
      }
      const row: access.UserRow = {
        id: ctx.newId(),
        partner_id: partnerId,
        email: input.email.trim(),
        name: input.name.trim(),
        role: input.role,
        password_hash: passwordHash,
        created_at: ctx.clock.now().toISOString(),
        disabled_at: null,
      };
      await access.insertUser(trx, row, companyIds);
      return toView(row, companyIds);
    });
  } catch (error) {
    // Emails are unique across partners; row-level security hides the other partner's holder.
    if (isPostgresUniqueViolation(error)) throw duplicateEmail(input.email);
    throw error;
  }
}

function duplicateEmail(email: string): AppError {
  return new AppError("CONFLICT", `A user with the email ${email} already exists`);
}

/** Only a `user` is limited to assigned companies; giving them to another role is a mistake. */
function assignableCompanies(role: Role, companyIds: readonly string[] | undefined): string[] {
  const unique = [...new Set(companyIds ?? [])];
  if (unique.length > 0 && role !== "user") {
    throw new AppError("INVALID_ARGUMENT", `Only users with the role "user" are limited to companies`);
  }
  return unique;
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
    throw new AppError("INVALID_ARGUMENT", `No company of this partner with id ${unknown.join(", ")}`);
}

/** The users of one partner (or, for null, everyone), with their companies in one extra query. */
export async function listUsers(ctx: AppContext, partnerId: string | null): Promise<UserView[]> {
  return inPartnerScope(ctx.db, partnerId, async (trx) => {
    const rows = await access.listUsers(trx, partnerId);
    const companies = await access.companyIdsOfUsers(
      trx,
      rows.map((row) => row.id),
    );
    return rows.map((row) => toView(row, companies.get(row.id) ?? []));
  });
}

export interface UserChanges {
  readonly name?: string | undefined;
  readonly role?: Exclude<Role, "vendor"> | undefined;
  readonly companyIds?: readonly string[] | undefined;
  readonly disabled?: boolean | undefined;
}

/**
 * An admin changes a user of its partner (the vendor: of any partner). Nobody disables or demotes
 * itself, so a partner cannot lock out its last admin by accident.
 */
export async function updateUser(
  ctx: AppContext,
  actor: { readonly userId: string; readonly partnerId: string | null },
  id: string,
  changes: UserChanges,
): Promise<UserView> {
  const now = ctx.clock.now().toISOString();
  const view = await inPartnerScope(ctx.db, actor.partnerId, async (trx) => {
    const user = await access.findUser(trx, id);
    if (!user || (actor.partnerId !== null && user.partner_id !== actor.partnerId)) {
      throw new AppError("NOT_FOUND", `No user with id "${id}"`);
    }
    if (user.role === "vendor" || user.partner_id === null) {
      throw new AppError("INVALID_ARGUMENT", "Vendor staff are managed with the partner-portal command line");
    }
    const role = changes.role ?? (user.role as Role);
    if (user.id === actor.userId && (changes.disabled === true || role !== user.role)) {
      throw new AppError(
        "CONFLICT",
        "You cannot disable your own account or change your own role; ask another admin",
      );
    }
    if (role !== user.role && role !== "notifications" && user.password_hash === null) {
      throw new AppError(
        "INVALID_ARGUMENT",
        "This user has no password and could not sign in; add a new user with a password instead",
      );
    }
    if (changes.name !== undefined && !changes.name.trim()) {
      throw new AppError("INVALID_ARGUMENT", "A user needs a name");
    }
    const companyIds =
      changes.companyIds !== undefined || (user.role === "user" && role !== "user")
        ? assignableCompanies(role, changes.companyIds)
        : undefined;
    if (companyIds) {
      await assertCompaniesOfPartner(trx, user.partner_id, companyIds);
      await access.setUserCompanies(trx, user.id, user.partner_id, companyIds);
    }
    const disabledAt =
      changes.disabled === undefined ? user.disabled_at : changes.disabled ? (user.disabled_at ?? now) : null;
    const updated = await access.updateUser(trx, user.id, {
      name: changes.name?.trim() ?? user.name,
      role,
      disabled_at: disabledAt,
    });
    return toView(updated ?? user, companyIds ?? (await access.companyIdsOfUser(trx, user.id)));
  });
  // Sessions are not partner data (the partner role cannot write them), so they are revoked after
  // the commit; a disabled user's session is refused from the commit on regardless.
  if (changes.disabled === true) await access.revokeSessionsOfUser(ctx.db, view.id, now);
  return view;
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
