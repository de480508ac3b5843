/** Runs a command body against the configured, migrated database, and always closes it. */
import { loadConfig } from "../config.ts";
import type { CommandIo } from "./command.ts";
import { openRuntime, type Runtime } from "./runtime.ts";

export async function withRuntime<T>(
  io: CommandIo,
  flags: { data?: string | undefined },
  body: (runtime: Runtime) => Promise<T>,
): Promise<T> {
  const config = loadConfig(io.env, flags.data ? { dataDir: flags.data } : {});
  const runtime = await openRuntime(config);
  try {
    return await body(runtime);
  } finally {
    await runtime.close();
  }
}
