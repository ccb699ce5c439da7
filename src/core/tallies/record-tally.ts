import { and, eq, getTableColumns, lt, sql } from "drizzle-orm";
import { chunkForParameters, type AtomicStep, type Db } from "../../db/client";
import { inboundUpdates, tallyEntries, tallyReports, type Channel } from "../../db/schema";
import { AppError } from "../../errors";
import { isCalendarDate } from "../imports/values";
import type { TallyEntry } from "./parse-tally";
import { rollupRefreshSteps } from "./tally-rollups";

/** What saving needs of a parsed entry; the parser's `TallyEntry` fits as is. */
export type TallyFigure = Pick<TallyEntry, "unitId" | "group" | "indicator" | "count"> & { unitName?: string };

/**
 * One officer's message, already parsed and confirmed. `mode` says what happens to figures
 * already reported for the same (unit, date, indicator, group): "add" keeps them (the
 * figure becomes the sum), "replace" supersedes them (a correction).
 */
export interface RecordTallyInput {
  /** null for the CLI and imports, which have no officer. */
  officerId: number | null;
  channel: Channel;
  originalText: string | null;
  /** The channel's id of the update (stored verbatim as `inbound_updates.external_id` under `channel`). */
  inboundKey?: string;
  /** Report date, YYYY-MM-DD. */
  date: string;
  entries: readonly TallyFigure[];
  mode: "add" | "replace";
  now?: Date;
}

/** `duplicate`: the inbound update was already processed, nothing was written (ids empty). */
export type RecordTallyResult =
  | { duplicate: false; reportId: number; entryIds: number[] }
  | { duplicate: true; reportId: null; entryIds: [] };

/** Pre-assigned ids can collide with a concurrent writer; each collision costs one retry. */
const MAX_ATTEMPTS = 10;
/**
 * After a collision, ids are chosen a random distance past max(id), in a range that doubles
 * per attempt: writers that all read the same max(id) (an officer burst) then spread out
 * instead of colliding again round after round. Gaps in ids are harmless.
 */
const spread = (attempt: number) => (attempt === 1 ? 0 : Math.floor(Math.random() * 4 * 2 ** attempt));
/**
 * The highest ids this process handed out per database, committed or not yet. Concurrent
 * reports in one process (an officers' burst, whose units commit together) read the same
 * max(id); without this each burst collided and retried. Other processes (the CLI, a second
 * server) are still caught by the primary key and retried.
 */
const handedOut = new WeakMap<Db, { report: number; entry: number }>();
const ENTRY_PARAMETERS = Object.keys(getTableColumns(tallyEntries)).length;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Saves a report and its entries in one atomic unit (one D1 batch), superseding earlier
 * figures in "replace" mode and recording `inboundKey` so a redelivered update is a no-op.
 *
 * Linking rows inside a batch: D1 cannot read back an id between statements, so the report
 * and entry ids are chosen beforehand from max(id). That is not a single-writer assumption:
 * a concurrent writer that took the same ids makes our batch fail on the primary key (nothing
 * is written), and we choose again. Tally rows are never deleted, so max(id) never reuses an
 * id AUTOINCREMENT has handed out.
 */
export async function recordTally(db: Db, input: RecordTallyInput): Promise<RecordTallyResult> {
  validate(input);
  for (let attempt = 1; ; attempt++) {
    const [max] = await db.orm.all<{ r: number | null; e: number | null }>(
      sql`select (select max(id) from tally_reports) as r, (select max(id) from tally_entries) as e`,
    );
    const taken = handedOut.get(db) ?? { report: 0, entry: 0 };
    const reportId = Math.max(max?.r ?? 0, taken.report) + 1 + spread(attempt);
    const firstEntryId = Math.max(max?.e ?? 0, taken.entry) + 1 + spread(attempt) * 4;
    handedOut.set(db, { report: Math.max(taken.report, reportId), entry: Math.max(taken.entry, firstEntryId + input.entries.length - 1) });
    try {
      await db.atomic(buildSteps(input, reportId, firstEntryId));
      return { duplicate: false, reportId, entryIds: input.entries.map((_, i) => firstEntryId + i) };
    } catch (err) {
      const failed = uniqueConstraintColumns(err);
      if (input.inboundKey !== undefined && failed === INBOUND_KEY_COLUMNS) return { duplicate: true, reportId: null, entryIds: [] };
      if (attempt < MAX_ATTEMPTS && ID_COLUMNS.has(failed ?? "")) continue;
      throw err;
    }
  }
}

