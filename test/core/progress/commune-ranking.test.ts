import { beforeEach, describe, expect, it, vi } from "vitest";
import { communeRanking } from "../../../src/core/progress/commune-ranking";
import { unitProgress } from "../../../src/core/progress/unit-progress";
import { recordTally } from "../../../src/core/tallies/record-tally";
import { adminUnits, targets } from "../../../src/db/schema";
import { NOW, TODAY, figure, type TallyWorld } from "../tallies/tally-fixture";
import { createProgressWorld } from "./progress-fixture";

let w: TallyWorld;
beforeEach(async () => {
  w = await createProgressWorld();
});

describe("communeRanking (figures worked out in progress-fixture.ts)", () => {
  it("ranks villages by rate, highest first; equal rates share a rank and keep code order", async () => {
    const ranking = await communeRanking(w.db, { communeId: w.commune.id, year: 2025, today: TODAY });
    expect(ranking.villages.map((v) => [v.rank, v.progress.unit.name, v.progress.rate])).toEqual([
      [1, "Quyết Tiến", 83.44],
      [2, "Xuân Thành", 49.28],
      [3, "Xuân Lập", 0.76],
      [4, "Xuân Thắng", 0],
      [4, "Hoà Lâm", 0],
      [4, "Hưng Long", 0],
      [4, "Phú Vinh", 0],
    ]);
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
    expect(silent).toEqual(["Quyết Tiến", "Xuân Thắng", "Hoà Lâm"]);
    const phuVinh = ranking.villages.find((v) => v.progress.unit.name === "Phú Vinh")!;
    expect([phuVinh.reportedToday, phuVinh.progress.reportedToday]).toEqual([true, 0]);
  });

  it("gives the commune totals of the commune itself", async () => {
    const ranking = await communeRanking(w.db, { communeId: w.commune.id, year: 2025, today: TODAY });
    expect(ranking.commune).toEqual(await unitProgress(w.db, { unitId: w.commune.id, year: 2025, today: TODAY }));
    expect([ranking.commune.insured, ranking.commune.rate]).toEqual([863, 10.71]);
    expect(ranking.villages.reduce((s, v) => s + v.progress.insured, 0)).toBe(ranking.commune.insured);
  });

  it("lists villages without a population last and leaves out villages no longer current", async () => {
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
    expect(ranking.villages.at(-1)).toMatchObject({ rank: 8, reportedToday: true, progress: { unit: { name: "Bản Mới" }, target: null, insured: 4, rate: null } });
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
