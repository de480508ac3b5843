import type { FastifyInstance } from "fastify";
import type { HttpDeps } from "../deps.ts";

export async function usersRoutes(_app: FastifyInstance, _deps: HttpDeps): Promise<void> {}
