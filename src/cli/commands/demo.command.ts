import { loadDemo } from "../../app/demo/load-demo.ts";
import { AppError } from "../../app/errors.ts";
import { parseCommandArgs } from "../args.ts";
import { type Command, DATA_FLAG, DATA_HELP } from "../command.ts";
import { createProgress } from "../progress.ts";
import { withRuntime } from "../with-runtime.ts";
import { describeRun } from "./scans.command.ts";

export function positiveInteger(raw: string | undefined, fallback: number, flag: string): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new AppError("INVALID_ARGUMENT", `${flag}: "${raw}" is not a whole number ≥ 0`);
  }
  return value;
}

export const demoCommand: Command = {
  name: "demo",
  summary: "load a realistic demo data set (relative to today) and scan it",
  help: `Usage: partner-portal demo [--companies N] [--seed S] [--data DIR]

Generates a deterministic portfolio (several partners, reseller and MSSP partnerships, orders,
licence usage, product activity, appliances and scans), imports it and runs a scan.
  --companies N  how many customer companies (default 60)
  --seed S       the random seed; the same seed gives the same data (default 1)
${DATA_HELP}`,
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, {
      ...DATA_FLAG,
      companies: { type: "string" },
      seed: { type: "string" },
    });
    const companies = positiveInteger(values.companies, 60, "--companies");
    const seed = positiveInteger(values.seed, 1, "--seed");
    await withRuntime(io, values, async ({ ctx }) => {
      const progress = createProgress("Loading demo data", "records");
      const { imported, scan } = await loadDemo(ctx, {
        companies,
        seed,
        onProgress: (n) => progress.update(n),
      });
      progress.finish();
      io.stdout(
        `Loaded ${imported.recordsRead.toLocaleString("en-US")} demo records (${companies} companies, seed ${seed}).`,
      );
      io.stdout(describeRun(scan));
    });
  },
};
