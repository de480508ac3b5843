/**
 * Imports validated records (spec: data-format.md): all or nothing in one transaction, upserted by
 * key in bulk, references checked against the same input and the stored data. Records are buffered
 * in fixed-size batches, so a million-record NDJSON stream imports in bounded memory.
 */
import type { Kysely } from "kysely";
import { type ImportRecord, RECORD_KINDS, type RecordKind } from "../../core/records.ts";
import { applyCompanyMoves } from "../../db/company-moves.repository.ts";
import { findOwners, type KnownOwners } from "../../db/owners.repository.ts";
import { type OwnedRecord, type UpsertCounts, upsertRecords } from "../../db/records.repository.ts";
import type { Database } from "../../db/schema.ts";
import type { AppContext } from "../context.ts";
import { AppError } from "../errors.ts";
import { type RecordError, referenceError } from "./import-errors.ts";
import type { ReadItem } from "./read-records.ts";
import { recordKey } from "./record-schemas.ts";

export interface ImportOptions {
  /** Import the good records and list the bad ones instead of rejecting everything. */
  readonly skipInvalid?: boolean;
  readonly batchSize?: number;
  readonly onProgress?: (recordsRead: number) => void;
}

export interface ImportSummary {
  readonly recordsRead: number;
  readonly counts: Readonly<Record<RecordKind, UpsertCounts>>;
  /** With skipInvalid: every record that was left out, with why. */
  readonly skipped: readonly RecordError[];
  /** Companies whose facts the import touched (to re-evaluate them). */
  readonly companyIds: readonly string[];
}

/** Errors listed in a rejection; the count is always complete. */
const MAX_LISTED_ERRORS = 1000;

export async function importRecords(
  ctx: AppContext,
  items: AsyncIterable<ReadItem>,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  return ctx.db.transaction().execute((trx) => importInTransaction(trx, items, options));
}

async function importInTransaction(
  trx: Kysely<Database>,
  items: AsyncIterable<ReadItem>,
  options: ImportOptions,
): Promise<ImportSummary> {
  const state = new ImportState(trx, options.skipInvalid ?? false);
  const batchSize = options.batchSize ?? 5000;
  let batch: Located[] = [];
  let read = 0;
  for await (const item of items) {
    read += 1;
    if (item.ok) batch.push({ location: item.location, item: item.value });
    else state.reject(item.errors);
    if (batch.length >= batchSize) {
      await state.flush(batch);
      batch = [];
      options.onProgress?.(read);
    }
  }
  await state.flush(batch);
  options.onProgress?.(read);
  if (state.errorCount > 0 && !state.skipInvalid) {
    const listed = state.errors.length < state.errorCount ? ` (first ${state.errors.length} listed)` : "";
    throw new AppError(
      "IMPORT_INVALID_RECORD",
      `${state.errorCount} invalid record(s)${listed}; nothing was imported. First: ${state.errors[0]?.message}`,
      { errorCount: state.errorCount, errors: state.errors },
    );
  }
  return { recordsRead: read, counts: state.counts, skipped: state.errors, companyIds: [...state.touched] };
}

interface Located {
  readonly location: string;
  readonly item: ImportRecord;
}

/** The reference a record makes, and the kind of thing it refers to. */
function referenceOf(
  item: ImportRecord,
): { field: string; id: string; to: "partner" | "partnership" | "company" } | null {
  switch (item.kind) {
    case "partner":
      return null;
    case "partnership":
      return { field: "partnerId", id: item.record.partnerId, to: "partner" };
    case "company":
      return { field: "partnershipId", id: item.record.partnershipId, to: "partnership" };
    default:
      return { field: "companyId", id: item.record.companyId, to: "company" };
  }
}

class ImportState {
  readonly counts = Object.fromEntries(
    RECORD_KINDS.map((k) => [k, { inserted: 0, updated: 0, unchanged: 0 }]),
  ) as Record<RecordKind, UpsertCounts>;
  readonly errors: RecordError[] = [];
  errorCount = 0;
  readonly touched = new Set<string>();
  /** What this import defined so far: the owners of the records it accepted. */
  private readonly owners: KnownOwners = {
    partners: new Set(),
    partnerships: new Map(),
    companies: new Map(),
  };

