import { and, eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { unitProgress } from "../../../src/core/progress/unit-progress";
import { coverageBaselines, targets } from "../../../src/db/schema";
import { AppError } from "../../../src/errors";
import { recordTally } from "../../../src/core/tallies/record-tally";
import { figure, TODAY, type TallyWorld } from "../tallies/tally-fixture";
import { createProgressWorld } from "./progress-fixture";

describe("unitProgress (figures worked out in progress-fixture.ts)", () => {
  let w: TallyWorld;
  beforeAll(async () => {
    w = await createProgressWorld();
  });

  it("counts a village as its baseline plus the active tallies after the baseline date", async () => {
    const p = await unitProgress(w.db, { unitId: w.village.xuanThanh.id, year: 2025, today: TODAY });
    expect(p).toEqual({
      unit: { id: w.village.xuanThanh.id, code: "38-01-01-02", name: "Xuân Thành", displayName: "Thôn Xuân Thành", level: "village" },
      year: 2025,
      indicator: "bhyt",
      target: { population: 903, targetCount: 846, targetRate: 93.69, fromChildren: false },
      baseline: { insuredCount: 430, asOf: "2025-10-31", unitCount: 1 },
      reportedToday: 3,
      reportedThisMonth: 15,
      reportedYearToDate: 22,
      reportedSinceBaseline: 15,
      // The demo roster's cards that ended after 31/10 are still inside the 90-day grace on 15/11.
      lapsedSinceBaseline: 0,
      hasRoster: true,
      insured: 445,
      rate: 49.28,
      gapToTarget: 401,
      lastReportDate: TODAY,
      renewalsYearToDate: 0,
    });
  });

  it("leaves out tallies dated on or before the baseline date, which the baseline already holds", async () => {
    const p = await unitProgress(w.db, { unitId: w.village.quyetTien.id, year: 2025, today: TODAY });
    expect([p.reportedYearToDate, p.reportedSinceBaseline, p.insured, p.rate, p.gapToTarget]).toEqual([38, 8, 408, 83.44, 60]);
    expect([p.reportedToday, p.reportedThisMonth, p.lastReportDate]).toEqual([0, 0, "2025-10-15"]);
  });

  it("counts every tally of the year for a village without a baseline", async () => {
    const p = await unitProgress(w.db, { unitId: w.village.xuanLap.id, year: 2025, today: TODAY });
    expect([p.baseline, p.insured, p.rate, p.gapToTarget, p.reportedToday, p.reportedThisMonth]).toEqual([null, 10, 0.76, 1288, 6, 6]);
  });

  it("sums a commune without its own baseline from its villages, each after its own baseline date", async () => {
    const p = await unitProgress(w.db, { unitId: w.commune.id, year: 2025, today: TODAY });
    expect(p.unit).toMatchObject({ code: "38-01-01", displayName: "Xã Ngọc Phụng", level: "commune" });
    expect(p.target).toEqual({ population: 8060, targetCount: 7703, targetRate: 95.57, fromChildren: false });
    expect(p.baseline).toEqual({ insuredCount: 830, asOf: "2025-10-31", unitCount: 2 });
    // 445 + 408 + 10 = 863 of 8060
    expect([p.insured, p.rate, p.gapToTarget]).toEqual([863, 10.71, 6840]);
    expect([p.reportedToday, p.reportedThisMonth, p.reportedYearToDate]).toEqual([9, 21, 70]);
  });

  it("counts a past year's tallies only, up to its end, with no today or month figures", async () => {
    const p = await unitProgress(w.db, { unitId: w.village.xuanThanh.id, year: 2024, today: TODAY });
    expect([p.target, p.baseline, p.insured, p.rate, p.gapToTarget]).toEqual([null, null, 9, null, null]);
    expect([p.reportedToday, p.reportedThisMonth, p.reportedYearToDate]).toEqual([0, 0, 9]);
  });

  it("keeps indicators apart: BHXHTN figures count only towards bhxh_tn", async () => {
    const p = await unitProgress(w.db, { unitId: w.village.xuanThanh.id, year: 2025, today: TODAY, indicator: "bhxh_tn" });
    expect([p.indicator, p.target, p.baseline, p.insured, p.reportedToday]).toEqual(["bhxh_tn", null, null, 2, 2]);
  });

  it("moves figures between today, this month and the year as the days pass", async () => {
    const p = await unitProgress(w.db, { unitId: w.village.xuanThanh.id, year: 2025, today: "2025-11-03" });
    // On 11-03, 11-15's HS 3 has not happened yet.
    expect([p.reportedToday, p.reportedThisMonth, p.reportedYearToDate, p.insured]).toEqual([12, 12, 19, 442]);
  });

  it("refuses an unknown unit", async () => {
    await expect(unitProgress(w.db, { unitId: 999_999, year: 2025, today: TODAY })).rejects.toThrow(AppError);
  });
});

describe("unitProgress for a commune with its own figures", () => {
  let w: TallyWorld;
  beforeEach(async () => {
    w = await createProgressWorld();
  });

  it("uses the commune's own baseline for the whole commune and ignores the villages' baselines", async () => {
    await w.db.orm.insert(coverageBaselines).values({ unitId: w.commune.id, year: 2025, insuredCount: 7000, asOf: "2025-10-31" });
    const p = await unitProgress(w.db, { unitId: w.commune.id, year: 2025, today: TODAY });
    // After 10-31 anywhere in the commune: Xuân Thành 12 + 3, Xuân Lập 6.
    expect(p.baseline).toEqual({ insuredCount: 7000, asOf: "2025-10-31", unitCount: 1 });
    expect([p.reportedSinceBaseline, p.insured, p.rate, p.gapToTarget]).toEqual([21, 7021, 87.11, 682]);
  });

  it("counts renewals apart: they never add to insured, and other indicators do not count them", async () => {
    const before = await unitProgress(w.db, { unitId: w.village.xuanThanh.id, year: 2025, today: TODAY });
    await recordTally(w.db, { officerId: null, channel: "cli", originalText: null, date: TODAY, entries: [figure(w.village.xuanThanh, "GD", 4, "bhyt_renewal")], mode: "add" });
    const after = await unitProgress(w.db, { unitId: w.village.xuanThanh.id, year: 2025, today: TODAY });
    expect([after.insured, after.reportedToday, after.renewalsYearToDate]).toEqual([before.insured, before.reportedToday, 4]);
    const commune = await unitProgress(w.db, { unitId: w.commune.id, year: 2025, today: TODAY });
    expect([commune.insured, commune.renewalsYearToDate]).toEqual([863, 4]);
    const bhxh = await unitProgress(w.db, { unitId: w.village.xuanThanh.id, year: 2025, today: TODAY, indicator: "bhxh_tn" });
    expect(bhxh.renewalsYearToDate).toBeNull();
  });

  it("falls back to the villages' targets when the commune has none of its own", async () => {
    await w.db.orm.delete(targets).where(and(eq(targets.unitId, w.commune.id), eq(targets.year, 2025)));
    const p = await unitProgress(w.db, { unitId: w.commune.id, year: 2025, today: TODAY });
    expect(p.target).toEqual({ population: 8060, targetCount: 7703, targetRate: 95.57, fromChildren: true });
    expect(p.rate).toBe(10.71);
  });
});
