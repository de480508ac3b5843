/**
 * The load generator of the API benchmark, in its own process so that the server's CPU time can be
 * measured apart from the client's: `node --import tsx bench/api-client.ts '<json options>'`.
 * Prints one JSON line: autocannon's result figures and this process's CPU milliseconds.
 */
import autocannon, { type Options } from "autocannon";

export interface ClientResult {
  readonly requests: number;
  readonly duration: number;
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly max: number;
  readonly errors: number;
  readonly timeouts: number;
  readonly non2xx: number;
  readonly cpuMs: number;
}

const options = JSON.parse(process.argv[2] ?? "{}") as Options;
const cpu = process.cpuUsage();
const result = await autocannon(options);
const used = process.cpuUsage(cpu);
const figures: ClientResult = {
  requests: result.requests.total,
  duration: result.duration,
  p50: result.latency.p50,
  p90: result.latency.p90,
  p99: result.latency.p99,
  max: result.latency.max,
  errors: result.errors,
  timeouts: result.timeouts,
  non2xx: result.non2xx,
  cpuMs: (used.user + used.system) / 1000,
};
console.log(JSON.stringify(figures));
