/**
 * Sign-in with server-side sessions, and authentication of each request by session cookie or
 * bearer token. A wrong email and a wrong password give the same answer.
 */
import * as access from "../../db/access.repository.ts";
import type { AppContext } from "../context.ts";
import { AppError } from "../errors.ts";
import type { Principal, Role, TokenScope } from "./principal.ts";
import { createRateLimiter, type RateLimiter } from "./rate-limit.ts";
import { DUMMY_PASSWORD_HASH, newSecret, sha256, verifyPassword } from "./secrets.ts";

export interface SessionSettings {
  readonly ttlHours: number;
  /** Failed sign-ins per address and per account in the window. */
  readonly addressLimiter: RateLimiter;
  readonly accountLimiter: RateLimiter;
}

export interface SignedIn {
  readonly token: string;
  readonly expiresAt: string;
  readonly principal: Extract<Principal, { kind: "user" }>;
}

const WRONG = "The email or password is wrong";

/** Sign-in throttling of the portal: 20 failures per address and 5 per account per 15 minutes. */
export function sessionSettings(ttlHours: number): SessionSettings {
  const window = 15 * 60_000;
  return {
    ttlHours,
    addressLimiter: createRateLimiter(20, window),
    accountLimiter: createRateLimiter(5, window),
  };
}

export async function signIn(
  ctx: AppContext,
  settings: SessionSettings,
  input: { email: string; password: string; address: string },
): Promise<SignedIn> {
  const nowMs = ctx.clock.now().getTime();
  const accountKey = input.email.trim().toLowerCase();
  const wait = Math.max(
    settings.addressLimiter.retryAfter(input.address, nowMs),
    settings.accountLimiter.retryAfter(accountKey, nowMs),
  );
  if (wait > 0) {
    throw new AppError(
      "RATE_LIMITED",
      `Too many failed sign-ins. Try again in ${Math.ceil(wait / 60)} minute(s).`,
      {
        retryAfterSeconds: wait,
      },
    );
  }
  const user = await access.findUserByEmail(ctx.db, accountKey);
  const ok = await verifyPassword(input.password, user?.password_hash ?? DUMMY_PASSWORD_HASH);
  if (!user || !ok || !user.password_hash || user.disabled_at !== null || user.role === "notifications") {
    settings.addressLimiter.recordFailure(input.address, nowMs);
    settings.accountLimiter.recordFailure(accountKey, nowMs);
    throw new AppError("UNAUTHENTICATED", WRONG);
  }
  settings.accountLimiter.reset(accountKey);
  const token = newSecret("pps_");
  const csrfToken = newSecret("");
  const expiresAt = new Date(nowMs + settings.ttlHours * 3_600_000).toISOString();
  await access.insertSession(ctx.db, {
    tokenHash: sha256(token),
    userId: user.id,
    csrfToken,
    createdAt: new Date(nowMs).toISOString(),
    expiresAt,
  });
  const companyIds = user.role === "user" ? await access.companyIdsOfUser(ctx.db, user.id) : [];
  return { token, expiresAt, principal: userPrincipal(user, companyIds, csrfToken) };
}

export async function signOut(ctx: AppContext, token: string): Promise<void> {
  await access.revokeSession(ctx.db, sha256(token), ctx.clock.now().toISOString());
}

/** The principal of a session cookie, or null when it is unknown, revoked or expired. */
export async function authenticateSession(ctx: AppContext, token: string): Promise<Principal | null> {
  const row = await access.findLiveSession(ctx.db, sha256(token), ctx.clock.now().toISOString());
  if (!row || row.role === "notifications") return null;
  const companyIds = row.role === "user" ? await access.companyIdsOfUser(ctx.db, row.id) : [];
  return userPrincipal(row, companyIds, row.csrf_token);
}

/** The principal of a bearer token, or null. */
export async function authenticateToken(ctx: AppContext, token: string): Promise<Principal | null> {
  const row = await access.findLiveToken(ctx.db, sha256(token));
  if (!row) return null;
  return { kind: "token", tokenId: row.id, partnerId: row.partner_id, scope: row.scope as TokenScope };
}

function userPrincipal(user: access.UserRow, companyIds: readonly string[], csrfToken: string) {
  const role = user.role as Role;
  return {
    kind: "user" as const,
    userId: user.id,
    name: user.name,
    email: user.email,
    role,
    partnerId: user.partner_id,
    // A `user` with no assigned companies sees all of its partner's companies.
    companyIds: role === "user" && companyIds.length > 0 ? companyIds : null,
    csrfToken,
  };
}
