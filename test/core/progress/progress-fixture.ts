import { recordTally, type TallyFigure } from "../../../src/core/tallies/record-tally";
import { undoLastReport } from "../../../src/core/tallies/undo-tally";
import { at, createTallyWorld, figure, type TallyWorld } from "../tallies/tally-fixture";

/**
 * The tally world (baselines: Xuân Thành 430 as of 2025-10-31, Quyết Tiến 400 as of
 * 2025-09-30; today 2025-11-15) with a season of reports. Expected figures, by hand:
 *
 * | village     | baseline | counted tallies            | insured | population | rate  | today | month | YTD |
 * |-------------|----------|----------------------------|---------|------------|-------|-------|-------|-----|
 * | Quyết Tiến  | 400      | 10-15 GD 8                 | 408     | 489        | 83.44 | 0     | 0     | 38  |
 * | Xuân Thành  | 430      | 11-03 GD 12, 11-15 HS 3    | 445     | 903        | 49.28 | 3     | 15    | 22  |
 * | Xuân Lập    | —        | 03-10 GD 4, 11-15 GD 6     | 10      | 1316       | 0.76  | 6     | 6     | 10  |
 * | others      | —        | —                          | 0       |            | 0     | 0     | 0     | 0   |
 *
 * Not counted: Quyết Tiến 09-20 GD 30 and Xuân Thành 10-31 GD 7 (not after their baseline
 * dates, but in YTD), Xuân Thành 11-03 GD 20 (replaced by 12), 11-15 HS 100 (undone),
 * 11-16 GD 50 (after today), 2024-12-30 GD 9 (last year), BHXHTN (another indicator).
 * Phú Vinh reported GD 0 today and Hưng Long only BHXHTN: both reported, neither counts.
 */
export async function createProgressWorld(): Promise<TallyWorld> {
  const w = await createTallyWorld();
  const { quyetTien, xuanThanh, xuanLap, hungLong, phuVinh } = w.village;
  const save = (date: string, entries: TallyFigure[], mode: "add" | "replace" = "add", officerId = w.officer.minh) =>
    recordTally(w.db, { officerId, channel: "telegram", originalText: null, date, entries, mode, now: at(`${date}T03:00:00Z`) });

  await save("2024-12-30", [figure(xuanThanh, "GD", 9)]);
  await save("2025-03-10", [figure(xuanLap, "GD", 4)]);
  await save("2025-09-20", [figure(quyetTien, "GD", 30)]);
  await save("2025-10-15", [figure(quyetTien, "GD", 8)]);
  await save("2025-10-31", [figure(xuanThanh, "GD", 7)]);
  await save("2025-11-03", [figure(xuanThanh, "GD", 20)]);
  await save("2025-11-03", [figure(xuanThanh, "GD", 12)], "replace");
  await save("2025-11-15", [figure(xuanThanh, "HS", 3), figure(xuanThanh, "BHXHTN", 2), figure(xuanLap, "GD", 6), figure(phuVinh, "GD", 0), figure(hungLong, "BHXHTN", 1)]);
  await save("2025-11-15", [figure(xuanThanh, "HS", 100)], "add", w.officer.lan);
  await undoLastReport(w.db, { officerId: w.officer.lan, now: at("2025-11-15T04:00:00Z") });
  await save("2025-11-16", [figure(xuanThanh, "GD", 50)]);
  return w;
}
