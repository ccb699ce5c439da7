import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { MAX_BOUND_PARAMETERS, type Db } from "../../../src/db/client";
import { inboundUpdates, tallyEntries, tallyReports } from "../../../src/db/schema";
import { recordTally, uniqueConstraintColumns, type RecordTallyInput } from "../../../src/core/tallies/record-tally";
import { AppError } from "../../../src/errors";
import { activeSum, at, createTallyWorld, figure, historyOf, holdAtomic, NOW, TODAY, tallyRowCounts, type TallyWorld } from "./tally-fixture";

let w: TallyWorld;
beforeEach(async () => {
  w = await createTallyWorld();
});

/** Chị Lan reports on Telegram for today unless told otherwise. */
const report = (over: Partial<RecordTallyInput> & Pick<RecordTallyInput, "entries">): RecordTallyInput => ({
  officerId: w.officer.lan,
  channel: "telegram",
  originalText: "Xuân Thành GD 12 HS 3",
  date: TODAY,
  mode: "add",
  now: NOW,
  ...over,
});

describe("recordTally", () => {
  it("writes one report and one entry per figure, linked to the report, keeping the original text", async () => {
    const { xuanThanh } = w.village;
    const result = await recordTally(w.db, report({ entries: [figure(xuanThanh, "GD", 12), figure(xuanThanh, "HS", 3)], inboundKey: "telegram:101" }));
    expect(result.duplicate).toBe(false);
    expect(result.entryIds).toHaveLength(2);

    const [saved] = await w.db.orm.select().from(tallyReports).where(eq(tallyReports.id, result.reportId!));
    expect(saved).toMatchObject({ officerId: w.officer.lan, channel: "telegram", originalText: "Xuân Thành GD 12 HS 3", inboundKey: "telegram:101", receivedAt: NOW });
    const entries = await w.db.orm.select().from(tallyEntries).where(eq(tallyEntries.reportId, result.reportId!));
    expect(entries.map((e) => [e.id, e.unitId, e.reportDate, e.indicator, e.groupCode, e.count, e.status, e.officerId, e.channel])).toEqual([
      [result.entryIds[0], xuanThanh.id, TODAY, "bhyt", "GD", 12, "active", w.officer.lan, "telegram"],
      [result.entryIds[1], xuanThanh.id, TODAY, "bhyt", "HS", 3, "active", w.officer.lan, "telegram"],
    ]);
    expect(await w.db.orm.select().from(inboundUpdates)).toEqual([{ channel: "telegram", externalId: "telegram:101", receivedAt: NOW }]);
  });

  it("in add mode keeps earlier figures active, so the day's figure is their sum", async () => {
    const { xuanThanh } = w.village;
    await recordTally(w.db, report({ entries: [figure(xuanThanh, "GD", 12)] }));
    await recordTally(w.db, report({ entries: [figure(xuanThanh, "GD", 3)], officerId: w.officer.minh, channel: "zalo_bot" }));
    expect(await activeSum(w.db, xuanThanh, TODAY, "GD")).toBe(15);
    expect((await historyOf(w.db, xuanThanh, TODAY, "GD")).map((e) => e.status)).toEqual(["active", "active"]);
  });

  it("in replace mode (a correction) supersedes every earlier active figure and points them at the new one, keeping history", async () => {
    const { xuanThanh } = w.village;
    await recordTally(w.db, report({ entries: [figure(xuanThanh, "GD", 12)] }));
    await recordTally(w.db, report({ entries: [figure(xuanThanh, "GD", 3)], officerId: w.officer.minh }));
    const later = at("2025-11-15T05:00:00Z");
    const fix = await recordTally(w.db, report({ entries: [figure(xuanThanh, "GD", 10)], mode: "replace", now: later }));

    expect(await activeSum(w.db, xuanThanh, TODAY, "GD")).toBe(10);
    const history = await historyOf(w.db, xuanThanh, TODAY, "GD");
    expect(history.map((e) => [e.count, e.status, e.supersededById, e.changedAt])).toEqual([
      [12, "superseded", fix.entryIds[0], later],
      [3, "superseded", fix.entryIds[0], later],
      [10, "active", null, null],
    ]);
  });

  it("a correction touches only the same unit, date, indicator and group", async () => {
    const { xuanThanh, xuanLap } = w.village;
    await recordTally(w.db, report({ entries: [figure(xuanThanh, "GD", 12), figure(xuanThanh, "HS", 3), figure(xuanThanh, "BHXHTN", 1), figure(xuanLap, "GD", 5)] }));
    await recordTally(w.db, report({ entries: [figure(xuanThanh, "GD", 4)], date: "2025-11-14" }));
    await recordTally(w.db, report({ entries: [figure(xuanThanh, "GD", 9)], mode: "replace" }));

    expect(await activeSum(w.db, xuanThanh, TODAY, "GD")).toBe(9);
    expect(await activeSum(w.db, xuanThanh, TODAY, "HS")).toBe(3);
    expect(await activeSum(w.db, xuanThanh, TODAY, "BHXHTN")).toBe(1);
    expect(await activeSum(w.db, xuanLap, TODAY, "GD")).toBe(5);
    expect(await activeSum(w.db, xuanThanh, "2025-11-14", "GD")).toBe(4);
  });

  it("replacing a figure nobody reported yet just records it", async () => {
    const { phuVinh } = w.village;
    const result = await recordTally(w.db, report({ entries: [figure(phuVinh, "TE", 2)], mode: "replace" }));
    expect((await historyOf(w.db, phuVinh, TODAY, "TE")).map((e) => [e.id, e.count, e.status])).toEqual([[result.entryIds[0], 2, "active"]]);
  });

  it("links many entries to their report across several statements, each within D1's 100 bound parameters", async () => {
    const villages = Object.values(w.village);
    const groups = ["GD", "HS", "TE", "CN", "HN"];
    const entries = villages.flatMap((v) => groups.map((g, i) => figure(v, g, i + 1)));
    const parameterCounts: number[] = [];
    const spy: Db = {
      orm: w.db.orm,
      driver: w.db.driver,
      atomic: (steps) => {
        for (const step of steps) parameterCounts.push((step(w.db.orm) as unknown as { toSQL(): { params: unknown[] } }).toSQL().params.length);
        return w.db.atomic(steps);
      },
    };
    const result = await recordTally(spy, report({ entries, mode: "replace" }));

    expect(parameterCounts.length).toBeGreaterThan(3);
    expect(Math.max(...parameterCounts)).toBeLessThanOrEqual(MAX_BOUND_PARAMETERS);
    const saved = await w.db.orm.select().from(tallyEntries).where(eq(tallyEntries.reportId, result.reportId!));
    expect(saved.map((e) => e.id)).toEqual(result.entryIds);
    expect(saved.map((e) => [e.unitId, e.groupCode, e.count])).toEqual(entries.map((e) => [e.unitId, e.group, e.count]));
  });

  it("refuses input the parser would have refused, before writing anything", async () => {
    const { xuanThanh } = w.village;
    const before = await tallyRowCounts(w.db);
    const refused = async (input: RecordTallyInput) => (await recordTally(w.db, input).then(() => undefined, (e: unknown) => e)) as AppError;
    expect((await refused(report({ entries: [figure(xuanThanh, "GD", -1)] }))).messageKey).toBe("tally-bad-number");
    expect((await refused(report({ entries: [figure(xuanThanh, "GD", 1.5)] }))).messageKey).toBe("tally-bad-number");
    expect((await refused(report({ entries: [figure(xuanThanh, "GD", 1)], date: "2025-02-30" }))).messageKey).toBe("tally-bad-date");
    const twice = await refused(report({ entries: [figure(xuanThanh, "GD", 1), figure(xuanThanh, "GD", 2)] }));
    expect(twice).toBeInstanceOf(AppError);
    expect([twice.code, twice.messageKey, twice.args]).toEqual(["bad_request", "tally-duplicate-entry", { unit: "Xuân Thành", group: "GD" }]);
    await expect(recordTally(w.db, report({ entries: [] }))).rejects.toThrow(RangeError);
    expect(await tallyRowCounts(w.db)).toEqual(before);
  });
});

