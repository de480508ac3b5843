/**
 * The portal's settings, parsed once from the environment (and command-line overrides), every bad
 * setting reported at once, then frozen and passed in. Nothing else reads process.env.
 */
import { isValidTimeZone } from "./core/dates.ts";
import { DEFAULT_RULE_SETTINGS, type RuleSettings } from "./core/settings.ts";

export interface Config {
  /** A PostgreSQL server; when unset the embedded database in `dataDir` is used. */
  readonly databaseUrl: string | undefined;
  readonly dataDir: string;
  readonly timeZone: string;
  readonly port: number;
  readonly host: string;
  /** Minutes between scheduled scans; 0 turns the schedule off. */
  readonly scanEveryMinutes: number;
  /** How long a sign-in lasts. */
  readonly sessionHours: number;
  /** Largest accepted request body (an ingestion), in bytes. */
  readonly bodyLimitBytes: number;
  /** The address people use to reach the portal, when it differs from host:port (a proxy). */
  readonly publicUrl: string | undefined;
  /** Cookies carry the Secure flag and HSTS is sent: the public address is https. */
  readonly secure: boolean;
  /** The server's log level (pino): trace, debug, info, warn, error, fatal or silent. */
  readonly logLevel: string;
  readonly rules: RuleSettings;
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n  ${problems.join("\n  ")}`);
    this.name = "ConfigError";
  }
}

const LOG_LEVELS: readonly string[] = ["trace", "debug", "info", "warn", "error", "fatal", "silent"];

type Env = Readonly<Record<string, string | undefined>>;

/** Parses `env` with `overrides` (from command-line flags) taking precedence. */
export function loadConfig(env: Env, overrides: Partial<Pick<Config, "dataDir" | "port">> = {}): Config {
  const problems: string[] = [];
  const number = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === "") return fallback;
    const value = Number(raw);
    if (!Number.isFinite(value) || value < min || value > max) {
      problems.push(`${name}=${raw}: expected a number from ${min} to ${max}`);
      return fallback;
    }
    return value;
  };
  const timeZone = env.PORTAL_TZ || "Europe/Stockholm";
  if (!isValidTimeZone(timeZone))
    problems.push(`PORTAL_TZ=${timeZone}: expected an IANA time zone such as Europe/Stockholm`);
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push("DATABASE_URL: expected a postgres:// or postgresql:// address");
  }
  const publicUrl = env.PORTAL_PUBLIC_URL || undefined;
  if (publicUrl && !/^https?:\/\/[^\s/]+/.test(publicUrl)) {
    problems.push(`PORTAL_PUBLIC_URL=${publicUrl}: expected an http:// or https:// address`);
  }
  const logLevel = env.PORTAL_LOG_LEVEL || "info";
  if (!LOG_LEVELS.includes(logLevel)) {
    problems.push(`PORTAL_LOG_LEVEL=${logLevel}: expected one of ${LOG_LEVELS.join(", ")}`);
  }
  const defaults = DEFAULT_RULE_SETTINGS;
  const config: Config = {
    databaseUrl,
    dataDir: overrides.dataDir ?? (env.PORTAL_DATA || "./data"),
    timeZone,
    port: overrides.port ?? number("PORT", 3000, 0, 65_535),
    host: env.HOST || "127.0.0.1",
    scanEveryMinutes: number("PORTAL_SCAN_EVERY", 60, 0, 7 * 24 * 60),
    sessionHours: number("PORTAL_SESSION_HOURS", 12, 1, 24 * 30),
    bodyLimitBytes: number("PORTAL_INGEST_LIMIT_MB", 50, 1, 1024) * 1024 * 1024,
    publicUrl,
    secure: publicUrl?.startsWith("https://") ?? false,
    logLevel,
    rules: {
      ...defaults,
      renewal: { ...defaults.renewal, lapsedAfterDays: number("PORTAL_RENEWAL_LAPSED_DAYS", 30, 0, 3650) },
      scanners: { heartbeatMaxHours: number("PORTAL_HEARTBEAT_MAX_HOURS", 24, 1, 24 * 365) },
      failedScans: { windowDays: number("PORTAL_FAILED_SCAN_WINDOW_DAYS", 7, 1, 365) },
    },
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze(config);
}
