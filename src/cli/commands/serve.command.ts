import { AppError } from "../../app/errors.ts";
import { type Config, loadConfig } from "../../config.ts";
import { type ServerOptions, startServer } from "../../server.ts";
import { parseCommandArgs } from "../args.ts";
import { type Command, type CommandIo, DATA_FLAG, DATA_HELP } from "../command.ts";

export const SERVE_FLAGS = { ...DATA_FLAG, port: { type: "string" } } as const;

export const SERVE_HELP = `  --port N       listen on port N (default $PORT or 3000; the address is $HOST, default 127.0.0.1)
${DATA_HELP}

The server scans every company at start and then every $PORTAL_SCAN_EVERY minutes (default 60),
and stops cleanly on Ctrl-C (SIGINT) or SIGTERM.`;

/** The configuration with the command's --port and --data applied. */
export function serveConfig(
  io: CommandIo,
  flags: { port?: string | undefined; data?: string | undefined },
): Config {
  const overrides: { port?: number; dataDir?: string } = {};
  if (flags.port !== undefined) {
    const port = Number(flags.port);
    if (!/^\d+$/.test(flags.port) || port > 65_535) {
      throw new AppError("INVALID_ARGUMENT", `--port: "${flags.port}" is not a port number from 0 to 65535`);
    }
    overrides.port = port;
  }
  if (flags.data) overrides.dataDir = flags.data;
  return loadConfig(io.env, overrides);
}

/** Runs the server until a signal stops it. */
export async function serveUntilStopped(config: Config, io: CommandIo, options: ServerOptions = {}) {
  const server = await startServer(config, { announce: io.stdout, ...options });
  io.stdout("Press Ctrl-C to stop.");
  await server.closed;
}

export const serveCommand: Command = {
  name: "serve",
  summary: "run the web portal and its API (and the scan schedule)",
  help: `Usage: partner-portal serve [--port N] [--data DIR]

Serves the portal and its API at /api/v1 (documentation at /api/docs).
${SERVE_HELP}`,
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, SERVE_FLAGS);
    await serveUntilStopped(serveConfig(io, values), io);
  },
};
