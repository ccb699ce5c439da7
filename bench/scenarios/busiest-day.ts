/**
 * @module busiest-day: the peak outreach month's busiest day for one large province, in three
 * measured parts and one sum.
 *
 * 1. The morning plan: `planReminders` (the production bundle, `reminder-plan-child`) on a
 *    generated roster of 2 M cards × scale, a catch-up day and a steady day; the steady day's
 *    reminders are the day's renewal messages. The campaign's daily share is read from the same
 *    roster: households with a card ended in the last year and not renewed (the "expired"
 *    audience), spread over a week by a cap of one message a week.
 * 2. Sending while people write: the webhook-ingest load (officers' tallies, residents'
 *    look-ups) against the Node app while the app's own dispatch loop, in another process on the
 *    same database file, drains a backlog to a fake Bot API enforcing Telegram's limits. The
 *    webhook's req/s and p99 with and without dispatch, the rate dispatch kept meanwhile, and
 *    the outbox lag (the oldest message still due) when the load stops.
 * 3. The sum: the day's messages against what 08:00–20:00 carries at the rates that apply (SMS at
 *    the gateway's contracted rate, `--sms-rate`, default 10/s; Telegram at the measured rate).
 *    Goal: everything due that day fits inside its send window.
 */
import { once } from "node:events";
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { bundle } from "../../src/cli/build";
import { enqueue } from "../../src/core/outbox/enqueue";
import { openSqliteDb } from "../../src/entry/sqlite-db";
import { nextJson, runScript, spawnScript } from "../lib/child";
import { startFakeBotApi } from "../lib/fake-bot-api";
import { ensurePlannerRoster } from "../lib/planner-roster";
import { round, type Scenario } from "../lib/scenario";
import { LIMIT } from "./dispatch";
import { LATENCY_LOAD, loadServer } from "./webhook-ingest";

const PROVINCE_CARDS = 2_000_000;
const TODAY = "2026-11-16";
const OFFICERS = 32;
/** 08:00–20:00: when resident messages may leave (quiet hours and Zalo's promotional window). */
const WINDOW_SECONDS = 12 * 3_600;
const CAMPAIGN_WEEKLY_CAP = 1;

interface PlanReport {
  cards: number;
  catchUp: { ms: number; cpuMs: number; queued: number };
  steady: { ms: number; cpuMs: number; queued: number };
  peakRssMb: number;
}

/** Households whose newest card ended in the year before `today`: the campaign's "expired" audience. */
function expiredHouseholds(file: string, today: string): number {
  const db = new Database(file, { readonly: true });
  try {
    const since = new Date(Date.parse(`${today}T00:00:00Z`) - 365 * 86_400_000).toISOString().slice(0, 10);
    return db
      .prepare(`select count(*) from (select p.household_id from cards c join people p on p.id = c.person_id where p.household_id is not null group by p.household_id having max(c.valid_to) >= ? and max(c.valid_to) < ?)`)
      .pluck()
      .get(since, today) as number;
  } finally {
    db.close();
  }
}

