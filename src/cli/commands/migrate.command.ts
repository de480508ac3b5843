import { parseCommandArgs } from "../args.ts";
import { type Command, DATA_FLAG, DATA_HELP } from "../command.ts";
import { withRuntime } from "../with-runtime.ts";

export const migrateCommand: Command = {
  name: "migrate",
  summary: "bring the database schema up to date (every command also does this first)",
  help: `Usage: partner-portal migrate [--data DIR]
${DATA_HELP}`,
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, DATA_FLAG);
    await withRuntime(io, values, async ({ databaseKind }) => {
      io.stdout(
        `Schema is up to date (${databaseKind === "postgres" ? "PostgreSQL server" : "embedded database"}).`,
      );
    });
  },
};
