import { AppError } from "../../app/errors.ts";
import { runScan } from "../../app/scan.ts";
import { parseCommandArgs, parseInstant } from "../args.ts";
import { type Command, DATA_FLAG, DATA_HELP } from "../command.ts";
import { createProgress } from "../progress.ts";
import { withRuntime } from "../with-runtime.ts";
import { describeRun } from "./scans.command.ts";

export const scanCommand: Command = {
  name: "scan",
  summary: "evaluate every company (or one) and update the tasks",
  help: `Usage: partner-portal scan [--at INSTANT] [--company ID] [--data DIR]

Evaluates companies as of INSTANT (default: now) and opens, updates and resolves their tasks.
  --at INSTANT   evaluate as of this instant, e.g. 2026-12-01T08:30:00Z
  --company ID   scan only this company
${DATA_HELP}`,
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, {
      ...DATA_FLAG,
      at: { type: "string" },
      company: { type: "string" },
    });
    await withRuntime(io, values, async ({ ctx }) => {
      let companies = ctx.db.selectFrom("companies").select((eb) => eb.fn.countAll().as("n"));
      if (values.company) companies = companies.where("id", "=", values.company);
      const total = Number((await companies.executeTakeFirstOrThrow()).n);
      if (values.company && total === 0) {
        throw new AppError("COMPANY_NOT_FOUND", `no company with id "${values.company}"`);
      }
      const progress = createProgress("Scanning", "companies", total);
      const run = await runScan(ctx, {
        ...(values.at ? { at: parseInstant(values.at, "--at") } : {}),
        ...(values.company ? { companyIds: [values.company] } : {}),
        onProgress: (n) => progress.update(n),
      });
      progress.finish();
      io.stdout(describeRun(run));
      for (const error of run.errors) io.stderr(`  could not evaluate ${error.companyId}: ${error.message}`);
    });
  },
};
