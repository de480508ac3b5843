import { AppError } from "../../app/errors.ts";
import { importRecords } from "../../app/import/import-records.ts";
import { readRecordsFromFile } from "../../app/import/read-records.ts";
import { RECORD_KINDS } from "../../core/records.ts";
import { parseCommandArgs } from "../args.ts";
import { type Command, DATA_FLAG, DATA_HELP } from "../command.ts";
import { renderTable } from "../output.ts";
import { createProgress } from "../progress.ts";
import { withRuntime } from "../with-runtime.ts";

export const importCommand: Command = {
  name: "import",
  summary: "import JSON or NDJSON files of the vendor's records (all or nothing)",
  help: `Usage: partner-portal import FILE... [--skip-invalid] [--data DIR]

Upserts every record of the files in one transaction. One invalid record and nothing is written,
unless --skip-invalid is given: then the good records are imported and every bad one is listed.
  --skip-invalid import the valid records, list the invalid ones
${DATA_HELP}`,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(
      argv,
      { ...DATA_FLAG, "skip-invalid": { type: "boolean" } },
      true,
    );
    if (positionals.length === 0)
      throw new AppError("INVALID_ARGUMENT", "name at least one FILE (JSON or NDJSON)");
    await withRuntime(io, values, async ({ ctx }) => {
      const progress = createProgress("Importing", "records");
      const summary = await importRecords(ctx, readAll(positionals), {
        skipInvalid: values["skip-invalid"] ?? false,
        onProgress: (n) => progress.update(n),
      });
      progress.finish();
      const rows = RECORD_KINDS.map((k) => [
        k,
        summary.counts[k].inserted,
        summary.counts[k].updated,
        summary.counts[k].unchanged,
      ]).filter(([, a, b, c]) => Number(a) + Number(b) + Number(c) > 0);
      io.stdout(
        `Imported ${summary.recordsRead.toLocaleString("en-US")} records from ${positionals.join(", ")}`,
      );
      if (rows.length) io.stdout(renderTable(["kind", "inserted", "updated", "unchanged"], rows));
      if (summary.skipped.length) {
        io.stdout(`Skipped ${summary.skipped.length} invalid record(s):`);
        for (const error of summary.skipped) io.stdout(`  ${error.message}`);
      }
    });
  },
};

/** The files one after another, as one stream of records: one transaction for all of them. */
async function* readAll(paths: readonly string[]) {
  for (const path of paths) {
    for await (const item of readRecordsFromFile(path)) {
      yield paths.length > 1 ? { ...item, location: `${path} ${item.location}` } : item;
    }
  }
}
