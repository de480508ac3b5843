/** Loads the demo data set into the database and scans it: `partner-portal demo` and first start. */

import type { ImportRecord } from "../../core/records.ts";
import type { ScanRun } from "../../db/scan-runs.repository.ts";
import type { AppContext } from "../context.ts";
import { type ImportSummary, importRecords } from "../import/import-records.ts";
import type { ReadItem } from "../import/read-records.ts";
import { runScan } from "../scan.ts";
import { demoRecords } from "./demo-records.ts";

export interface DemoLoadOptions {
  readonly companies: number;
  readonly seed: number;
  readonly onProgress?: (recordsRead: number) => void;
}

export async function loadDemo(
  ctx: AppContext,
  options: DemoLoadOptions,
): Promise<{ imported: ImportSummary; scan: ScanRun }> {
  const now = ctx.clock.now();
  const records = demoRecords({
    companies: options.companies,
    seed: options.seed,
    now,
    timeZone: ctx.timeZone,
  });
  const imported = await importRecords(ctx, asReadItems(records), {
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  const scan = await runScan(ctx, { at: now });
  return { imported, scan };
}

async function* asReadItems(records: Iterable<ImportRecord>): AsyncGenerator<ReadItem> {
  let index = 0;
  for (const value of records) {
    index += 1;
    yield { location: `demo record ${index}`, ok: true, value };
  }
}
