import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { dailyUtcCron, dueTimes, JOB_TIMES, jobTime } from "../../../src/core/schedule/job-times";
import { runDueJobs, type DailyJob } from "../../../src/core/schedule/daily-jobs";
import { scheduledJobs } from "../../../src/core/schedule/scheduled-jobs";
import { provinceRollupJob } from "../../../src/core/shards/province-rollup";
import { KICK_CRON } from "../../../src/entry/cron-triggers";
import { createTestDb } from "../../helpers/test-db";

const TZ = "Asia/Ho_Chi_Minh";
const HANOI_OFFSET = 7 * 60;

/** The `crons = [...]` of wrangler.toml's [triggers]. */
function wranglerCrons(): string[] {
  const toml = readFileSync(new URL("../../../wrangler.toml", import.meta.url), "utf8");
  const line = /^crons\s*=\s*\[(.*)\]\s*$/m.exec(toml);
  if (!line) throw new Error("wrangler.toml has no crons = [...] line");
  return [...line[1]!.matchAll(/"([^"]+)"/g)].map((m) => m[1]!);
}

/** The scheduled time (ms) a daily UTC cron "m h * * *" fires on `day`. */
function firesAt(cron: string, day: string): number {
  const [minute, hour] = cron.split(" ").map(Number);
  return Date.parse(`${day}T${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}:00Z`);
}

describe("JOB_TIMES and wrangler.toml", () => {
  it("has exactly one daily Cron Trigger per local job time, plus the kick-only trigger", () => {
    const expected = dueTimes().map((at) => dailyUtcCron(at, HANOI_OFFSET));
    const crons = wranglerCrons();
    expect(crons).toContain(KICK_CRON);
    // Both directions: a job time without its trigger, and a trigger no job needs.
    expect(crons.filter((c) => c !== KICK_CRON).sort()).toEqual([...expected].sort());
    expect(new Set(crons).size).toBe(crons.length);
  });

  it("wrangler.toml's TIMEZONE is the zone the crons are written for", () => {
    const toml = readFileSync(new URL("../../../wrangler.toml", import.meta.url), "utf8");
    expect(/^TIMEZONE = "(.+)"$/m.exec(toml)?.[1]).toBe(TZ);
  });

  it("docs/workers.md lists each daily cron with its local time and the jobs it serves", () => {
    const doc = readFileSync(new URL("../../../docs/workers.md", import.meta.url), "utf8");
    const rows = [...doc.matchAll(/^\| `([^`]+)` \| (\d\d:\d\d) \| ([a-z_, ]+?)(?: \(|\s*\|)/gm)].map((m) => ({ cron: m[1], at: m[2], jobs: m[3]!.split(/,\s*/) }));
    const expected = dueTimes().map((at) => ({
      cron: dailyUtcCron(at, HANOI_OFFSET),
      at,
      jobs: Object.entries(JOB_TIMES)
        .filter(([, t]) => t.at === at)
        .map(([name]) => name),
    }));
    expect(rows).toEqual(expected);
    expect(doc).toContain(`| \`${KICK_CRON}\` |`);
  });

  it("converts local times to UTC crons across midnight", () => {
    expect(dailyUtcCron("00:00", HANOI_OFFSET)).toBe("0 17 * * *");
    expect(dailyUtcCron("07:30", HANOI_OFFSET)).toBe("30 0 * * *");
    expect(dailyUtcCron("22:15", HANOI_OFFSET)).toBe("15 15 * * *");
  });

  it("every daily job takes its times from the table", () => {
    const deps = { db: createTestDb() } as unknown as Parameters<typeof scheduledJobs>[0];
    const jobs: DailyJob[] = [...scheduledJobs(deps), provinceRollupJob({ db: deps.db, national: {} as never, shard: "P38", timezone: TZ })];
    expect(Object.fromEntries(jobs.map((j) => [j.name, { at: j.at, until: j.until }]))).toEqual(
      Object.fromEntries(Object.keys(JOB_TIMES).map((name) => [name, { at: jobTime(name as keyof typeof JOB_TIMES).at, until: jobTime(name as keyof typeof JOB_TIMES).until }])),
    );
  });

  it("on Workers, each job runs at the trigger of its own local time, once that day", async () => {
    const db = createTestDb();
    const ranAt: Record<string, string> = {};
    const day = new Date().toISOString().slice(0, 10);
    const jobs: DailyJob[] = Object.keys(JOB_TIMES).map((name) => ({ ...jobTime(name as keyof typeof JOB_TIMES), run: async () => ({}) }));
    // The day's triggers in local order: 00:00 local is 17:00 UTC of the day before.
    const triggers = wranglerCrons()
      .filter((c) => c !== KICK_CRON)
      .map((cron) => ({ cron, at: firesAt(cron, day) - (cron === dailyUtcCron("00:00", HANOI_OFFSET) ? 86_400_000 : 0) }))
      .sort((a, b) => a.at - b.at);
    for (const trigger of triggers) {
      const local = new Date(trigger.at + HANOI_OFFSET * 60_000).toISOString().slice(11, 16);
      for (const outcome of await runDueJobs(db, jobs, { now: new Date(trigger.at), timezone: TZ })) {
        expect(outcome).toMatchObject({ ran: true, today: day });
        ranAt[outcome.name] = local;
      }
    }
    expect(ranAt).toEqual(Object.fromEntries(Object.entries(JOB_TIMES).map(([name, t]) => [name, t.at])));
  });
});
