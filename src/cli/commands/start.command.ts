import { newSecret } from "../../app/auth/secrets.ts";
import { addUser } from "../../app/auth/users.ts";
import type { AppContext } from "../../app/context.ts";
import { loadDemo } from "../../app/demo/load-demo.ts";
import type { Config } from "../../config.ts";
import { findUserByEmail } from "../../db/access.repository.ts";
import { parseCommandArgs } from "../args.ts";
import type { Command, CommandIo } from "../command.ts";
import { createProgress } from "../progress.ts";
import { describeRun } from "./scans.command.ts";
import { SERVE_FLAGS, SERVE_HELP, serveConfig, serveUntilStopped } from "./serve.command.ts";

export const DEMO = { companies: 60, seed: 1, partnerId: "nordsec", email: "demo@nordsec.example" } as const;

/** 127.0.0.0/8, ::1 and localhost: only this machine can reach the server. */
export function isLoopback(host: string): boolean {
  const name = host.replace(/^\[|\]$/g, "").toLowerCase();
  return name === "localhost" || name === "::1" || /^(::ffff:)?127\.\d+\.\d+\.\d+$/.test(name);
}

/**
 * A first start (no companies yet) loads the demo portfolio and creates the demo partner's admin.
 * Its password is printed only when the server is reachable from this machine alone: on a shared
 * address anyone reading the console or its logs could sign in.
 */
export async function prepareFirstStart(ctx: AppContext, config: Config, io: CommandIo): Promise<void> {
  const company = await ctx.db.selectFrom("companies").select("id").limit(1).executeTakeFirst();
  if (company) return;
  io.stdout(`First start: loading the demo data (${DEMO.companies} companies, seed ${DEMO.seed}).`);
  const progress = createProgress("Loading demo data", "records");
  const { imported, scan } = await loadDemo(ctx, {
    companies: DEMO.companies,
    seed: DEMO.seed,
    onProgress: (n) => progress.update(n),
  });
  progress.finish();
  io.stdout(`Loaded ${imported.recordsRead.toLocaleString("en-US")} demo records.`);
  io.stdout(describeRun(scan));
  if (await findUserByEmail(ctx.db, DEMO.email)) return;
  const password = newSecret("").slice(0, 16);
  await addUser(ctx, {
    email: DEMO.email,
    name: "Demo Admin",
    role: "admin",
    partnerId: DEMO.partnerId,
    password,
  });
  if (isLoopback(config.host)) {
    io.stdout(`Sign in as ${DEMO.email} with the password ${password} (shown only this once).`);
  } else {
    io.stdout(
      `The server listens on ${config.host}, reachable from other machines, so no demo password is shown. ` +
        `Create the people who sign in with "partner-portal users add".`,
    );
  }
}

export const startCommand: Command = {
  name: "start",
  summary: "serve the portal; on a first start with an empty database, load the demo data first",
  help: `Usage: partner-portal start [--port N] [--data DIR]

What "npm start" runs. On a first start (no companies in the database) it loads the demo data
(${DEMO.companies} companies, seed ${DEMO.seed}), scans it and creates the admin ${DEMO.email} of the
demo partner "${DEMO.partnerId}" with a random password, printed when the server listens on a loopback
address only. Then it serves, like "partner-portal serve".
${SERVE_HELP}`,
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, SERVE_FLAGS);
    const config = serveConfig(io, values);
    await serveUntilStopped(config, io, { prepare: (ctx) => prepareFirstStart(ctx, config, io) });
  },
};
