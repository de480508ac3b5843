import { AppError } from "../../app/errors.ts";
import type { ScanRun } from "../../db/scan-runs.repository.ts";
import { recentScanRuns } from "../../db/scan-runs.repository.ts";
import { parseCommandArgs } from "../args.ts";
import { type Command, DATA_FLAG, DATA_HELP } from "../command.ts";
import { renderTable } from "../output.ts";
import { withRuntime } from "../with-runtime.ts";

export function describeRun(run: ScanRun): string {
  const seconds = run.finishedAt ? (Date.parse(run.finishedAt) - Date.parse(run.startedAt)) / 1000 : 0;
  return (
    `Scan ${run.status} in ${seconds.toFixed(1)} s as of ${run.at}: ${run.companiesScanned} companies, ` +
    `${run.tasksOpened} opened, ${run.tasksUpdated} updated, ${run.tasksResolved} resolved, ${run.errorCount} errors`
  );
}

export const scansCommand: Command = {
  name: "scans",
  summary: "list recent scan runs",
  help: `Usage: partner-portal scans [--limit N] [--format table|json] [--data DIR]
${DATA_HELP}`,
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, {
      ...DATA_FLAG,
      limit: { type: "string" },
      format: { type: "string" },
    });
    const limit = Number(values.limit ?? 20);
    if (!Number.isInteger(limit) || limit < 1)
      throw new AppError("INVALID_ARGUMENT", "--limit must be a whole number ≥ 1");
    await withRuntime(io, values, async ({ ctx }) => {
      const runs = await recentScanRuns(ctx.db, limit);
      if (values.format === "json") return io.stdout(JSON.stringify(runs, null, 2));
      io.stdout(
        renderTable(
          ["started", "status", "as of", "seconds", "companies", "opened", "updated", "resolved", "errors"],
          runs.map((r) => [
            r.startedAt,
            r.status,
            r.at,
            r.finishedAt ? ((Date.parse(r.finishedAt) - Date.parse(r.startedAt)) / 1000).toFixed(1) : "",
            r.companiesScanned,
            r.tasksOpened,
            r.tasksUpdated,
            r.tasksResolved,
            r.errorCount,
          ]),
        ),
      );
    });
  },
};
