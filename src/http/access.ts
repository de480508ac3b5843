/**
 * Authentication and authorisation for every route. Each route declares who may call it
 * (`config.access`); one hook resolves the caller from the bearer token or session cookie, checks
 * the declaration, and enforces the CSRF token on state-changing requests made with a cookie.
 */
import type {} from "@fastify/cookie";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Principal } from "../app/auth/principal.ts";
import { authenticateSession, authenticateToken } from "../app/auth/sessions.ts";
import type { AppContext } from "../app/context.ts";
import { AppError } from "../app/errors.ts";
import { exhaustiveSwitchError } from "../core/exhaustive.ts";

export const SESSION_COOKIE = "pp_session";
export const CSRF_HEADER = "x-csrf-token";

/**
 * - public: anyone. - signed-in: any signed-in person. - read: partner data, read only.
 * - act: change tasks. - admin: manage the partner's users. - vendor: the vendor's staff or its
 * ingest token (scans). - ingest: the vendor's ingest token or staff.
 */
export type Access = "public" | "signed-in" | "read" | "act" | "admin" | "vendor" | "ingest";

declare module "fastify" {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function registerAccess(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest("principal", null);
  // On request, before the body is read: an anonymous caller is turned away without the server
  // buffering its body, and learns it must sign in rather than what its body lacks.
  app.addHook("onRequest", async (request) => {
    const access = request.routeOptions.config.access;
    if (access === undefined || access === "public") return;
    request.principal = await identify(ctx, request);
    const principal = request.principal;
    if (!principal) throw new AppError("UNAUTHENTICATED", "Sign in first, or send a valid bearer token");
    if (principal.kind === "user" && !SAFE_METHODS.has(request.method)) {
      if (request.headers[CSRF_HEADER] !== principal.csrfToken) {
        throw new AppError(
          "FORBIDDEN",
          `Missing or wrong ${CSRF_HEADER} header; reload the page and try again`,
        );
      }
    }
    if (!allows(principal, access, request.method)) {
      throw new AppError("FORBIDDEN", "Your role or token does not allow this");
    }
  });
}

async function identify(ctx: AppContext, request: FastifyRequest): Promise<Principal | null> {
  const header = request.headers.authorization;
  if (header?.startsWith("Bearer ")) return authenticateToken(ctx, header.slice(7).trim());
  const cookie = request.cookies[SESSION_COOKIE];
  return cookie ? authenticateSession(ctx, cookie) : null;
}

function allows(principal: Principal, access: Exclude<Access, "public">, method: string): boolean {
  if (principal.kind === "token") {
    switch (access) {
      case "signed-in":
      case "admin":
        return false;
      case "read":
        return principal.scope !== "ingest" && SAFE_METHODS.has(method);
      case "act":
        return principal.scope === "write";
      case "vendor":
      case "ingest":
        return principal.scope === "ingest";
      default:
        return exhaustiveSwitchError(access);
    }
  }
  switch (access) {
    case "signed-in":
    case "read":
      return true;
    case "act":
      return principal.role !== "notifications";
    case "admin":
      return principal.role === "admin" || principal.role === "vendor";
    case "vendor":
    case "ingest":
      return principal.role === "vendor";
    default:
      return exhaustiveSwitchError(access);
  }
}

/** The caller of a route that declared an access other than public. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new AppError("UNAUTHENTICATED", "Sign in first");
  return request.principal;
}
