/**
 * Load scenarios for GET /tasks: each one a list of requests (one per signed-in partner) that every
 * autocannon connection cycles through. autocannon runs in a child process (api-client.ts), so this
 * process's CPU time is the server's alone; PostgreSQL's is read from its backends' /proc entries.
 */
import { execFile } from "node:child_process";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import type { Options, Request } from "autocannon";
import type { Kysely } from "kysely";
import type { Database } from "../src/db/schema.ts";
import type { ClientResult } from "./api-client.ts";
import { serverCpu, serverCpuSpent } from "./support.ts";

const CLIENT = fileURLToPath(new URL("api-client.ts", import.meta.url));

export const LIST_PATH = "/api/v1/tasks?severity=high,medium&category=commercial,churn-risk&limit=50";

export interface Scenario {
  readonly name: string;
  readonly requests: readonly Request[];
}

export interface RunFigures {
  readonly rps: number;
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly max: number;
  readonly requests: number;
  readonly errors: number;
  readonly non2xx: number;
  /** Share of wall time the server's event loop was busy (1 = Node is the bottleneck). */
  readonly elu: number;
  /** CPU milliseconds per request: the API process, PostgreSQL's backends, the load generator. */
  readonly nodeCpuMs: number;
  readonly pgCpuMs: number;
  readonly clientCpuMs: number;
}

/** Page 1, page 2 (through page 1's cursor) and sort=newest, per partner session. */
export async function buildScenarios(baseUrl: string, cookies: readonly string[]): Promise<Scenario[]> {
  const page1 = cookies.map((cookie) => ({ path: LIST_PATH, headers: { cookie } }));
  const page2: Request[] = [];
  for (const request of page1) {
    const body = await getJson(baseUrl, request);
    if (!body.nextCursor) throw new Error("page 1 has no next page; the data set is too small");
    page2.push({ ...request, path: `${LIST_PATH}&cursor=${encodeURIComponent(body.nextCursor)}` });
  }
  const newest = page1.map((r) => ({ ...r, path: `${LIST_PATH}&sort=newest` }));
  const scenarios = [
    { name: "page 1 (sort=severity)", requests: page1 },
    { name: "page 2 (cursor)", requests: page2 },
    { name: "page 1, sort=newest", requests: newest },
  ];
  // Every request must answer a full page before it is measured: a fast 401 would flatter the figures.
  for (const scenario of scenarios) {
    for (const request of scenario.requests) {
      const body = await getJson(baseUrl, request);
      if (body.items.length !== 50) throw new Error(`${scenario.name}: ${body.items.length} items, not 50`);
    }
  }
  return scenarios;
}

/** The size of one answer, and how many tasks match its filter (from its counts), for the report. */
export async function pageFacts(
  baseUrl: string,
  request: Request,
): Promise<{ bytes: number; matching: number }> {
  const response = await fetch(`${baseUrl}${request.path}`, { headers: request.headers ?? {} });
  const text = await response.text();
  const { counts } = JSON.parse(text) as { counts: { severity: Record<string, number> } };
  return {
    bytes: Buffer.byteLength(text),
    matching: (counts.severity.high ?? 0) + (counts.severity.medium ?? 0),
  };
}

async function getJson(
  baseUrl: string,
  request: Request,
): Promise<{ items: unknown[]; nextCursor: string | null }> {
  const response = await fetch(`${baseUrl}${request.path}`, { headers: request.headers ?? {} });
  if (!response.ok) throw new Error(`GET ${request.path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as { items: unknown[]; nextCursor: string | null };
}

export async function runScenario(
  baseUrl: string,
  db: Kysely<Database>,
  scenario: Scenario,
  options: { connections: number; duration: number; rate?: number | undefined },
): Promise<RunFigures> {
  const settings: Options = {
    url: baseUrl,
    connections: options.connections,
    duration: options.duration,
    requests: scenario.requests,
    // Open loop: a fixed arrival rate, so latency is measured below saturation, not at it.
    ...(options.rate ? { overallRate: options.rate } : {}),
  };
  const pgBefore = await serverCpu(db);
  const cpuBefore = process.cpuUsage();
  const loopBefore = performance.eventLoopUtilization();
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ["--import", "tsx", CLIENT, JSON.stringify(settings)],
    { maxBuffer: 10_000_000 },
  );
  const elu = performance.eventLoopUtilization(loopBefore).utilization;
  const cpu = process.cpuUsage(cpuBefore);
  const pgMs = serverCpuSpent(pgBefore, await serverCpu(db));
  const r = JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}") as ClientResult;
  const perRequest = (ms: number) => ms / Math.max(r.requests, 1);
  return {
    rps: r.requests / r.duration,
    p50: r.p50,
    p90: r.p90,
    p99: r.p99,
    max: r.max,
    requests: r.requests,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
    elu,
    nodeCpuMs: perRequest((cpu.user + cpu.system) / 1000),
    pgCpuMs: perRequest(pgMs),
    clientCpuMs: perRequest(r.cpuMs),
  };
}
