/**
 * @module Child process of reminder-plan: plans two days on a roster file and prints one JSON
 * line. Runs alone so its peak RSS is the planner's (plus Node's own ~50 MB).
 *
 *   node --import tsx bench/scenarios/reminder-plan-child.ts <roster.sqlite> <today>
 */
import { planReminders } from "../../src/core/reminders/plan-reminders";
import { addDays } from "../../src/core/time/day-math";
import { peakRssMb } from "../lib/child";
import { openRoster } from "../lib/open-roster";

const [file, today] = process.argv.slice(2) as [string, string];
const { db, protector } = await openRoster(file);
// Start from a roster nobody has planned yet, so every run measures the same two days.
const reset = () => db.sqlite.exec("delete from reminder_plans; delete from outbox_messages where purpose = 'expiry_reminder'");
reset();
const deps = { db, protector, timezone: "Asia/Ho_Chi_Minh", defaultLocale: "vi" as const, smsEnabled: true };
const plan = async (day: string) => {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const summary = await planReminders(deps, { today: day, now: new Date(`${day}T01:00:00Z`) });
  const queued = Object.values(summary.byOffset).reduce((a, b) => a + b, 0);
  // CPU time beside wall time: on a shared machine the wall figure includes waiting for a core.
  const { user, system } = process.cpuUsage(cpu);
  return { day, ms: Math.round(performance.now() - started), cpuMs: Math.round((user + system) / 1000), queued, skipped: summary.skipped, undeliverable: summary.undeliverable };
};
// Day one catches up every open window at once (a first deployment, or a server that was
// down); day two is the steady state: only cards entering a window that day.
const catchUp = await plan(addDays(today, -1));
const steady = await plan(today);
const [{ cards }] = db.sqlite.prepare("select count(*) as cards from cards").all() as [{ cards: number }];
const [{ plans }] = db.sqlite.prepare("select count(*) as plans from reminder_plans").all() as [{ plans: number }];
reset();
db.close();
console.log(JSON.stringify({ cards, plans, catchUp, steady, peakRssMb: peakRssMb() }));