describe("recordTally with an inbound key", () => {
  it("treats a second delivery of the same update as a no-op and says so", async () => {
    const { xuanThanh } = w.village;
    const input = report({ entries: [figure(xuanThanh, "GD", 12)], inboundKey: "telegram:555", mode: "replace" });
    const first = await recordTally(w.db, input);
    const after = await tallyRowCounts(w.db);
    const second = await recordTally(w.db, { ...input, now: at("2025-11-15T03:00:30Z") });

    expect(second).toEqual({ duplicate: true, reportId: null, entryIds: [] });
    expect(await tallyRowCounts(w.db)).toEqual(after);
    expect(after).toMatchObject({ reports: 1, entries: 1, inbound: 1 });
    // The replayed replace did not supersede the figure the first delivery saved.
    expect((await historyOf(w.db, xuanThanh, TODAY, "GD")).map((e) => [e.id, e.status])).toEqual([[first.entryIds[0], "active"]]);
  });

  it("keys updates per channel: the same id on another channel is a different update", async () => {
    const { xuanThanh } = w.village;
    await recordTally(w.db, report({ entries: [figure(xuanThanh, "GD", 1)], inboundKey: "77" }));
    const other = await recordTally(w.db, report({ entries: [figure(xuanThanh, "GD", 2)], inboundKey: "77", channel: "zalo_bot" }));
    expect(other.duplicate).toBe(false);
    expect(await activeSum(w.db, xuanThanh, TODAY, "GD")).toBe(3);
  });

  it("writes once when two deliveries of one update race (both read before either writes)", async () => {
    const { xuanThanh } = w.village;
    const gate = holdAtomic(w.db, 2);
    const input = report({ entries: [figure(xuanThanh, "GD", 12)], inboundKey: "telegram:900" });
    const both = Promise.all([recordTally(gate.db, input), recordTally(gate.db, input)]);
    await vi.waitFor(() => expect(gate.waiting()).toBe(2));
    gate.release();
    const results = await both;

    expect(results.map((r) => r.duplicate).sort()).toEqual([false, true]);
    expect(gate.calls()).toBe(2); // the loser was refused by the inbound_updates key, not retried
    expect(await tallyRowCounts(w.db)).toMatchObject({ reports: 1, entries: 1, inbound: 1 });
    expect(await activeSum(w.db, xuanThanh, TODAY, "GD")).toBe(12);
  });

  it("gives two reports of one process distinct ids at once, even while neither is committed yet", async () => {
    const { xuanThanh, xuanLap } = w.village;
    const gate = holdAtomic(w.db, 2);
    const both = Promise.all([
      recordTally(gate.db, report({ entries: [figure(xuanThanh, "GD", 12)], inboundKey: "telegram:1" })),
      recordTally(gate.db, report({ entries: [figure(xuanLap, "GD", 5), figure(xuanLap, "HS", 1)], inboundKey: "telegram:2" })),
    ]);
    await vi.waitFor(() => expect(gate.waiting()).toBe(2));
    gate.release();
    const [a, b] = await both;
    expect(gate.calls()).toBe(2); // no collision, no retry
    expect(a.reportId).not.toBe(b.reportId);
    expect(new Set([...a.entryIds, ...b.entryIds]).size).toBe(3);
    expect(await tallyRowCounts(w.db)).toEqual({ reports: 2, entries: 3, inbound: 2 });
  });

  it("saves both of two processes' reports that picked the same ids: the later one retries with fresh ids", async () => {
    const { xuanThanh, xuanLap } = w.village;
    // Two Db objects over one file, as two processes have: neither knows the other's ids.
    const first = holdAtomic(w.db, 1);
    const second = holdAtomic(w.db, 1);
    const both = Promise.all([
      recordTally(first.db, report({ entries: [figure(xuanThanh, "GD", 12)], inboundKey: "telegram:1" })),
      recordTally(second.db, report({ entries: [figure(xuanLap, "GD", 5), figure(xuanLap, "HS", 1)], inboundKey: "telegram:2" })),
    ]);
    await vi.waitFor(() => expect(first.waiting() + second.waiting()).toBe(2));
    first.release();
    second.release();
    const [a, b] = await both;
    expect(first.calls() + second.calls()).toBe(3); // the loser's batch failed on the reused ids and ran again

    expect(a.reportId).not.toBe(b.reportId);
    expect(new Set([...a.entryIds, ...b.entryIds]).size).toBe(3);
    expect(await tallyRowCounts(w.db)).toEqual({ reports: 2, entries: 3, inbound: 2 });
    const linked = await w.db.orm.select().from(tallyEntries).where(eq(tallyEntries.reportId, b.reportId!));
    expect(linked.map((e) => [e.id, e.unitId, e.count])).toEqual([
      [b.entryIds[0], xuanLap.id, 5],
      [b.entryIds[1], xuanLap.id, 1],
    ]);
  });
});

