/** Who is calling, and what that lets them see (spec: tasks.md § Who sees what). */

export const ROLES = ["admin", "user", "notifications", "vendor"] as const;
export type Role = (typeof ROLES)[number];

export const TOKEN_SCOPES = ["read", "write", "ingest"] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

export type Principal =
  | {
      readonly kind: "user";
      readonly userId: string;
      readonly name: string;
      readonly email: string;
      readonly role: Role;
      /** null for the vendor's staff, who see every partner. */
      readonly partnerId: string | null;
      /** A `user` limited to assigned companies; null means all of the partner's companies. */
      readonly companyIds: readonly string[] | null;
      readonly csrfToken: string;
    }
  | {
      readonly kind: "token";
      readonly tokenId: string;
      readonly partnerId: string | null;
      readonly scope: TokenScope;
    };

/** What data a principal may read: one partner (optionally some companies), or everything. */
export interface Scope {
  readonly partnerId: string | null;
  readonly companyIds: readonly string[] | null;
}

export function scopeOf(principal: Principal): Scope {
  return {
    partnerId: principal.partnerId,
    companyIds: principal.kind === "user" ? principal.companyIds : null,
  };
}

/** Whether the principal may change tasks (act, comment, assign). */
export function canAct(principal: Principal): boolean {
  if (principal.kind === "token") return principal.scope === "write";
  return principal.role === "admin" || principal.role === "user" || principal.role === "vendor";
}
