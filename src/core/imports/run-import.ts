import { and, eq, lt, sql } from "drizzle-orm";
import type { AtomicStep, Db } from "../../db/client";
import { chunkForParameters, rawStep } from "../../db/client";
import { cardStagingRows, importBatches, importStagingRows } from "../../db/schema";
import { canonicalRecord, mapHeaders, type ColumnSpec } from "./columns";

/** A problem with one row, as a message key so the CLI or dashboard can say it in the user's language. */
export interface RowIssue {
  row: number;
  messageKey: string;
  args: Record<string, string | number>;
}

export type ParsedRow<P> = { key: string; payload: P; warnings?: RowIssue[] } | { errors: RowIssue[] };

/** What one kind of import (units, targets, cards…) contributes to the shared pipeline. */
export interface ImportSpec<P> {
  kind: "units" | "targets" | "cards" | "commune_statuses";
  columns: ColumnSpec[];
  parseRow(record: Record<string, string>, row: number): ParsedRow<P> | Promise<ParsedRow<P>>;
  /** Checks that need the database or the whole file (references, parents…), after staging. */
  checkStaged(db: Db, batchId: number): Promise<RowIssue[]>;
  /** How many staged keys already exist (reported as updated rather than inserted). */
  countExisting(db: Db, batchId: number): Promise<number>;
  /** The final write, run as one atomic unit (built just before it: it may read the database to plan it). */
  applySteps(batchId: number, now: number): AtomicStep[] | Promise<AtomicStep[]>;
  /**
   * Optional: figures beyond inserted/updated (per table…) and warnings that need the
   * database, read just before the apply like countExisting. `warningCount` counts all,
   * `warnings` may be only the first ones.
   */
  summarize?(db: Db, batchId: number): Promise<{ details: Record<string, number>; warnings: RowIssue[]; warningCount: number }>;
  /**
   * Optional: a staging table of the import's own (typed columns) instead of
   * import_staging_rows' JSON payload; the kind's checks and apply then read that table.
   * Its rows are cleared with the batch by `finishBatch`.
   */
  staging?: {
    steps(batchId: number, rows: readonly { rowNumber: number; payload: P }[]): AtomicStep[];
    /** Rows of the file with the same key, as `findDuplicates` reports them. */
    duplicates(db: Db, batchId: number): Promise<RowIssue[]>;
    count(db: Db, batchId: number): Promise<number>;
  };
}

export interface ImportOutcome {
  ok: boolean;
  batchId?: number;
  rows: number;
  inserted: number;
  updated: number;
  errorCount: number;
  warningCount: number;
  /** The first errors (at most MAX_REPORTED_ERRORS), in row order. */
  errors: RowIssue[];
  /** The first warnings (at most MAX_REPORTED_ERRORS). */
  warnings: RowIssue[];
  /** A problem with the file as a whole (missing columns, no rows). */
  fileError?: { messageKey: string; args: Record<string, string | number> };
  /** What the spec's `summarize` counted, when it has one. */
  details?: Record<string, number>;
}

export const MAX_REPORTED_ERRORS = 100;
const STAGE_FLUSH_ROWS = 1000;
/** Rows parsed ahead of the first one still waiting for its result (a few MB). */
const MAX_ROWS_IN_FLIGHT = 1024;
const STALE_STAGING_MS = 24 * 60 * 60 * 1000;

/**
 * Streams rows into a staging table, validates them, and only when every row is valid
 * applies them in one atomic step: a failed import writes nothing to the real tables.
 */