describe("recordTally atomicity", () => {
  it("writes nothing when one entry fails (unknown unit): no report, no entries, no inbound update", async () => {
    const { xuanThanh } = w.village;
    const before = await tallyRowCounts(w.db);
    const bad = { unitId: 999_999, group: "GD", indicator: "bhyt", count: 1 };
    await expect(recordTally(w.db, report({ entries: [figure(xuanThanh, "GD", 12), bad], inboundKey: "telegram:42" }))).rejects.toThrow(/FOREIGN KEY/);
    expect(await tallyRowCounts(w.db)).toEqual(before);

    // The key was not consumed: the officer's fixed message goes through.
    const retry = await recordTally(w.db, report({ entries: [figure(xuanThanh, "GD", 12)], inboundKey: "telegram:42" }));
    expect(retry.duplicate).toBe(false);
  });

  it("leaves earlier figures active when a correction fails", async () => {
    const { xuanThanh } = w.village;
    await recordTally(w.db, report({ entries: [figure(xuanThanh, "GD", 12)] }));
    const bad = { unitId: 999_999, group: "GD", indicator: "bhyt", count: 1 };
    await expect(recordTally(w.db, report({ entries: [figure(xuanThanh, "GD", 2), bad], mode: "replace" }))).rejects.toThrow();
    expect((await historyOf(w.db, xuanThanh, TODAY, "GD")).map((e) => [e.count, e.status])).toEqual([[12, "active"]]);
  });
});

describe("uniqueConstraintColumns", () => {
  it("reads the failing columns from better-sqlite3's and D1's messages, through causes", () => {
    expect(uniqueConstraintColumns(new Error("UNIQUE constraint failed: tally_reports.id"))).toBe("tally_reports.id");
    const d1 = new Error("D1_ERROR: UNIQUE constraint failed: inbound_updates.channel, inbound_updates.external_id: SQLITE_CONSTRAINT");
    expect(uniqueConstraintColumns(new Error("Failed query: insert …", { cause: d1 }))).toBe("inbound_updates.channel, inbound_updates.external_id");
    expect(uniqueConstraintColumns(new Error("FOREIGN KEY constraint failed"))).toBeUndefined();
  });
});
