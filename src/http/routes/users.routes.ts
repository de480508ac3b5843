/** Partner admins manage their partner's users; the vendor's staff manage everyone's. */
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { addUser, listUsers, MIN_PASSWORD_LENGTH, updateUser } from "../../app/auth/users.ts";
import { AppError } from "../../app/errors.ts";
import { principalOf } from "../access.ts";
import type { HttpDeps } from "../deps.ts";
import { authErrors, errorBody } from "../schemas.ts";
import { requestScope } from "../scope.ts";

/** Vendor staff are created with the command line only. */
const PARTNER_ROLES = ["admin", "user", "notifications"] as const;

const userSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: z.string(),
    partnerId: z.string().nullable(),
    companyIds: z.array(z.string()).describe("assigned companies of a `user`; empty means all"),
    disabled: z.boolean(),
    createdAt: z.string(),
  })
  .meta({ id: "User" });

const companyIds = z
  .array(z.string().min(1).max(200))
  .max(1000)
  .optional()
  .describe('only for the role "user": the companies it is limited to');

/** The signed-in admin (tokens never reach these routes: access "admin" refuses them). */
function adminOf(request: Parameters<typeof principalOf>[0]) {
  const principal = principalOf(request);
  if (principal.kind !== "user") throw new AppError("FORBIDDEN", "Only a signed-in admin manages users");
  return principal;
}

export async function usersRoutes(app: FastifyInstance, deps: HttpDeps): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    "/users",
    {
      config: { access: "admin" },
      schema: {
        tags: ["users"],
        summary: "The partner's users (the vendor: everyone's, or one partner's)",
        querystring: z.object({
          partner: z.string().max(200).optional().describe("vendor only: one partner's users"),
        }),
        response: { 200: z.object({ items: z.array(userSchema) }), ...authErrors },
      },
    },
    async (request) => {
      const items = await listUsers(deps.ctx, requestScope(request, request.query.partner).partnerId);
      return { items: items.map((u) => ({ ...u, companyIds: [...u.companyIds] })) };
    },
  );

  api.post(
    "/users",
    {
      config: { access: "admin" },
      schema: {
        tags: ["users"],
        summary: "Add a user to the partner",
        body: z.object({
          email: z.string().min(3).max(320),
          name: z.string().min(1).max(200),
          role: z.enum(PARTNER_ROLES),
          companyIds,
          password: z
            .string()
            .min(MIN_PASSWORD_LENGTH)
            .max(1024)
            .optional()
            .describe("required for admin and user; notifications users have none"),
          partnerId: z.string().min(1).max(200).optional().describe("vendor only: the user's partner"),
        }),
        response: { 201: userSchema, ...authErrors, 409: errorBody },
      },
    },
    async (request, reply) => {
      const admin = adminOf(request);
      const body = request.body;
      if (admin.partnerId !== null && body.partnerId !== undefined && body.partnerId !== admin.partnerId) {
        throw new AppError("INVALID_ARGUMENT", "partnerId is for the vendor's staff only");
      }
      const partnerId = admin.partnerId ?? body.partnerId;
      if (partnerId === undefined) {
        throw new AppError("INVALID_ARGUMENT", "The vendor's staff name the user's partner (partnerId)");
      }
      if (body.role === "notifications" && body.password !== undefined) {
        throw new AppError("INVALID_ARGUMENT", "Notifications users receive emails and have no password");
      }
      const user = await addUser(deps.ctx, { ...body, partnerId });
      return reply.code(201).send({ ...user, companyIds: [...user.companyIds] });
    },
  );

  api.patch(
    "/users/:id",
    {
      config: { access: "admin" },
      schema: {
        tags: ["users"],
        summary: "Change a user's name, role, companies, or disable it; nobody disables or demotes itself",
        params: z.object({ id: z.string().min(1).max(200) }),
        body: z.object({
          name: z.string().min(1).max(200).optional(),
          role: z.enum(PARTNER_ROLES).optional(),
          companyIds,
          disabled: z.boolean().optional(),
        }),
        response: { 200: userSchema, ...authErrors, 409: errorBody },
      },
    },
    async (request) => {
      const admin = adminOf(request);
      const user = await updateUser(
        deps.ctx,
        { userId: admin.userId, partnerId: admin.partnerId },
        request.params.id,
        request.body,
      );
      return { ...user, companyIds: [...user.companyIds] };
    },
  );
}
