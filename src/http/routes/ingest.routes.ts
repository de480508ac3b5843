import type { FastifyInstance } from "fastify";
import type { HttpDeps } from "../deps.ts";

export async function ingestRoutes(_app: FastifyInstance, _deps: HttpDeps): Promise<void> {}
