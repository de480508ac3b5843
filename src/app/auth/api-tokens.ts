/** Machine tokens: shown once at creation, stored hashed. */
import * as access from "../../db/access.repository.ts";
import type { AppContext } from "../context.ts";
import { AppError } from "../errors.ts";
import type { TokenScope } from "./principal.ts";
import { newSecret, sha256 } from "./secrets.ts";

export interface TokenView {
  readonly id: string;
  readonly name: string;
  readonly partnerId: string | null;
  readonly scope: TokenScope;
  readonly createdAt: string;
  readonly revoked: boolean;
}

export async function createToken(
  ctx: AppContext,
  input: { partnerId: string | null; scope: TokenScope; name?: string | undefined },
): Promise<{ token: string; view: TokenView }> {
  if ((input.scope === "ingest") !== (input.partnerId === null)) {
    throw new AppError(
      "INVALID_ARGUMENT",
      "Ingest tokens are the vendor's (--vendor); read and write tokens belong to a partner",
    );
  }
  if (input.partnerId !== null) {
    const partner = await ctx.db
      .selectFrom("partners")
      .select("id")
      .where("id", "=", input.partnerId)
      .executeTakeFirst();
    if (!partner) throw new AppError("NOT_FOUND", `No partner with id "${input.partnerId}"`);
  }
  const token = newSecret("ppt_");
  const row: access.TokenRow = {
    id: ctx.newId(),
    token_hash: sha256(token),
    partner_id: input.partnerId,
    scope: input.scope,
    name: input.name?.trim() || `${input.scope} token`,
    created_at: ctx.clock.now().toISOString(),
    last_used_at: null,
    revoked_at: null,
  };
  await access.insertToken(ctx.db, row);
  return { token, view: tokenView(row) };
}

export async function listTokens(ctx: AppContext): Promise<TokenView[]> {
  return (await access.listTokens(ctx.db)).map(tokenView);
}

export async function revokeToken(ctx: AppContext, id: string): Promise<void> {
  if (!(await access.revokeToken(ctx.db, id, ctx.clock.now().toISOString()))) {
    throw new AppError("NOT_FOUND", `No live token with id "${id}"`);
  }
}

function tokenView(row: access.TokenRow): TokenView {
  return {
    id: row.id,
    name: row.name,
    partnerId: row.partner_id,
    scope: row.scope as TokenScope,
    createdAt: row.created_at,
    revoked: row.revoked_at !== null,
  };
}
