/** The part of autocannon@9's programmatic API the API benchmark uses (the package ships no types). */
declare module "autocannon" {
  /** hdr-histogram-percentiles-obj: milliseconds for latency, count per second for requests. */
  export interface Histogram {
    readonly average: number;
    readonly stddev: number;
    readonly min: number;
    readonly max: number;
    readonly total: number;
    readonly p50: number;
    readonly p90: number;
    readonly p99: number;
  }

  export interface Result {
    readonly requests: Histogram;
    readonly latency: Histogram;
    readonly throughput: Histogram;
    readonly duration: number;
    readonly errors: number;
    readonly timeouts: number;
    readonly non2xx: number;
    readonly statusCodeStats: Record<string, { count: number }>;
  }

  export interface Request {
    readonly method?: string;
    readonly path?: string;
    readonly headers?: Record<string, string>;
  }

  export interface Options {
    readonly url: string;
    readonly connections?: number;
    readonly duration?: number;
    readonly workers?: number;
    readonly timeout?: number;
    /** Requests per second over all connections (latencies corrected for coordinated omission). */
    readonly overallRate?: number;
    readonly requests?: readonly Request[];
  }

  export default function autocannon(options: Options): Promise<Result>;
}
