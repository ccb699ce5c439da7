import { and, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { chunkForParameters, type AtomicStep, type Db } from "../../db/client";
import { adminUnits, tallyEntries, tallyReports } from "../../db/schema";
import { rollupRefreshSteps } from "./tally-rollups";

/** Officers may take back what they sent today, not rewrite older history (that is a correction). */
export const UNDO_WINDOW_HOURS = 24;

/** An entry the undo took back, or an earlier figure it brought back. */
export interface UndoneTallyEntry {
  entryId: number;
  unitId: number;
  unitCode: string;
  unitName: string;
  date: string;
  indicator: string;
  group: string;
  count: number;
}

/** Why there was nothing to undo; `messageKey`/`args` say it to the officer. */
export type UndoRefusal = "no_report" | "too_old" | "nothing_active";

export type UndoResult =
  | { nothing: false; reportId: number; receivedAt: Date; undone: UndoneTallyEntry[]; restored: UndoneTallyEntry[] }
  | { nothing: true; reason: UndoRefusal; messageKey: string; args: Record<string, string | number> };

/**
 * Takes back the officer's most recent report: its active entries become `undone`, and the
 * figures it had replaced become active again (an undo of a correction restores the earlier
 * figures). Only the latest report counts: once it is undone, a second undo does nothing
 * rather than reach further back, so a double tap cannot erase an older report.
 */
export async function undoLastReport(db: Db, input: { officerId: number; now?: Date }): Promise<UndoResult> {
  const now = input.now ?? new Date();
  const [report] = await db.orm
    .select()
    .from(tallyReports)
    .where(eq(tallyReports.officerId, input.officerId))
    .orderBy(desc(tallyReports.receivedAt), desc(tallyReports.id))
    .limit(1);
  if (!report) return refuse("no_report", "tally-undo-no-report");
  if (now.getTime() - report.receivedAt.getTime() > UNDO_WINDOW_HOURS * 3_600_000) {
    return refuse("too_old", "tally-undo-too-old", { hours: UNDO_WINDOW_HOURS });
  }
  // The only read by report_id; tally_entries has no index on it yet, everything after
  // goes through the primary key or tally_entries_unit_date_idx.
  const undone = await entriesWhere(db, and(eq(tallyEntries.reportId, report.id), eq(tallyEntries.status, "active"))!);
  // Entries a later correction (by anyone) already replaced are not this officer's to take back.
  if (undone.length === 0) return refuse("nothing_active", "tally-undo-nothing-active");
  // ≤ 45 ids and ≤ 45 unit ids per statement keep each one under D1's 100 bound parameters.
  const chunks = chunkForParameters(undone, 2, 90);
  const restored = (await Promise.all(chunks.map((chunk) => entriesWhere(db, restorable(chunk))))).flat().sort((a, b) => a.entryId - b.entryId);

  // Restore before undoing: `restorable` requires the successor to be still active, which is
  // checked again inside the atomic unit, so a correction that lands between our reads and
  // this write is never overridden. The lists returned were read just before.
  await db.atomic([
    ...chunks.map((chunk): AtomicStep => (tx) => tx.update(tallyEntries).set({ status: "active", changedAt: now }).where(restorable(chunk))),
    ...chunks.map(
      (chunk): AtomicStep =>
        (tx) =>
          tx
            .update(tallyEntries)
            .set({ status: "undone", changedAt: now })
            .where(and(inArray(tallyEntries.id, chunk.map((e) => e.entryId)), eq(tallyEntries.status, "active"))),
    ),
    // Restored rows share their successor's (unit, day, indicator), so the undone rows name every change.
    ...rollupRefreshSteps(undone.map((e) => ({ unitId: e.unitId, indicator: e.indicator, from: e.date }))),
  ]);
  return { nothing: false, reportId: report.id, receivedAt: report.receivedAt, undone, restored };
}

/**
 * Superseded entries replaced by one of `successors` while that successor is still active.
 * `superseded_by_id` is kept on restored rows as history; only `status` decides what counts.
 * The unit_id condition lets SQLite use tally_entries_unit_date_idx instead of scanning.
 */
function restorable(successors: readonly UndoneTallyEntry[]): SQL {
  return and(
    eq(tallyEntries.status, "superseded"),
    inArray(tallyEntries.unitId, [...new Set(successors.map((e) => e.unitId))]),
    inArray(tallyEntries.supersededById, successors.map((e) => e.entryId)),
    sql`exists (select 1 from tally_entries s where s.id = ${tallyEntries.supersededById} and s.status = 'active')`,
  )!;
}

async function entriesWhere(db: Db, where: SQL): Promise<UndoneTallyEntry[]> {
  return db.orm
    .select({
      entryId: tallyEntries.id,
      unitId: tallyEntries.unitId,
      unitCode: adminUnits.code,
      unitName: adminUnits.name,
      date: tallyEntries.reportDate,
      indicator: tallyEntries.indicator,
      group: tallyEntries.groupCode,
      count: tallyEntries.count,
    })
    .from(tallyEntries)
    .innerJoin(adminUnits, eq(adminUnits.id, tallyEntries.unitId))
    .where(where)
    .orderBy(tallyEntries.id);
}

function refuse(reason: UndoRefusal, messageKey: string, args: Record<string, string | number> = {}): UndoResult {
  return { nothing: true, reason, messageKey, args };
}
