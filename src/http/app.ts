/**
 * The portal's HTTP application: the versioned JSON API under /api/v1, its OpenAPI document and
 * docs page, and the web portal. Built without listening (tests use `inject`; server.ts listens).
 */
import { existsSync } from "node:fs";
import cookie from "@fastify/cookie";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance } from "fastify";
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
} from "fastify-type-provider-zod";
import { registerAccess } from "./access.ts";
import type { HttpDeps } from "./deps.ts";
import { handleError, sendError } from "./errors.ts";
import { authRoutes } from "./routes/auth.routes.ts";
import { companiesRoutes } from "./routes/companies.routes.ts";
import { dashboardRoutes } from "./routes/dashboard.routes.ts";
import { ingestRoutes } from "./routes/ingest.routes.ts";
import { taskActionsRoutes } from "./routes/task-actions.routes.ts";
import { taskDetailRoutes } from "./routes/task-detail.routes.ts";
import { taskExportRoutes } from "./routes/task-export.routes.ts";
import { tasksRoutes } from "./routes/tasks.routes.ts";
import { usersRoutes } from "./routes/users.routes.ts";
import { addSecurityHeaders } from "./security-headers.ts";

/** Route groups mounted under /api/v1; each file declares its routes' access and schemas. */
const API_ROUTES = [
  authRoutes,
  tasksRoutes,
  taskDetailRoutes,
  taskActionsRoutes,
  taskExportRoutes,
  companiesRoutes,
  dashboardRoutes,
  usersRoutes,
  ingestRoutes,
];

/** Bodies of everything but ingestion are small; ingestion has its own, configurable limit. */
const ORDINARY_BODY_LIMIT = 1_048_576;

export async function buildApp(deps: HttpDeps): Promise<FastifyInstance> {
  // Imported ids may be 200 characters; Fastify's default parameter limit is 100.
  const app = Fastify({
    logger: deps.logger ?? false,
    bodyLimit: ORDINARY_BODY_LIMIT,
    trustProxy: false,
    routerOptions: { maxParamLength: 500 },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  addSecurityHeaders(app, deps.secure);
  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      info: { title: "Partner Portal API", version: "1.0.0", description: "Tasks, companies and ingestion." },
      components: {
        securitySchemes: {
          bearer: { type: "http", scheme: "bearer" },
          session: { type: "apiKey", in: "cookie", name: "pp_session" },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs" });
  app.get("/api/openapi.json", { schema: { hide: true }, config: { access: "public" } }, async () =>
    app.swagger(),
  );
  registerAccess(app, deps.ctx);
  app.get("/api/health", { schema: { hide: true }, config: { access: "public" } }, async () => ({
    ok: true,
  }));
  await app.register(
    async (api) => {
      for (const routes of API_ROUTES) await routes(api, deps);
    },
    { prefix: "/api/v1" },
  );
  await serveWeb(app, deps.webRoot);
  return app;
}

/** The single-page portal: static files, and index.html for every other non-API address. */
async function serveWeb(app: FastifyInstance, webRoot: string | undefined): Promise<void> {
  const hasWeb = webRoot !== undefined && existsSync(`${webRoot}/index.html`);
  if (hasWeb) await app.register(fastifyStatic, { root: webRoot, wildcard: false });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split("?")[0] ?? "";
    // A missing file (an old asset, say) is a 404, not the portal's page served as script.
    // (Only asset-like names: a company id such as "acme.com" in a page address is not a file.)
    const isFile =
      path.startsWith("/assets/") || /\.(js|css|map|png|svg|ico|woff2?|webmanifest)$/i.test(path);
    if (!hasWeb || path.startsWith("/api/") || isFile || request.method !== "GET") {
      return sendError(reply, 404, "NOT_FOUND", `No such address: ${request.method} ${path}`);
    }
    return reply.sendFile("index.html");
  });
}
