/** The partner-portal command: parses the command name and hands over to it. */
import { isAppError } from "../app/errors.ts";
import { ConfigError } from "../config.ts";
import type { Command, CommandIo } from "./command.ts";
import { demoCommand } from "./commands/demo.command.ts";
import { importCommand } from "./commands/import.command.ts";
import { migrateCommand } from "./commands/migrate.command.ts";
import { scanCommand } from "./commands/scan.command.ts";
import { scansCommand } from "./commands/scans.command.ts";
import { serveCommand } from "./commands/serve.command.ts";
import { startCommand } from "./commands/start.command.ts";
import { tasksCommand } from "./commands/tasks.command.ts";
import { tokensCommand } from "./commands/tokens.command.ts";
import { usersCommand } from "./commands/users.command.ts";

const COMMANDS: readonly Command[] = [
  importCommand,
  scanCommand,
  tasksCommand,
  scansCommand,
  demoCommand,
  serveCommand,
  startCommand,
  usersCommand,
  tokensCommand,
  migrateCommand,
];

function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    "Usage: partner-portal COMMAND [options]   (partner-portal COMMAND --help for its options)",
    "",
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "Storage: the embedded database in ./data (--data DIR or PORTAL_DATA), or a PostgreSQL server when DATABASE_URL is set.",
  ].join("\n");
}

/** Runs one command line; returns the process exit code. */
export async function main(argv: string[], io: CommandIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    io.stdout(usage());
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr(
      `partner-portal: unknown command "${name}". Commands: ${COMMANDS.map((c) => c.name).join(", ")}`,
    );
    return 2;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    io.stdout(command.help);
    return 0;
  }
  try {
    await command.run(rest, io);
    return 0;
  } catch (error) {
    io.stderr(`partner-portal ${name}: ${describeError(error, io.env)}`);
    return isAppError(error) && error.code === "INVALID_ARGUMENT" ? 2 : 1;
  }
}

function describeError(error: unknown, env: CommandIo["env"]): string {
  if (error instanceof ConfigError) return error.problems.join("; ");
  if (isAppError(error)) return error.message;
  if (env.PORTAL_DEBUG && error instanceof Error && error.stack) return error.stack;
  return error instanceof Error ? (error.message.split("\n")[0] ?? "unknown error") : String(error);
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

const isEntryPoint = import.meta.url === `file://${process.argv[1]}`;
if (isEntryPoint) {
  const code = await main(process.argv.slice(2), {
    env: process.env,
    stdout: (text) => process.stdout.write(`${text}\n`),
    stderr: (text) => process.stderr.write(`${text}\n`),
    readStdin,
  });
  process.exitCode = code;
}