export const busiestDay: Scenario = {
  name: "busiest-day",
  describe: "a 2M-card province's peak-month day: morning plan, campaign share, dispatch while webhooks arrive, and whether the day fits 08:00–20:00",
  async run(o) {
    const cards = Math.round(PROVINCE_CARDS * o.scale);
    const smsRate = Number(process.env.BENCH_SMS_RATE ?? 10);
    // 1. The morning plan and the campaign's share.
    const roster = ensurePlannerRoster(o.workDir, cards, o.seed, o.log);
    const planChild = await bundle("bench/scenarios/reminder-plan-child.ts", "dist/bench/reminder-plan-child.mjs");
    const plan = await runScript<PlanReport>(planChild, [roster, TODAY]);
    const expired = expiredHouseholds(roster, TODAY);
    const campaignPerDay = Math.ceil((expired * CAMPAIGN_WEEKLY_CAP) / 7);
    o.log(`  plan: ${JSON.stringify(plan)}; campaign audience ${expired} households, ${campaignPerDay} a day`);

    // 2. Sending while people write.
    const appServer = await bundle("bench/servers/app-server.ts", "dist/bench/app-server.mjs");
    const fakeChild = spawnScript("servers/fake-bot-api-server.ts", []);
    const fakeForLoad = await nextJson<{ apiRoot: string }>(fakeChild);
    const dir = join(o.workDir, "busiest-day");
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const limited = await startFakeBotApi({ limits: LIMIT });
    try {
      await runScript(appServer, [dir, fakeForLoad.apiRoot, String(OFFICERS)], { BENCH_PREPARE_ONLY: "1" });
      // A short first load warms the database file's pages, so the two measured runs start alike.
      await loadServer(appServer, [dir, fakeForLoad.apiRoot, String(OFFICERS)], o.seed + 2, Math.min(3, o.durationSec));
      const quiet = await loadServer(appServer, [dir, fakeForLoad.apiRoot, String(OFFICERS)], o.seed, o.durationSec, {}, (saturated) => saturated.requestsPerSec * LATENCY_LOAD);
      // A backlog larger than the load lasts (saturating run, warm-up, open-loop run): dispatch is busy the whole time.
      const backlog = Math.ceil(LIMIT.perSecond * (o.durationSec * 2 + 2) * 1.5);
      const file = join(dir, "app.sqlite");
      const db = openSqliteDb(file);
      await enqueue(db, Array.from({ length: backlog }, (_, i) => ({ idempotencyKey: `peak:${i}`, channel: "telegram" as const, purpose: "officer_bench", templateKey: "bench", payload: { text: `peak message ${i}`, chatId: String(8_000_000 + (i % 500)) } })));
      const dispatcher = spawnScript("scenarios/dispatch-child.ts", [file, limited.apiRoot, "120000"]);
      await nextJson(dispatcher);
      const started = Date.now();
      const busy = await loadServer(appServer, [dir, fakeForLoad.apiRoot, String(OFFICERS)], o.seed + 1, o.durationSec, {}, quiet.atRate!.ratePerSec);
      const loadEnded = Date.now();
      const sentDuringLoad = limited.delivered.size;
      const oldestDue = db.sqlite.prepare("select min(not_before) from outbox_messages where status in ('pending', 'sending') and purpose = 'officer_bench'").pluck().get() as number | null;
      dispatcher.kill("SIGTERM");
      await once(dispatcher, "exit");
      db.close();
      const dispatchRate = sentDuringLoad / ((loadEnded - started) / 1000);
      const lagSeconds = oldestDue === null ? 0 : round((loadEnded - oldestDue) / 1000, 1);

      // 3. The sum: SMS carries the roster-phone reminders and the campaign.
      const due = plan.steady.queued + campaignPerDay;
      const smsSeconds = due / smsRate;
      const fits = smsSeconds <= WINDOW_SECONDS;
      const p99Ratio = quiet.atRate!.p99Ms > 0 ? busy.atRate!.p99Ms / quiet.atRate!.p99Ms : 0;
      return {
        ratio: round(smsSeconds / WINDOW_SECONDS, 3),
        goal: WINDOW_SECONDS / 3_600,
        goalKind: "max-value",
        value: round(smsSeconds / 3_600, 2),
        baseline: WINDOW_SECONDS / 3_600,
        unit: "hours of sending",
        met: fits && busy.errors + busy.non2xx + busy.timeouts + busy.atRate!.errors === 0,
        cards: plan.cards,
        morningPlan: { catchUp: plan.catchUp, steady: plan.steady, peakRssMb: plan.peakRssMb },
        campaign: { expiredHouseholds: expired, weeklyCap: CAMPAIGN_WEEKLY_CAP, perDay: campaignPerDay },
        day: { due, smsRatePerSecond: smsRate, smsHours: round(smsSeconds / 3_600, 2), windowHours: WINDOW_SECONDS / 3_600, fits },
        webhooks: {
          // Saturating (32 connections) and, in `atRate`, open-loop at half the quiet run's throughput.
          withoutDispatch: { requestsPerSec: quiet.requestsPerSec, p50Ms: quiet.p50Ms, p99Ms: quiet.p99Ms, atRate: quiet.atRate },
          whileDispatching: { requestsPerSec: busy.requestsPerSec, p50Ms: busy.p50Ms, p99Ms: busy.p99Ms, errors: busy.errors + busy.non2xx + busy.timeouts + busy.atRate!.errors, atRate: busy.atRate },
          p99Ratio: round(p99Ratio, 2),
        },
        dispatchWhileLoaded: { backlog, sent: sentDuringLoad, ratePerSecond: round(dispatchRate, 2), limit: LIMIT.perSecond, outboxLagSeconds: lagSeconds, rejected429: limited.rejected },
      };
    } finally {
      await limited.close();
      fakeChild.stdin!.end();
      await once(fakeChild, "exit");
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
