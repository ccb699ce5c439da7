import { and, eq, max, sql, sum } from "drizzle-orm";
import type { Db } from "../../db/client";
import { preparedPer } from "../../db/prepared";
import { officers, tallyEntries } from "../../db/schema";
import type { TallyFigure } from "./record-tally";

/** Someone who reported part of an existing figure. */
export interface TallyReporter {
  officerId: number | null;
  displayName: string | null;
  /** Sum of this reporter's active entries for the key. */
  count: number;
  lastReportedAt: Date;
  /** True when it is the officer who asked (`officerId` of the query). */
  self: boolean;
}

/** A figure already on record for the same (unit, date, indicator, group) as `entries[index]`. */
export interface ExistingTally {
  index: number;
  unitId: number;
  indicator: string;
  group: string;
  /** The current figure: the sum of active entries (0 when someone reported zero). */
  total: number;
  reporters: TallyReporter[];
}

/**
 * Which of `entries` already have active figures on `date`: the bot asks "add to it or
 * replace it?" for these before calling `recordTally`. Only entries with a figure are listed.
 * Figures of all officers count, since a replacement supersedes all of them.
 */
export async function findExistingForDate(
  db: Db,
  input: { officerId?: number | null; entries: readonly Pick<TallyFigure, "unitId" | "group" | "indicator">[]; date: string },
): Promise<ExistingTally[]> {
  if (input.entries.length === 0) return [];
  // Only the asked (unit, indicator, group) keys, as one JSON array parameter (prepared once
  // whatever their number): a busy village-day has entries for every group and officer, and
  // reading and mapping all of them cost more than the question.
  const keys = JSON.stringify(input.entries.map((e) => [e.unitId, e.indicator, e.group]));
  const rows = await activeFigures(db.orm).all({ date: input.date, keys });
  const result: ExistingTally[] = [];
  input.entries.forEach((e, index) => {
    const mine = rows.filter((r) => r.unitId === e.unitId && r.indicator === e.indicator && r.group === e.group);
    if (mine.length === 0) return;
    result.push({
      index,
      unitId: e.unitId,
      indicator: e.indicator,
      group: e.group,
      total: mine.reduce((s, r) => s + r.count, 0),
      reporters: mine.map((r) => ({
        officerId: r.officerId,
        displayName: r.displayName,
        count: r.count,
        lastReportedAt: r.lastReportedAt ?? new Date(0),
        self: input.officerId != null && r.officerId === input.officerId,
      })),
    });
  });
  return result;
}

/** The current figure of an asked key the officer has reported part of (what the bot asks about). */
export interface OwnExistingTally {
  index: number;
  unitId: number;
  indicator: string;
  group: string;
  /** The sum of every officer's active entries for the key. */
  total: number;
}

/**
 * The bot's question before saving: which of `entries` this officer already reported on
 * `date`, with each key's total over all officers. One row per key, not one per reporter: on a
 * busy day a key has entries from many officers, and mapping them all cost more than the sum.
 */
export async function findOwnExistingForDate(
  db: Db,
  input: { officerId: number; entries: readonly Pick<TallyFigure, "unitId" | "group" | "indicator">[]; date: string },
): Promise<OwnExistingTally[]> {
  if (input.entries.length === 0) return [];
  const keys = JSON.stringify(input.entries.map((e) => [e.unitId, e.indicator, e.group]));
  const rows = await ownTotals(db.orm).all({ date: input.date, keys, officerId: input.officerId });
  const result: OwnExistingTally[] = [];
  input.entries.forEach((e, index) => {
    const row = rows.find((r) => r.unitId === e.unitId && r.indicator === e.indicator && r.group === e.group);
    if (row) result.push({ index, unitId: e.unitId, indicator: e.indicator, group: e.group, total: row.total });
  });
  return result;
}

/**
 * Active entries of the day (placeholder `date`) under the asked (unit, indicator, group) keys
 * (placeholder `keys`, one JSON array of triples). SQLite seeks each key's unit in
 * tally_entries_unit_date_idx (unit_id, report_date); the unary + keeps it off
 * tally_entries_date_idx (report_date, status), which would read every unit's entries of the day.
 */
const activeOnAskedKeys = () =>
  and(
    eq(tallyEntries.reportDate, sql.placeholder("date")),
    sql`+${tallyEntries.status} = 'active'`,
    sql`(${tallyEntries.unitId}, ${tallyEntries.indicator}, ${tallyEntries.groupCode}) in (
      select json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]') from json_each(${sql.placeholder("keys")}))`,
  );

/** The asked keys of a day the officer has an active entry in, with the key's total. */
const ownTotals = preparedPer((orm) =>
  orm
    .select({
      unitId: tallyEntries.unitId,
      indicator: tallyEntries.indicator,
      group: tallyEntries.groupCode,
      total: sum(tallyEntries.count).mapWith(Number),
    })
    .from(tallyEntries)
    .where(activeOnAskedKeys())
    .groupBy(tallyEntries.unitId, tallyEntries.indicator, tallyEntries.groupCode)
    .having(sql`max(${tallyEntries.officerId} = ${sql.placeholder("officerId")}) = 1`)
    .prepare(),
);

/** Active figures per (unit, indicator, group, officer) on a day for the asked keys: every tally asks, so it is prepared once per database. */
const activeFigures = preparedPer((orm) =>
  orm
    .select({
      unitId: tallyEntries.unitId,
      indicator: tallyEntries.indicator,
      group: tallyEntries.groupCode,
      officerId: tallyEntries.officerId,
      displayName: officers.displayName,
      count: sum(tallyEntries.count).mapWith(Number),
      lastReportedAt: max(tallyEntries.createdAt),
    })
    .from(tallyEntries)
    .leftJoin(officers, eq(officers.id, tallyEntries.officerId))
    .where(activeOnAskedKeys())
    .groupBy(tallyEntries.unitId, tallyEntries.indicator, tallyEntries.groupCode, tallyEntries.officerId)
    .orderBy(sql`max(${tallyEntries.createdAt})`)
    .prepare(),
);
