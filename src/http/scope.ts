/** The data scope of a request: the caller's partner, or for the vendor any partner it picks. */
import type { FastifyRequest } from "fastify";
import { type Scope, scopeOf } from "../app/auth/principal.ts";
import { principalOf } from "./access.ts";

/** `partner` is honoured only for the vendor's staff and tokens, who otherwise see every partner. */
export function requestScope(request: FastifyRequest, partner?: string | undefined): Scope {
  const scope = scopeOf(principalOf(request));
  if (scope.partnerId === null && partner) return { partnerId: partner, companyIds: null };
  return scope;
}