  constructor(
    private readonly trx: Kysely<Database>,
    readonly skipInvalid: boolean,
  ) {}

  reject(errors: readonly RecordError[]): void {
    this.errorCount += errors.length;
    for (const error of errors) if (this.errors.length < MAX_LISTED_ERRORS) this.errors.push(error);
  }

  /** Resolves the batch's references in input order, then writes it unless the import is doomed. */
  async flush(batch: readonly Located[]): Promise<void> {
    if (batch.length === 0) return;
    const stored = await this.lookUpUnknownReferences(batch);
    const accepted = new Map<RecordKind, OwnedRecord<RecordKind>[]>();
    for (const { location, item } of batch) {
      const partnerId = this.ownerOf(item, stored);
      if (partnerId === undefined) {
        const ref = referenceOf(item);
        if (ref) this.reject([referenceError(location, item.kind, recordKey(item), ref.field, ref.id)]);
        continue;
      }
      this.remember(item, partnerId);
      const list = accepted.get(item.kind) ?? [];
      list.push({ record: item.record, partnerId } as OwnedRecord<RecordKind>);
      accepted.set(item.kind, list);
    }
    if (this.errorCount > 0 && !this.skipInvalid) return; // doomed: keep validating, write nothing
    for (const kind of RECORD_KINDS) {
      const records = accepted.get(kind);
      if (!records) continue;
      if (kind === "company") await this.followMoves(records as OwnedRecord<"company">[]);
      const counts = await upsertRecords(this.trx, kind, records);
      const total = this.counts[kind];
      total.inserted += counts.inserted;
      total.updated += counts.updated;
      total.unchanged += counts.unchanged;
    }
  }

  private async followMoves(companies: readonly OwnedRecord<"company">[]): Promise<void> {
    const incoming = companies.map(({ record, partnerId }) => ({
      id: record.id,
      partnershipId: record.partnershipId,
      partnerId,
    }));
    await applyCompanyMoves(this.trx, incoming);
  }

  private async lookUpUnknownReferences(batch: readonly Located[]): Promise<KnownOwners> {
    const wanted = {
      partners: new Set<string>(),
      partnerships: new Set<string>(),
      companies: new Set<string>(),
    };
    for (const { item } of batch) {
      const ref = referenceOf(item);
      if (!ref) continue;
      if (ref.to === "partner" && !this.owners.partners.has(ref.id)) wanted.partners.add(ref.id);
      if (ref.to === "partnership" && !this.owners.partnerships.has(ref.id)) wanted.partnerships.add(ref.id);
      if (ref.to === "company" && !this.owners.companies.has(ref.id)) wanted.companies.add(ref.id);
    }
    return findOwners(this.trx, {
      partners: [...wanted.partners],
      partnerships: [...wanted.partnerships],
      companies: [...wanted.companies],
    });
  }

  /** The partner owning the record, or undefined when its reference is unknown. */
  private ownerOf(item: ImportRecord, stored: KnownOwners): string | undefined {
    const ref = referenceOf(item);
    if (item.kind === "partner") return item.record.id;
    if (!ref) return undefined;
    switch (ref.to) {
      case "partner":
        return this.owners.partners.has(ref.id) || stored.partners.has(ref.id) ? ref.id : undefined;
      case "partnership":
        return this.owners.partnerships.get(ref.id) ?? stored.partnerships.get(ref.id);
      case "company":
        return this.owners.companies.get(ref.id) ?? stored.companies.get(ref.id);
    }
  }

  private remember(item: ImportRecord, partnerId: string): void {
    if (item.kind === "partner") this.owners.partners.add(item.record.id);
    else if (item.kind === "partnership") this.owners.partnerships.set(item.record.id, partnerId);
    else if (item.kind === "company") {
      this.owners.companies.set(item.record.id, partnerId);
      this.touched.add(item.record.id);
    } else this.touched.add(item.record.companyId);
  }
}
