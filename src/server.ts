/**
 * The portal's server process: the only place that listens and handles signals. Opens the
 * database, builds the app, runs the scan schedule, and on SIGINT/SIGTERM shuts down in order:
 * schedule (waiting for the running scan), HTTP (waiting for requests in flight), database.
 */
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { sessionSettings } from "./app/auth/sessions.ts";
import type { AppContext } from "./app/context.ts";
import { createScheduler } from "./app/scheduler.ts";
import { openRuntime } from "./cli/runtime.ts";
import type { Config } from "./config.ts";
import { buildApp } from "./http/app.ts";

const WEB_ROOT = fileURLToPath(new URL("../web/dist", import.meta.url));

export interface ServerOptions {
  /** Where to say the address (the command's standard output). */
  readonly announce?: (text: string) => void;
  /** Work on the opened database before the server starts (first-start demo data). */
  readonly prepare?: (ctx: AppContext) => Promise<void>;
}

export interface RunningServer {
  /** The address it listens on, e.g. http://127.0.0.1:3000. */
  readonly url: string;
  /** Resolves once the server has shut down (by signal or close()). */
  readonly closed: Promise<void>;
  /** Shuts down as a signal would, without ending the process. */
  close(): Promise<void>;
}

export async function startServer(config: Config, options: ServerOptions = {}): Promise<RunningServer> {
  const runtime = await openRuntime(config);
  let app: Awaited<ReturnType<typeof buildApp>> | undefined;
  try {
    await options.prepare?.(runtime.ctx);
    app = await buildApp({
      ctx: runtime.ctx,
      sessions: sessionSettings(config.sessionHours),
      secure: config.secure,
      bodyLimit: config.bodyLimitBytes,
      // Requests arrive only once listening, by when the scheduler (which logs through the app) exists.
      rescan: (companyIds) => scheduler.rescan(companyIds),
      scanAll: () => scheduler.scanAll(),
      webRoot: WEB_ROOT,
      logger: { level: config.logLevel },
    });
    const scheduler = createScheduler(runtime.ctx, { everyMinutes: config.scanEveryMinutes, log: app.log });
    await app.listen({ host: config.host, port: config.port });
    scheduler.start();
    const url = listeningUrl(app.server.address(), config.host, config.port);
    options.announce?.(
      `Partner Portal is listening on ${url}${config.publicUrl ? ` (${config.publicUrl})` : ""}`,
    );
    const running = app;
    return supervise(
      url,
      async () => {
        try {
          await scheduler.stop();
          await running.close();
        } finally {
          await runtime.close();
        }
      },
      (error) => running.log.error({ err: error }, "Partner Portal did not shut down cleanly"),
    );
  } catch (error) {
    await app?.close();
    await runtime.close();
    throw error;
  }
}

/**
 * Ties shutdown to SIGINT/SIGTERM: shut down, then exit 0. A second signal while shutting down
 * ends the process at once (an operator who presses Ctrl-C twice means it).
 */
function supervise(
  url: string,
  shutdown: () => Promise<void>,
  logError: (error: unknown) => void,
): RunningServer {
  let closing: Promise<void> | undefined;
  let markClosed = () => {};
  const closed = new Promise<void>((resolve) => {
    markClosed = resolve;
  });
  const close = () => {
    closing ??= shutdown().finally(() => {
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
      markClosed();
    });
    return closing;
  };
  const onSignal = (signal: NodeJS.Signals) => {
    if (closing) return process.exit(signal === "SIGINT" ? 130 : 143);
    close().then(
      () => process.exit(0),
      (error: unknown) => {
        logError(error);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  return { url, closed, close };
}

/** The address to show: the bound one, or localhost when bound to every interface. */
function listeningUrl(address: string | AddressInfo | null, host: string, port: number): string {
  if (address === null || typeof address === "string") return `http://${host}:${port}`;
  const unspecified = address.address === "0.0.0.0" || address.address === "::";
  const name = unspecified
    ? "localhost"
    : address.family === "IPv6"
      ? `[${address.address}]`
      : address.address;
  return `http://${name}:${address.port}`;
}
