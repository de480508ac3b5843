import type { FastifyInstance } from "fastify";
import type { HttpDeps } from "../deps.ts";

export async function taskActionsRoutes(_app: FastifyInstance, _deps: HttpDeps): Promise<void> {}
