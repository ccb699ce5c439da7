import { and, count, eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { importBatches, importStagingRows } from "../../db/schema";
import { AppError } from "../../errors";
import { finishBatch, type ImportOutcome, type ImportSpec } from "./run-import";

/** A staged batch waiting for "save": its kind and who staged it (only they may apply it). */
async function heldBatch(db: Db, batchId: number, kind: string, actor: string) {
  const [batch] = await db.orm
    .select()
    .from(importBatches)
    .where(and(eq(importBatches.id, batchId), eq(importBatches.status, "staging"), eq(importBatches.kind, kind as "units"), eq(importBatches.actor, actor)));
  if (!batch) throw new AppError("not_found", "import-held-gone");
  return batch;
}

/**
 * Writes a batch `runImport(…, { hold: true })` left staged after its preview. The
 * database may have changed since (a parent unit removed), so the checks run again; a batch
 * that no longer passes is failed and nothing is written.
 */
export async function applyHeldImport<P>(db: Db, spec: ImportSpec<P>, input: { batchId: number; actor: string }): Promise<ImportOutcome> {
  const batch = await heldBatch(db, input.batchId, spec.kind, input.actor);
  const outcome: ImportOutcome = { ok: false, batchId: batch.id, rows: batch.rowCount, inserted: 0, updated: 0, errorCount: 0, warningCount: 0, errors: [], warnings: [] };
  const issues = await spec.checkStaged(db, batch.id);
  if (issues.length > 0) {
    outcome.errorCount = issues.length;
    outcome.errors = issues.slice(0, 100);
    await finishBatch(db, batch.id, "failed", outcome, []);
    return outcome;
  }
  outcome.updated = await spec.countExisting(db, batch.id);
  const [staged] = spec.staging ? [{ n: await spec.staging.count(db, batch.id) }] : await db.orm.select({ n: count() }).from(importStagingRows).where(eq(importStagingRows.batchId, batch.id));
  outcome.rows = staged?.n ?? 0;
  outcome.inserted = outcome.rows - outcome.updated;
  await finishBatch(db, batch.id, "applied", outcome, await spec.applySteps(batch.id, Date.now()));
  outcome.ok = true;
  return outcome;
}

/** Drops a held batch the admin decided not to save. */
export async function discardHeldImport(db: Db, input: { batchId: number; kind: string; actor: string }): Promise<void> {
  const batch = await heldBatch(db, input.batchId, input.kind, input.actor);
  await finishBatch(db, batch.id, "failed", { ok: false, rows: batch.rowCount, inserted: 0, updated: 0, errorCount: 0, warningCount: 0, errors: [], warnings: [] }, []);
}
