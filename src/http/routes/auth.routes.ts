/** Sign-in, sign-out and who am I. */
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Principal } from "../../app/auth/principal.ts";
import { signIn, signOut } from "../../app/auth/sessions.ts";
import { principalOf, SESSION_COOKIE } from "../access.ts";
import type { HttpDeps } from "../deps.ts";
import { authErrors, errorBody } from "../schemas.ts";

const meSchema = z
  .object({
    kind: z.enum(["user", "token"]),
    id: z.string(),
    name: z.string(),
    email: z.string().nullable(),
    role: z.string(),
    partnerId: z.string().nullable(),
    partnerName: z.string().nullable(),
    partnerships: z.array(z.object({ id: z.string(), name: z.string(), type: z.enum(["reseller", "mssp"]) })),
    companyIds: z.array(z.string()).nullable(),
    csrfToken: z.string().nullable(),
  })
  .meta({ id: "Me" });

export async function authRoutes(app: FastifyInstance, deps: HttpDeps): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const cookieOptions = { path: "/", httpOnly: true, sameSite: "lax" as const, secure: deps.secure };

  const describeCaller = async (principal: Principal) => {
    const partnerId = principal.partnerId;
    const [partner, partnerships] = await Promise.all([
      partnerId
        ? deps.ctx.db.selectFrom("partners").select("name").where("id", "=", partnerId).executeTakeFirst()
        : undefined,
      deps.ctx.db
        .selectFrom("partnerships")
        .select(["id", "name", "type"])
        .$if(partnerId !== null, (q) => q.where("partner_id", "=", partnerId ?? ""))
        .orderBy("name")
        .execute(),
    ]);
    const user = principal.kind === "user" ? principal : null;
    return {
      kind: principal.kind,
      id: user ? user.userId : principal.kind === "token" ? principal.tokenId : "",
      name: user ? user.name : "API token",
      email: user ? user.email : null,
      role: user ? user.role : principal.kind === "token" ? `token:${principal.scope}` : "",
      partnerId,
      partnerName: partner?.name ?? null,
      partnerships: partnerships.map((p) => ({ ...p, type: p.type as "reseller" | "mssp" })),
      companyIds: user ? (user.companyIds ? [...user.companyIds] : null) : null,
      csrfToken: user ? user.csrfToken : null,
    };
  };

  api.post(
    "/auth/sign-in",
    {
      config: { access: "public" },
      schema: {
        tags: ["auth"],
        summary: "Sign in; sets the session cookie",
        body: z.object({ email: z.string().min(1).max(320), password: z.string().min(1).max(1024) }),
        response: { 200: meSchema, 400: errorBody, 401: errorBody, 429: errorBody },
      },
    },
    async (request, reply) => {
      const session = await signIn(deps.ctx, deps.sessions, { ...request.body, address: request.ip });
      reply.setCookie(SESSION_COOKIE, session.token, {
        ...cookieOptions,
        expires: new Date(session.expiresAt),
      });
      return describeCaller(session.principal);
    },
  );

  api.post(
    "/auth/sign-out",
    {
      config: { access: "signed-in" },
      schema: {
        tags: ["auth"],
        summary: "Sign out; revokes the session",
        response: { 204: z.null(), ...authErrors },
      },
    },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await signOut(deps.ctx, token);
      reply.clearCookie(SESSION_COOKIE, cookieOptions);
      return reply.code(204).send(null);
    },
  );

  api.get(
    "/me",
    {
      config: { access: "read" },
      schema: {
        tags: ["auth"],
        summary: "The caller, its partner and partnerships",
        response: { 200: meSchema, ...authErrors },
      },
    },
    async (request) => describeCaller(principalOf(request)),
  );
}
