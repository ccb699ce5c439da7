import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Db } from "../../../src/db/client";
import { recordTally, type TallyFigure } from "../../../src/core/tallies/record-tally";
import { undoLastReport } from "../../../src/core/tallies/undo-tally";
import { activeSum, at, createTallyWorld, figure, historyOf, holdAtomic, NOW, TODAY, type TallyWorld } from "./tally-fixture";

let w: TallyWorld;
beforeEach(async () => {
  w = await createTallyWorld();
});

const save = (officerId: number, entries: TallyFigure[], extra: { mode?: "add" | "replace"; now?: Date; db?: Db } = {}) =>
  recordTally(extra.db ?? w.db, { officerId, channel: "telegram", originalText: null, date: TODAY, entries, mode: extra.mode ?? "add", now: extra.now ?? NOW });
const LATER = at("2025-11-15T04:00:00Z");

describe("undoLastReport", () => {
  it("takes back the last report of an add, leaving the earlier figure", async () => {
    const { xuanThanh } = w.village;
    await save(w.officer.lan, [figure(xuanThanh, "GD", 12)]);
    const added = await save(w.officer.lan, [figure(xuanThanh, "GD", 3), figure(xuanThanh, "HS", 1)], { now: at("2025-11-15T03:10:00Z") });

    const result = await undoLastReport(w.db, { officerId: w.officer.lan, now: LATER });
    expect(result).toMatchObject({ nothing: false, reportId: added.reportId, restored: [] });
    if (result.nothing) throw new Error("expected an undo");
    expect(result.undone.map((e) => [e.entryId, e.unitName, e.group, e.count])).toEqual([
      [added.entryIds[0], "Xuân Thành", "GD", 3],
      [added.entryIds[1], "Xuân Thành", "HS", 1],
    ]);
    expect(await activeSum(w.db, xuanThanh, TODAY, "GD")).toBe(12);
    expect(await activeSum(w.db, xuanThanh, TODAY, "HS")).toBe(0);
    expect((await historyOf(w.db, xuanThanh, TODAY, "GD")).map((e) => [e.count, e.status, e.changedAt])).toEqual([
      [12, "active", null],
      [3, "undone", LATER],
    ]);
  });

  it("takes back a correction and brings back the figures it replaced", async () => {
    const { xuanThanh } = w.village;
    await save(w.officer.lan, [figure(xuanThanh, "GD", 12)]);
    await save(w.officer.minh, [figure(xuanThanh, "GD", 3)]);
    const fix = await save(w.officer.lan, [figure(xuanThanh, "GD", 10)], { mode: "replace", now: at("2025-11-15T03:30:00Z") });
    expect(await activeSum(w.db, xuanThanh, TODAY, "GD")).toBe(10);

    const result = await undoLastReport(w.db, { officerId: w.officer.lan, now: LATER });
    expect(result.nothing).toBe(false);
    if (result.nothing) return;
    expect(result.restored.map((e) => e.count)).toEqual([12, 3]);
    expect(await activeSum(w.db, xuanThanh, TODAY, "GD")).toBe(15);
    // History stays readable: the restored rows still say which correction had replaced them.
    expect((await historyOf(w.db, xuanThanh, TODAY, "GD")).map((e) => [e.count, e.status, e.supersededById])).toEqual([
      [12, "active", fix.entryIds[0]],
      [3, "active", fix.entryIds[0]],
      [10, "undone", null],
    ]);
  });

  it("takes back only the asking officer's own latest report", async () => {
    const { xuanThanh, xuanLap } = w.village;
    await save(w.officer.lan, [figure(xuanThanh, "GD", 12)]);
    await save(w.officer.minh, [figure(xuanLap, "GD", 5)], { now: at("2025-11-15T03:20:00Z") });
    await undoLastReport(w.db, { officerId: w.officer.lan, now: LATER });
    expect(await activeSum(w.db, xuanThanh, TODAY, "GD")).toBe(0);
    expect(await activeSum(w.db, xuanLap, TODAY, "GD")).toBe(5);
  });

  it("does nothing on a second undo, so a double tap cannot reach an older report", async () => {
    const { xuanThanh } = w.village;
    await save(w.officer.lan, [figure(xuanThanh, "GD", 12)]);
    await save(w.officer.lan, [figure(xuanThanh, "GD", 3)], { now: at("2025-11-15T03:10:00Z") });
    await undoLastReport(w.db, { officerId: w.officer.lan, now: LATER });
    expect(await undoLastReport(w.db, { officerId: w.officer.lan, now: LATER })).toEqual({
      nothing: true, reason: "nothing_active", messageKey: "tally-undo-nothing-active", args: {},
    });
    expect(await activeSum(w.db, xuanThanh, TODAY, "GD")).toBe(12);
  });

  it("says there is nothing to undo for an officer who never reported", async () => {
    expect(await undoLastReport(w.db, { officerId: w.officer.minh, now: NOW })).toMatchObject({ nothing: true, reason: "no_report", messageKey: "tally-undo-no-report" });
  });

  it("allows an undo for 24 hours after the report was received, not longer", async () => {
    const { xuanThanh } = w.village;
    await save(w.officer.lan, [figure(xuanThanh, "GD", 12)]);
    const tooLate = await undoLastReport(w.db, { officerId: w.officer.lan, now: new Date(NOW.getTime() + 24 * 3_600_000 + 1) });
    expect(tooLate).toEqual({ nothing: true, reason: "too_old", messageKey: "tally-undo-too-old", args: { hours: 24 } });
    expect(await activeSum(w.db, xuanThanh, TODAY, "GD")).toBe(12);

    const justInTime = await undoLastReport(w.db, { officerId: w.officer.lan, now: new Date(NOW.getTime() + 24 * 3_600_000) });
    expect(justInTime.nothing).toBe(false);
    expect(await activeSum(w.db, xuanThanh, TODAY, "GD")).toBe(0);
  });

  it("cannot take back a figure someone else has since corrected, nor revive what that correction replaced", async () => {
    const { xuanThanh } = w.village;
    await save(w.officer.minh, [figure(xuanThanh, "GD", 12)]);
    await save(w.officer.lan, [figure(xuanThanh, "GD", 10)], { mode: "replace", now: at("2025-11-15T03:10:00Z") });
    await save(w.officer.minh, [figure(xuanThanh, "GD", 11)], { mode: "replace", now: at("2025-11-15T03:20:00Z") });

    expect(await undoLastReport(w.db, { officerId: w.officer.lan, now: LATER })).toMatchObject({ nothing: true, reason: "nothing_active" });
    expect((await historyOf(w.db, xuanThanh, TODAY, "GD")).map((e) => [e.count, e.status])).toEqual([
      [12, "superseded"],
      [10, "superseded"],
      [11, "active"],
    ]);
  });

  it("does not revive replaced figures when a correction lands between the undo's reads and its write", async () => {
    const { xuanThanh } = w.village;
    await save(w.officer.minh, [figure(xuanThanh, "GD", 12)]);
    await save(w.officer.lan, [figure(xuanThanh, "GD", 10)], { mode: "replace", now: at("2025-11-15T03:10:00Z") });
    const gate = holdAtomic(w.db, 1);
    const undo = undoLastReport(gate.db, { officerId: w.officer.lan, now: LATER });
    await vi.waitFor(() => expect(gate.waiting()).toBe(1));
    await save(w.officer.minh, [figure(xuanThanh, "GD", 11)], { mode: "replace", now: at("2025-11-15T03:50:00Z"), db: gate.db });
    gate.release();
    await undo;

    expect((await historyOf(w.db, xuanThanh, TODAY, "GD")).map((e) => [e.count, e.status])).toEqual([
      [12, "superseded"],
      [10, "superseded"],
      [11, "active"],
    ]);
  });
});
