import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { progressLine } from "../../../src/core/conversation/progress-text";
import { communeRanking } from "../../../src/core/progress/commune-ranking";
import { unitProgress } from "../../../src/core/progress/unit-progress";
import { recordTally } from "../../../src/core/tallies/record-tally";
import { adminUnits, targets } from "../../../src/db/schema";
import { NOW, TODAY, figure, type TallyWorld } from "../tallies/tally-fixture";
import { createTestTranslator } from "../../helpers/test-db";
import { createProgressWorld } from "./progress-fixture";

let w: TallyWorld;
beforeEach(async () => {
  w = await createProgressWorld();
});

describe("communeRanking (figures worked out in progress-fixture.ts)", () => {
  it("orders villages by the share of their target reached, furthest first; equal shares share a rank, more people short first", async () => {
    const ranking = await communeRanking(w.db, { communeId: w.commune.id, year: 2025, today: TODAY });
    expect(ranking.villages.map((v) => [v.rank, v.progress.unit.name, v.targetShare, v.progress.gapToTarget])).toEqual([
      [1, "Hưng Long", 0, 1556],
      [1, "Xuân Thắng", 0, 1423],
      [1, "Hoà Lâm", 0, 1302],
      [1, "Phú Vinh", 0, 810],
      [5, "Xuân Lập", 0.8, 1288],
      [6, "Xuân Thành", 52.6, 401],
      [7, "Quyết Tiến", 87.2, 60],
    ]);
  });

  it("orders by the share of the target each line prints, not by coverage of the population, where the two disagree", async () => {
    // Xuân Lập: 10 insured of 1316 people (0,76 % coverage, the lowest of those with figures), but a target of 10: reached.
    await w.db.orm.update(targets).set({ targetCount: 10 }).where(and(eq(targets.unitId, w.village.xuanLap.id), eq(targets.year, 2025), eq(targets.groupCode, "")));
    const ranking = await communeRanking(w.db, { communeId: w.commune.id, year: 2025, today: TODAY });
    expect(ranking.villages.map((v) => [v.rank, v.progress.unit.name, v.targetShare, v.progress.rate]).slice(-3)).toEqual([
      [5, "Xuân Thành", 52.6, 49.28],
      [6, "Quyết Tiến", 87.2, 83.44],
      [7, "Xuân Lập", 100, 0.76],
    ]);
    const t = createTestTranslator();
    const printed = ranking.villages.map((v) => Number(/đạt ([\d,]+) % chỉ tiêu/.exec(progressLine(v.progress, t, "vi"))![1]!.replace(",", ".")));
    expect(printed).toEqual(ranking.villages.map((v) => v.targetShare));
    expect(printed).toEqual([...printed].sort((a, b) => a - b));
  });

  it("gives each village the same figures as unitProgress", async () => {
    const ranking = await communeRanking(w.db, { communeId: w.commune.id, year: 2025, today: TODAY });
    for (const v of ranking.villages) {
      // Renewals are counted for the commune line only, not for each ranked village.
      expect(v.progress).toEqual({ ...(await unitProgress(w.db, { unitId: v.progress.unit.id, year: 2025, today: TODAY })), renewalsYearToDate: null });
    }
  });

  it("tells silent villages from those that reported today, counting a reported zero or another indicator as a report", async () => {
    const ranking = await communeRanking(w.db, { communeId: w.commune.id, year: 2025, today: TODAY });
    const silent = ranking.villages.filter((v) => !v.reportedToday).map((v) => v.progress.unit.name);
    expect(silent).toEqual(["Xuân Thắng", "Hoà Lâm", "Quyết Tiến"]);
    const phuVinh = ranking.villages.find((v) => v.progress.unit.name === "Phú Vinh")!;
    expect([phuVinh.reportedToday, phuVinh.progress.reportedToday]).toEqual([true, 0]);
  });

  it("gives the commune totals of the commune itself", async () => {
    const ranking = await communeRanking(w.db, { communeId: w.commune.id, year: 2025, today: TODAY });
    expect(ranking.commune).toEqual(await unitProgress(w.db, { unitId: w.commune.id, year: 2025, today: TODAY }));
    expect([ranking.commune.insured, ranking.commune.rate]).toEqual([863, 10.71]);
    expect(ranking.villages.reduce((s, v) => s + v.progress.insured, 0)).toBe(ranking.commune.insured);
  });

  it("lists villages without a target last and leaves out villages no longer current", async () => {
    const [merged] = await w.db.orm
      .insert(adminUnits)
      .values({ code: "38-01-01-08", name: "Làng Cũ", level: "village", kind: "làng", parentId: w.commune.id, searchKey: "lang cu", validTo: "2025-06-30" })
      .returning();
    const [fresh] = await w.db.orm
      .insert(adminUnits)
      .values({ code: "38-01-01-09", name: "Bản Mới", level: "village", kind: "bản", parentId: w.commune.id, searchKey: "ban moi" })
      .returning();
    await recordTally(w.db, { officerId: null, channel: "cli", originalText: null, date: TODAY, entries: [figure(fresh!, "GD", 4)], mode: "add", now: NOW });

    const ranking = await communeRanking(w.db, { communeId: w.commune.id, year: 2025, today: TODAY });
    expect(ranking.villages.map((v) => v.progress.unit.code)).not.toContain(merged!.code);
    expect(ranking.villages.at(-1)).toMatchObject({ rank: 8, targetShare: null, reportedToday: true, progress: { unit: { name: "Bản Mới" }, target: null, insured: 4, rate: null } });
  });

  it("reads the database a fixed number of times, however many villages the commune has", async () => {
    // Statements executed, not prepared: the Node driver reuses compiled statements.
    const statement = Object.getPrototypeOf(w.db.sqlite.prepare("select 1")) as Record<"all" | "get" | "run", () => unknown>;
    const spies = (["all", "get", "run"] as const).map((m) => vi.spyOn(statement, m));
    const executed = () => spies.reduce((n, s) => n + s.mock.calls.length, 0);
    await communeRanking(w.db, { communeId: w.commune.id, year: 2025, today: TODAY });
    const withSeven = executed();

    const extra = await w.db.orm
      .insert(adminUnits)
      .values(Array.from({ length: 20 }, (_, i) => ({ code: `38-01-01-${20 + i}`, name: `Thôn ${i}`, level: "village" as const, parentId: w.commune.id, searchKey: `thon ${i}` })))
      .returning();
    await w.db.orm.insert(targets).values(extra.map((u) => ({ unitId: u.id, year: 2025, population: 100, targetCount: 95 })));
    spies.forEach((s) => s.mockClear());
    const ranking = await communeRanking(w.db, { communeId: w.commune.id, year: 2025, today: TODAY });

    expect(ranking.villages).toHaveLength(27);
    const withTwentySeven = executed();
    spies.forEach((s) => s.mockRestore());
    expect(withTwentySeven).toBe(withSeven);
    // Villages, figures, targets; the commune's unit, figures, targets and renewals; the
    // waiting rules (the grace before a card counts as lapsed), read once for all, and the
    // reference-data version their cache is checked against.
    expect(withSeven).toBeLessThanOrEqual(9);
  });
});
