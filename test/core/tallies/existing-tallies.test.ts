import { beforeEach, describe, expect, it } from "vitest";
import { findExistingForDate } from "../../../src/core/tallies/existing-tallies";
import { recordTally, type TallyFigure } from "../../../src/core/tallies/record-tally";
import { undoLastReport } from "../../../src/core/tallies/undo-tally";
import { at, createTallyWorld, figure, NOW, TODAY, type TallyWorld } from "./tally-fixture";

let w: TallyWorld;
beforeEach(async () => {
  w = await createTallyWorld();
});

const save = (officerId: number, entries: TallyFigure[], extra: { date?: string; mode?: "add" | "replace"; now?: Date } = {}) =>
  recordTally(w.db, { officerId, channel: "telegram", originalText: null, date: extra.date ?? TODAY, entries, mode: extra.mode ?? "add", now: extra.now ?? NOW });

describe("findExistingForDate", () => {
  it("lists nothing when no active figure exists for the date, so the bot saves without asking", async () => {
    const { xuanThanh } = w.village;
    await save(w.officer.lan, [figure(xuanThanh, "GD", 5)], { date: "2025-11-14" });
    expect(await findExistingForDate(w.db, { entries: [figure(xuanThanh, "GD", 12)], date: TODAY })).toEqual([]);
  });

  it("gives, per entry that has one, the current sum and who reported it", async () => {
    const { xuanThanh, xuanLap } = w.village;
    await save(w.officer.lan, [figure(xuanThanh, "GD", 12), figure(xuanThanh, "HS", 0)], { now: at("2025-11-15T01:00:00Z") });
    await save(w.officer.minh, [figure(xuanThanh, "GD", 3)], { now: at("2025-11-15T02:00:00Z") });
    await save(w.officer.lan, [figure(xuanThanh, "GD", 1)], { now: at("2025-11-15T02:30:00Z") });

    const asked = [figure(xuanLap, "GD", 4), figure(xuanThanh, "GD", 10), figure(xuanThanh, "HS", 2), figure(xuanThanh, "BHXHTN", 1)];
    const existing = await findExistingForDate(w.db, { officerId: w.officer.lan, entries: asked, date: TODAY });
    expect(existing).toEqual([
      {
        index: 1, unitId: xuanThanh.id, indicator: "bhyt", group: "GD", total: 16,
        reporters: [
          { officerId: w.officer.minh, displayName: "Anh Minh", count: 3, lastReportedAt: at("2025-11-15T02:00:00Z"), self: false },
          { officerId: w.officer.lan, displayName: "Chị Lan", count: 13, lastReportedAt: at("2025-11-15T02:30:00Z"), self: true },
        ],
      },
      // A reported zero is a figure too: replacing it is still a decision.
      { index: 2, unitId: xuanThanh.id, indicator: "bhyt", group: "HS", total: 0, reporters: [expect.objectContaining({ officerId: w.officer.lan, count: 0 })] },
    ]);
  });

  it("ignores superseded and undone entries", async () => {
    const { hoaLam } = w.village;
    await save(w.officer.lan, [figure(hoaLam, "GD", 12)]);
    await save(w.officer.minh, [figure(hoaLam, "GD", 7)], { mode: "replace" });
    await save(w.officer.minh, [figure(hoaLam, "TE", 2)]);
    await undoLastReport(w.db, { officerId: w.officer.minh, now: NOW });

    const existing = await findExistingForDate(w.db, { entries: [figure(hoaLam, "GD", 1), figure(hoaLam, "TE", 1)], date: TODAY });
    expect(existing.map((e) => [e.group, e.total, e.reporters.map((r) => [r.officerId, r.count])])).toEqual([["GD", 7, [[w.officer.minh, 7]]]]);
  });
});
