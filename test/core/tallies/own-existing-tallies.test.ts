import { beforeEach, describe, expect, it } from "vitest";
import { findOwnExistingForDate } from "../../../src/core/tallies/existing-tallies";
import { recordTally, type TallyFigure } from "../../../src/core/tallies/record-tally";
import { undoLastReport } from "../../../src/core/tallies/undo-tally";
import { at, createTallyWorld, figure, NOW, TODAY, type TallyWorld } from "./tally-fixture";

let w: TallyWorld;
beforeEach(async () => {
  w = await createTallyWorld();
});

const save = (officerId: number | null, entries: TallyFigure[], extra: { date?: string; mode?: "add" | "replace"; now?: Date } = {}) =>
  recordTally(w.db, { officerId, channel: "telegram", originalText: null, date: extra.date ?? TODAY, entries, mode: extra.mode ?? "add", now: extra.now ?? NOW });

describe("findOwnExistingForDate (the bot's add-or-replace question)", () => {
  it("lists only keys the officer reported that day, each with every officer's total", async () => {
    const { xuanThanh, xuanLap, hoaLam } = w.village;
    await save(w.officer.lan, [figure(xuanThanh, "GD", 12), figure(xuanThanh, "HS", 0)], { now: at("2025-11-15T01:00:00Z") });
    await save(w.officer.minh, [figure(xuanThanh, "GD", 3), figure(xuanLap, "GD", 9)], { now: at("2025-11-15T02:00:00Z") });
    await save(null, [figure(hoaLam, "GD", 4)]);
    await save(w.officer.lan, [figure(xuanThanh, "GD", 1)], { date: "2025-11-14" });

    const asked = [figure(xuanLap, "GD", 4), figure(xuanThanh, "GD", 10), figure(xuanThanh, "HS", 2), figure(hoaLam, "GD", 1), figure(xuanThanh, "BHXHTN", 1)];
    expect(await findOwnExistingForDate(w.db, { officerId: w.officer.lan, entries: asked, date: TODAY })).toEqual([
      { index: 1, unitId: xuanThanh.id, indicator: "bhyt", group: "GD", total: 15 },
      // A reported zero is a figure too: replacing it is still a decision.
      { index: 2, unitId: xuanThanh.id, indicator: "bhyt", group: "HS", total: 0 },
    ]);
    expect(await findOwnExistingForDate(w.db, { officerId: w.officer.minh, entries: asked, date: TODAY })).toEqual([
      { index: 0, unitId: xuanLap.id, indicator: "bhyt", group: "GD", total: 9 },
      { index: 1, unitId: xuanThanh.id, indicator: "bhyt", group: "GD", total: 15 },
    ]);
  });

  it("ignores superseded and undone entries", async () => {
    const { hoaLam } = w.village;
    await save(w.officer.lan, [figure(hoaLam, "GD", 12)]);
    await save(w.officer.minh, [figure(hoaLam, "GD", 7)], { mode: "replace" });
    await save(w.officer.lan, [figure(hoaLam, "TE", 2)]);
    await undoLastReport(w.db, { officerId: w.officer.lan, now: NOW });
    const asked = [figure(hoaLam, "GD", 1), figure(hoaLam, "TE", 1)];
    expect(await findOwnExistingForDate(w.db, { officerId: w.officer.lan, entries: asked, date: TODAY })).toEqual([]);
    expect(await findOwnExistingForDate(w.db, { officerId: w.officer.minh, entries: asked, date: TODAY })).toEqual([
      { index: 0, unitId: hoaLam.id, indicator: "bhyt", group: "GD", total: 7 },
    ]);
  });
});