export async function runImport<P>(
  db: Db,
  spec: ImportSpec<P>,
  rows: AsyncIterable<{ rowNumber: number; record: Record<string, string> }>,
  options: { fileName?: string; actor?: string; onRow?: (count: number) => void; hold?: boolean } = {},
): Promise<ImportOutcome> {
  const outcome: ImportOutcome = { ok: false, rows: 0, inserted: 0, updated: 0, errorCount: 0, warningCount: 0, errors: [], warnings: [] };
  const addError = (issue: RowIssue) => {
    outcome.errorCount++;
    if (outcome.errors.length < MAX_REPORTED_ERRORS) outcome.errors.push(issue);
  };
  await discardStaleImports(db);
  let mapping: Map<string, string> | undefined;
  let batchId: number | undefined;
  let buffer: { rowNumber: number; key: string; payload: P }[] = [];
  const flush = async () => {
    if (batchId === undefined || buffer.length === 0) return;
    const id = batchId;
    const rows = buffer;
    buffer = [];
    if (spec.staging) return db.atomic(spec.staging.steps(id, rows));
    const chunks = chunkForParameters(rows, 4);
    // Plain multi-row VALUES rather than Drizzle's insert builder: the builder's per-value
    // mapping cost more than SQLite's write of the row (~40% of staging at 20k rows).
    await db.atomic(
      chunks.map((chunk) =>
        rawStep(sql`insert into import_staging_rows (batch_id, row_number, key, payload)
          values ${sql.join(chunk.map((r) => sql`(${id}, ${r.rowNumber}, ${r.key}, ${JSON.stringify(r.payload)})`), sql`, `)}`),
      ),
    );
  };

  // Rows whose parse is still running (sealed in another thread, or by WebCrypto): accepted
  // in file order, while the rows after them are read and parsed.
  const inFlight: [rowNumber: number, result: ParsedRow<P> | Promise<ParsedRow<P>>][] = [];
  const accept = async (rowNumber: number, parsed: ParsedRow<P>) => {
    if ("errors" in parsed) {
      parsed.errors.forEach(addError);
      return;
    }
    for (const warning of parsed.warnings ?? []) {
      outcome.warningCount++;
      if (outcome.warnings.length < MAX_REPORTED_ERRORS) outcome.warnings.push(warning);
    }
    // Once a row failed nothing will be applied; keep validating to report every error, but stop staging.
    if (outcome.errorCount === 0) {
      buffer.push({ rowNumber, key: parsed.key, payload: parsed.payload });
      if (buffer.length >= STAGE_FLUSH_ROWS) await flush();
    }
  };

  for await (const { rowNumber, record } of rows) {
    if (!mapping) {
      const mapped = mapHeaders(Object.keys(record), spec.columns);
      if (mapped.missing.length > 0) {
        outcome.fileError = { messageKey: "import-missing-columns", args: { columns: mapped.missing.join(", ") } };
        return outcome;
      }
      mapping = mapped.mapping;
      const [batch] = await db.orm
        .insert(importBatches)
        .values({ kind: spec.kind, fileName: options.fileName, actor: options.actor })
        .returning({ id: importBatches.id });
      batchId = batch!.id;
    }
    outcome.rows++;
    options.onRow?.(outcome.rows);
    const result = spec.parseRow(canonicalRecord(record, mapping), rowNumber);
    if (inFlight.length === 0 && !(result instanceof Promise)) {
      await accept(rowNumber, result);
      continue;
    }
    // Handled when its turn comes; until then a rejection must not count as unhandled.
    if (result instanceof Promise) result.catch(() => {});
    inFlight.push([rowNumber, result]);
    if (inFlight.length >= MAX_ROWS_IN_FLIGHT) for (const [row, earlier] of inFlight.splice(0, MAX_ROWS_IN_FLIGHT / 2)) await accept(row, await earlier);
  }
  for (const [row, earlier] of inFlight.splice(0)) await accept(row, await earlier);
  if (batchId === undefined) {
    outcome.fileError = { messageKey: "import-empty", args: {} };
    return outcome;
  }
  outcome.batchId = batchId;
  await flush();
  if (outcome.errorCount === 0) for (const issue of await (spec.staging?.duplicates ?? findDuplicates)(db, batchId)) addError(issue);
  if (outcome.errorCount === 0) for (const issue of await spec.checkStaged(db, batchId)) addError(issue);
  if (outcome.errorCount > 0) {
    outcome.errors.sort((a, b) => a.row - b.row);
    await finishBatch(db, batchId, "failed", outcome, []);
    return outcome;
  }
  outcome.updated = await spec.countExisting(db, batchId);
  outcome.inserted = outcome.rows - outcome.updated;
  if (spec.summarize) {
    const summary = await spec.summarize(db, batchId);
    outcome.details = summary.details;
    outcome.warningCount += summary.warningCount;
    outcome.warnings = [...outcome.warnings, ...summary.warnings].sort((a, b) => a.row - b.row).slice(0, MAX_REPORTED_ERRORS);
  }
  outcome.ok = true;
  // `hold`: a valid file stays staged for a preview; `applyHeldImport` writes it later.
  if (options.hold) return outcome;
  await finishBatch(db, batchId, "applied", outcome, await spec.applySteps(batchId, Date.now()));
  return outcome;
}

export async function findDuplicates(db: Db, batchId: number): Promise<RowIssue[]> {
  const rows = await db.orm.all<{ row: number; first: number }>(sql`
    select s.row_number as row, d.first as first
    from import_staging_rows s
    join (select key, min(row_number) as first from import_staging_rows
          where batch_id = ${batchId} group by key having count(*) > 1) d on d.key = s.key
    where s.batch_id = ${batchId} and s.row_number <> d.first
    order by s.row_number limit ${MAX_REPORTED_ERRORS}`);
  return rows.map((r) => ({ row: r.row, messageKey: "row-duplicate", args: { other: r.first } }));
}

/** Applies (or not) and clears staging in the same atomic unit, so a crash leaves no half state. */
export async function finishBatch(db: Db, batchId: number, status: "applied" | "failed", outcome: ImportOutcome, apply: AtomicStep[]) {
  await db.atomic([
    ...apply,
    (tx) => tx.delete(importStagingRows).where(eq(importStagingRows.batchId, batchId)),
    (tx) => tx.delete(cardStagingRows).where(eq(cardStagingRows.batchId, batchId)),
    (tx) =>
      tx
        .update(importBatches)
        .set({ status, rowCount: outcome.rows, errorCount: outcome.errorCount, finishedAt: new Date() })
        .where(eq(importBatches.id, batchId)),
  ]);
}

/**
 * Staging rows left by an import that was killed mid-way (sealed personal data waiting for an
 * apply that will never come): cleared before every import, at start and by the daily purge.
 * Returns how many batches were discarded.
 */
export async function discardStaleImports(db: Db, now: Date = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - STALE_STAGING_MS);
  const stale = await db.orm
    .select({ id: importBatches.id })
    .from(importBatches)
    .where(and(eq(importBatches.status, "staging"), lt(importBatches.createdAt, cutoff)));
  for (const { id } of stale) await finishBatch(db, id, "failed", { ok: false, rows: 0, inserted: 0, updated: 0, errorCount: 0, warningCount: 0, errors: [], warnings: [] }, []);
  return stale.length;
}
