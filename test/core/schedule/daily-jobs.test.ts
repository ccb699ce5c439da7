import { describe, expect, it } from "vitest";
import { runDueJobs, type DailyJob } from "../../../src/core/schedule/daily-jobs";
import { createTestDb } from "../../helpers/test-db";

const TZ = "Asia/Ho_Chi_Minh";
function job(runs: string[]): DailyJob {
  return { name: "nudge", at: "16:00", until: "20:00", run: async ({ today }) => (runs.push(today), { ok: 1 }) };
}

describe("runDueJobs", () => {
  it("runs a job once a local day from its time on, and catches up after downtime before its deadline", async () => {
    const db = createTestDb();
    const runs: string[] = [];
    const jobs = [job(runs)];
    await runDueJobs(db, jobs, { now: new Date("2025-11-15T08:59:00Z"), timezone: TZ }); // 15:59
    expect(runs).toEqual([]);
    await runDueJobs(db, jobs, { now: new Date("2025-11-15T11:30:00Z"), timezone: TZ }); // 18:30, server was down at 16:00
    await runDueJobs(db, jobs, { now: new Date("2025-11-15T12:00:00Z"), timezone: TZ });
    expect(runs).toEqual(["2025-11-15"]);
    await runDueJobs(db, jobs, { now: new Date("2025-11-16T09:00:00Z"), timezone: TZ });
    expect(runs).toEqual(["2025-11-15", "2025-11-16"]);
  });

  it("skips (and says so) a day whose deadline passed before the server came back", async () => {
    const db = createTestDb();
    const runs: string[] = [];
    const outcomes = await runDueJobs(db, [job(runs)], { now: new Date("2025-11-15T14:00:00Z"), timezone: TZ }); // 21:00
    expect(runs).toEqual([]);
    expect(outcomes).toEqual([{ name: "nudge", today: "2025-11-15", ran: false, skipped: "late" }]);
  });
});