function buildSteps(input: RecordTallyInput, reportId: number, firstEntryId: number): AtomicStep[] {
  const now = input.now ?? new Date();
  const steps: AtomicStep[] = [];
  // First, so a redelivery fails on its cheapest statement (and is told apart from id races).
  if (input.inboundKey !== undefined) {
    const key = input.inboundKey;
    steps.push((tx) => tx.insert(inboundUpdates).values({ channel: input.channel, externalId: key, receivedAt: now }));
  }
  steps.push((tx) =>
    tx.insert(tallyReports).values({
      id: reportId,
      officerId: input.officerId,
      channel: input.channel,
      originalText: input.originalText,
      inboundKey: input.inboundKey ?? null,
      receivedAt: now,
      createdAt: now,
    }),
  );
  const rows = input.entries.map((e, i) => ({
    id: firstEntryId + i,
    reportId,
    unitId: e.unitId,
    reportDate: input.date,
    indicator: e.indicator,
    groupCode: e.group,
    count: e.count,
    status: "active" as const,
    supersededById: null,
    officerId: input.officerId,
    channel: input.channel,
    createdAt: now,
    changedAt: null,
  }));
  for (const chunk of chunkForParameters(rows, ENTRY_PARAMETERS)) steps.push((tx) => tx.insert(tallyEntries).values(chunk));
  if (input.mode === "replace") {
    // After the inserts: superseded_by_id is a foreign key to the new row. `id < firstEntryId`
    // spares this report's own rows; every committed row has a smaller id (see above).
    for (const row of rows) {
      steps.push((tx) =>
        tx
          .update(tallyEntries)
          .set({ status: "superseded", supersededById: row.id, changedAt: now })
          .where(
            and(
              eq(tallyEntries.unitId, row.unitId),
              eq(tallyEntries.reportDate, row.reportDate),
              eq(tallyEntries.indicator, row.indicator),
              eq(tallyEntries.groupCode, row.groupCode),
              eq(tallyEntries.status, "active"),
              lt(tallyEntries.id, firstEntryId),
            ),
          ),
      );
    }
  }
  // Last: the rollups are recomputed from the rows as they stand after the inserts and supersedes.
  steps.push(...rollupRefreshSteps(input.entries.map((e) => ({ unitId: e.unitId, indicator: e.indicator, from: input.date }))));
  return steps;
}

/** The parser guarantees all of this; other callers (forms, imports) get the parser's message keys. */
function validate(input: RecordTallyInput): void {
  if (input.entries.length === 0) throw new RangeError("recordTally needs at least one entry");
  const date = DATE.exec(input.date);
  if (!date || !isCalendarDate(Number(date[1]), Number(date[2]), Number(date[3]))) {
    throw new AppError("bad_request", "tally-bad-date", { text: input.date });
  }
  const seen = new Set<string>();
  for (const e of input.entries) {
    if (!Number.isSafeInteger(e.count) || e.count < 0) throw new AppError("bad_request", "tally-bad-number", { text: String(e.count) });
    // Two figures for one key in one report would make "replace" ambiguous.
    const key = `${e.unitId}|${e.indicator}|${e.group}`;
    if (seen.has(key)) throw new AppError("bad_request", "tally-duplicate-entry", { unit: e.unitName ?? String(e.unitId), group: e.group });
    seen.add(key);
  }
}

// ===== Constraint failures =====

const INBOUND_KEY_COLUMNS = "inbound_updates.channel, inbound_updates.external_id";
const ID_COLUMNS = new Set(["tally_reports.id", "tally_entries.id"]);

/**
 * The columns named by a UNIQUE/PRIMARY KEY failure, e.g. "tally_reports.id". The Node driver
 * throws SQLite's message as is; D1 prefixes it ("D1_ERROR: …") and drizzle may wrap it
 * (`cause`), so the whole cause chain is searched.
 */
export function uniqueConstraintColumns(err: unknown): string | undefined {
  for (let e: unknown = err, depth = 0; e !== undefined && e !== null && depth < 5; depth++) {
    const message = e instanceof Error ? e.message : String(e);
    const match = /UNIQUE constraint failed: ([\w.]+(?:, [\w.]+)*)/.exec(message);
    if (match) return match[1];
    e = e instanceof Error ? e.cause : undefined;
  }
  return undefined;
}
