/**
 * The vendor's feed: ingestion of records (spec: data-format.md, the same contract and validation
 * as `partner-portal import`), and scans on demand with their history.
 */
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { importRecords } from "../../app/import/import-records.ts";
import { readRecords } from "../../app/import/read-records.ts";
import { runScan } from "../../app/scan.ts";
import { RECORD_KINDS } from "../../core/records.ts";
import { recentScanRuns } from "../../db/scan-runs.repository.ts";
import type { HttpDeps } from "../deps.ts";
import { authErrors, errorBody } from "../schemas.ts";

const NDJSON = "application/x-ndjson";

const upsertCounts = z.object({ inserted: z.number(), updated: z.number(), unchanged: z.number() });

const recordError = z
  .object({
    location: z.string().describe('where the record is: "orders[3]", "line 17", a top-level key, "document"'),
    kind: z.enum(RECORD_KINDS).optional(),
    key: z.string().optional(),
    field: z.string().describe('dotted path inside the record, "" for the whole record'),
    expected: z.string(),
    message: z.string(),
  })
  .meta({ id: "RecordError" });

const ingestResult = z
  .object({
    recordsRead: z.number(),
    counts: z.record(z.enum(RECORD_KINDS), upsertCounts),
    skipped: z.array(recordError),
    rescan: z.object({
      companiesScanned: z.number(),
      tasksOpened: z.number(),
      tasksUpdated: z.number(),
      tasksResolved: z.number(),
    }),
  })
  .meta({ id: "IngestResult" });

export const scanRunSchema = z
  .object({
    id: z.string(),
    at: z.string(),
    companyId: z.string().nullable(),
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
    status: z.enum(["running", "completed", "failed", "interrupted"]),
    companiesScanned: z.number(),
    tasksOpened: z.number(),
    tasksUpdated: z.number(),
    tasksResolved: z.number(),
    errorCount: z.number(),
    errors: z.array(z.object({ companyId: z.string(), message: z.string() })).readonly(),
  })
  .meta({ id: "ScanRun" });

const NO_RESCAN = { companiesScanned: 0, tasksOpened: 0, tasksUpdated: 0, tasksResolved: 0 };

export async function ingestRoutes(app: FastifyInstance, deps: HttpDeps): Promise<void> {
  // Encapsulated: only /ingest takes its body as text, so the import's reader can name the record
  // (array and index, or NDJSON line) that breaks the contract, exactly as for a file.
  await app.register(async (scoped) => {
    // Only the two contract formats (text/plain, say, is 415).
    scoped.removeAllContentTypeParsers();
    scoped.addContentTypeParser(["application/json", NDJSON], { parseAs: "string" }, (_request, body, done) =>
      done(null, body),
    );
    scoped.withTypeProvider<ZodTypeProvider>().post(
      "/ingest",
      {
        bodyLimit: deps.bodyLimit,
        config: { access: "ingest" },
        schema: {
          tags: ["ingestion"],
          summary: "Upsert the vendor's records (all or nothing) and re-evaluate the companies they touch",
          description:
            "The body is one JSON document of record arrays (application/json) or NDJSON records with " +
            "a `kind` (application/x-ndjson), as in docs/data-format.md. Any invalid record rejects the " +
            "whole request with 422 naming each one, unless `skipInvalid=true`. Sending the same data " +
            "again changes nothing.",
          consumes: ["application/json", NDJSON],
          querystring: z.object({
            skipInvalid: z
              .enum(["true", "false"])
              .default("false")
              .transform((value) => value === "true")
              .describe("import the valid records and list the invalid ones in `skipped`"),
          }),
          body: z.string().describe("the records: a JSON document or NDJSON"),
          response: { 200: ingestResult, ...authErrors, 413: errorBody, 415: errorBody, 422: errorBody },
        },
      },
      async (request) => {
        const format = request.headers["content-type"]?.includes(NDJSON) ? "ndjson" : "json";
        const summary = await importRecords(deps.ctx, readRecords(request.body, { format }), {
          skipInvalid: request.query.skipInvalid,
        });
        // Awaited, so what the vendor just reported (a failed scan, say) is a task when we answer.
        const run = summary.companyIds.length > 0 ? await deps.rescan(summary.companyIds) : NO_RESCAN;
        return {
          recordsRead: summary.recordsRead,
          counts: summary.counts,
          skipped: [...summary.skipped],
          rescan: {
            companiesScanned: run.companiesScanned,
            tasksOpened: run.tasksOpened,
            tasksUpdated: run.tasksUpdated,
            tasksResolved: run.tasksResolved,
          },
        };
      },
    );
  });

  const api = app.withTypeProvider<ZodTypeProvider>();
  api.post(
    "/scans",
    {
      config: { access: "vendor" },
      schema: {
        tags: ["scans"],
        summary: "Scan every company now and answer the finished run",
        description:
          "Queued behind a scan that is already running (never two at once); a request made while " +
          "another full scan waits to start joins that one.",
        body: z.object({}).nullish().describe("nothing, or {}"),
        response: { 200: scanRunSchema, ...authErrors },
      },
    },
    async () => (deps.scanAll ? deps.scanAll() : runScan(deps.ctx)),
  );

  api.get(
    "/scans",
    {
      config: { access: "vendor" },
      schema: {
        tags: ["scans"],
        summary: "Recent scan runs, newest first",
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(20) }),
        response: { 200: z.object({ items: z.array(scanRunSchema) }), ...authErrors },
      },
    },
    async (request) => ({ items: await recentScanRuns(deps.ctx.db, request.query.limit) }),
  );
}
