/**
 * @module reminder-plan: the daily renewal planner (real, not a dry run) over the whole roster,
 * in a child process for its own peak RSS. Absolute goals: ≤ 2 s and ≤ 250 MB. Rosters of other
 * sizes already in the cache are planned too, to show how the cost grows with scale. Above a
 * million cards (`--scale 10`) the roster is generated inside SQLite (`lib/planner-roster.ts`)
 * unless an imported one is cached: importing ten million through the CLI would take most of an hour.
 */
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { bundle } from "../../src/cli/build";
import { runScript } from "../lib/child";
import { ensurePlannerRoster } from "../lib/planner-roster";
import { ensureRoster, FULL_ROSTER, rosterDir, rosterRows } from "../lib/roster-db";
import { round, type Scenario } from "../lib/scenario";

const TODAY = "2026-06-15";
const GOAL_SECONDS = 2;
const GOAL_RSS_MB = 250;

interface ChildReport {
  cards: number;
  plans: number;
  catchUp: { ms: number; cpuMs: number; queued: number };
  steady: { ms: number; cpuMs: number; queued: number };
  peakRssMb: number;
}

export const reminderPlan: Scenario = {
  name: "reminder-plan",
  describe: "planReminders over the roster: a catch-up day then a steady day (≤ 2 s, ≤ 250 MB)",
  async run(o) {
    const rows = rosterRows(o.scale);
    const imported = existsSync(join(rosterDir(o.workDir, rows, o.seed), "bench.sqlite"));
    const file = rows > FULL_ROSTER && !imported ? ensurePlannerRoster(o.workDir, rows, o.seed, o.log) : await ensureRoster(o.workDir, rows, o.seed, o.log);
    // The planner runs inside the server process, so it is measured as production runs it
    // (`npm start`): a bundle under plain node and the production flags, not under tsx.
    const child = await bundle("bench/scenarios/reminder-plan-child.ts", "dist/bench/reminder-plan-child.mjs");
    const main = await runScript<ChildReport>(child, [file, TODAY]);
    // Every cached roster, imported (`roster-…`) or generated (`planner-roster-…`), keyed by its
    // size and kind; per card and per due reminder, so growth can be read as linear or not.
    const growth: Record<string, { catchUpMs: number; catchUpCpuMs: number; steadyMs: number; steadyCpuMs: number; queuedCatchUp: number; peakRssMb: number; usPerCard: number; usPerReminder: number; cpuUsPerReminder: number }> = {};
    for (const dir of readdirSync(o.workDir).filter((d) => new RegExp(`^(planner-)?roster-\\d+-${o.seed}$`).test(d))) {
      const path = join(o.workDir, dir, "bench.sqlite");
      if (!existsSync(path)) continue;
      const r = path === file ? main : await runScript<ChildReport>(child, [path, TODAY]);
      growth[`${r.cards}${dir.startsWith("planner-") ? " generated" : " imported"}`] = {
        catchUpMs: r.catchUp.ms,
        catchUpCpuMs: r.catchUp.cpuMs,
        steadyMs: r.steady.ms,
        steadyCpuMs: r.steady.cpuMs,
        queuedCatchUp: r.catchUp.queued,
        peakRssMb: r.peakRssMb,
        usPerCard: round((r.catchUp.ms * 1000) / r.cards, 2),
        usPerReminder: round((r.catchUp.ms * 1000) / Math.max(1, r.catchUp.queued), 2),
        cpuUsPerReminder: round((r.catchUp.cpuMs * 1000) / Math.max(1, r.catchUp.queued), 2),
      };
    }
    // The worse of the two days is the figure: a deployment meets the catch-up day at least once.
    const seconds = Math.max(main.catchUp.ms, main.steady.ms) / 1000;
    const met = seconds <= GOAL_SECONDS && main.peakRssMb <= GOAL_RSS_MB;
    return {
      ratio: round(seconds / GOAL_SECONDS, 3),
      goal: GOAL_SECONDS,
      goalKind: "max-value",
      value: round(seconds, 3),
      baseline: GOAL_SECONDS,
      unit: "seconds",
      met,
      peakRssMb: main.peakRssMb,
      rssGoalMb: GOAL_RSS_MB,
      rows,
      roster: imported || rows <= FULL_ROSTER ? "imported" : "generated",
      catchUp: main.catchUp,
      steady: main.steady,
      growth,
    };
  },
};
