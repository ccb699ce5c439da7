import { beforeEach, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import type { Db } from "../../../src/db/client";
import { recordTally, type TallyFigure } from "../../../src/core/tallies/record-tally";
import { undoLastReport } from "../../../src/core/tallies/undo-tally";
import { rebuildTallyRollups } from "../../../src/core/tallies/tally-rollups";
import { addDays } from "../../../src/core/time/day-math";
import { at, createTallyWorld, figure, TODAY, type TallyWorld } from "./tally-fixture";

let w: TallyWorld;
beforeEach(async () => {
  w = await createTallyWorld();
});

type Row = { unit_id: number; report_date: string; indicator: string; total: number; entries: number; cumulative: number };

/** The rollup as the raw tallies say it should be, computed independently in JS. */
async function expectedRollups(db: Db): Promise<Row[]> {
  const active = await db.orm.all<{ unit_id: number; report_date: string; indicator: string; count: number }>(
    sql`select unit_id, report_date, indicator, count from tally_entries where status = 'active' order by unit_id, indicator, report_date`,
  );
  const byKey = new Map<string, Row>();
  for (const e of active) {
    const key = `${e.unit_id}|${e.indicator}|${e.report_date}`;
    const row = byKey.get(key) ?? { unit_id: e.unit_id, report_date: e.report_date, indicator: e.indicator, total: 0, entries: 0, cumulative: 0 };
    row.total += e.count;
    row.entries += 1;
    byKey.set(key, row);
  }
  const rows = [...byKey.values()];
  const running = new Map<string, number>();
  for (const r of rows) {
    const k = `${r.unit_id}|${r.indicator}`;
    running.set(k, (running.get(k) ?? 0) + r.total);
    r.cumulative = running.get(k)!;
  }
  return sort(rows);
}

const sort = (rows: Row[]) => rows.sort((a, b) => a.unit_id - b.unit_id || a.indicator.localeCompare(b.indicator) || a.report_date.localeCompare(b.report_date));
const rollups = async (db: Db) => sort(await db.orm.all<Row>(sql`select unit_id, report_date, indicator, total, entries, cumulative from tally_rollups`));

describe("tally_rollups", () => {
  it("equals the raw sum of active tallies after reports, backdated reports, corrections and undos", async () => {
    const { xuanThanh } = w.village;
    const other = Object.values(w.village).find((v) => v.id !== xuanThanh.id)!;
    let minute = 0;
    const save = (officerId: number, date: string, entries: TallyFigure[], mode: "add" | "replace" = "add") =>
      recordTally(w.db, { officerId, channel: "telegram", originalText: null, date, entries, mode, now: at(`2025-11-15T03:${String(minute++).padStart(2, "0")}:00Z`) });
    const undo = (officerId: number) => undoLastReport(w.db, { officerId, now: at("2025-11-15T05:00:00Z") });
    const check = async (step: string) => expect({ step, rows: await rollups(w.db) }).toEqual({ step, rows: await expectedRollups(w.db) });

    await save(w.officer.lan, TODAY, [figure(xuanThanh, "GD", 12), figure(xuanThanh, "HS", 4), figure(other, "GD", 2)]);
    await check("first report");
    await save(w.officer.lan, addDays(TODAY, -3), [figure(xuanThanh, "GD", 5), figure(xuanThanh, "BHXHTN", 1)]);
    await check("backdated report: later running totals move");
    await save(w.officer.minh, TODAY, [figure(xuanThanh, "GD", 7)]);
    await check("an added figure");
    await save(w.officer.minh, addDays(TODAY, -3), [figure(xuanThanh, "GD", 9)], "replace");
    await check("a backdated correction");
    await save(w.officer.lan, TODAY, [figure(xuanThanh, "GD", 0), figure(other, "GD", 0)], "replace");
    await check("a correction to zero (still a report)");
    await undo(w.officer.lan);
    await check("undo of a correction restores what it replaced");
    await undo(w.officer.minh);
    await check("undo of a backdated correction");
    const [{ n }] = (await w.db.orm.all<{ n: number }>(sql`select count(*) as n from tally_rollups`)) as [{ n: number }];
    expect(n).toBeGreaterThan(3);

    // A rebuild from scratch (the migration's backfill) gives the very same rows.
    const kept = await rollups(w.db);
    await rebuildTallyRollups(w.db);
    expect(await rollups(w.db)).toEqual(kept);
  });
});
