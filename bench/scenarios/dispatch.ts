/**
 * @module dispatch: queued outbox messages through the real dispatch loop to a fake Bot API
 * that enforces Telegram's limits (30 msg/s overall, 1/s per chat) with 429 + retry_after.
 * The baseline is the limit itself: the goal is ≥ 95% of 30/s with nothing lost or doubled.
 */
import { join } from "node:path";
import { mkdirSync, rmSync } from "node:fs";
import { enqueue } from "../../src/core/outbox/enqueue";
import type { OutboxDraft } from "../../src/core/outbox/types";
import { openSqliteDb, type SqliteDb } from "../../src/entry/sqlite-db";
import { once } from "node:events";
import { nextJson, spawnScript } from "../lib/child";
import { startFakeBotApi, type FakeBotApi } from "../lib/fake-bot-api";
import { pick, seededRandom } from "../lib/random";
import { minRatio, round, type BenchOptions, type Scenario } from "../lib/scenario";

export const LIMIT = { perSecond: 30, perChatPerSecond: 1, retryAfterSeconds: 1 };
/** Enough chats that the per-chat limit is not what binds, as in a real campaign. */
const CHATS = 200;

/** Default dispatch concurrency: the most sends a crash can leave without an outcome, so the duplicates allowed. */
const CONCURRENCY = 4;
/** The kill run's lease: short, so the restarted dispatcher takes over what the killed one had claimed within seconds. */
const KILL_RUN_LEASE_MS = 10_000;

const drafts = (count: number, seed: number, prefix: string): OutboxDraft[] => {
  const random = seededRandom(seed);
  // Officer purpose: quiet hours would otherwise hold resident messages when run at night.
  return Array.from({ length: count }, (_, i) => ({
    idempotencyKey: `${prefix}:${i}`,
    channel: "telegram",
    purpose: "officer_bench",
    templateKey: "bench",
    payload: { text: `${prefix} message ${i}`, chatId: String(9_000_000 + pick(random, CHATS)) },
  }));
};

const countOutcome = (fake: FakeBotApi, count: number) => {
  const delivered = fake.delivered.size;
  return { delivered, lost: count - delivered, duplicates: [...fake.delivered.values()].reduce((a, n) => a + n - 1, 0) };
};

const statusesOf = (db: SqliteDb) =>
  Object.fromEntries((db.sqlite.prepare("select status, count(*) as n from outbox_messages group by status").all() as { status: string; n: number }[]).map((r) => [r.status, r.n]));
const pendingIn = (db: SqliteDb) => (db.sqlite.prepare("select count(*) as n from outbox_messages where status not in ('sent', 'failed', 'cancelled', 'dropped')").get() as { n: number }).n;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export const dispatch: Scenario = {
  name: "dispatch",
  describe: "outbox → fake Bot API enforcing 30/s and 1/s per chat (429 + retry_after); then a run killed with SIGKILL and restarted",
  async run(o) {
    const count = o.dispatchCount;
    const dir = join(o.workDir, "dispatch");
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const main = await dispatchRun(o, join(dir, "outbox.sqlite"), count, "bench", { leaseMs: 120_000 });
    const rate = main.delivered > 1 ? ((main.delivered - 1) * 1000) / main.sendingMs : 0;
    const killCount = o.killRunCount;
    const killRun = await dispatchRun(o, join(dir, "kill.sqlite"), killCount, "kill", { leaseMs: KILL_RUN_LEASE_MS, killAt: Math.max(1, Math.floor(killCount * (0.2 + 0.6 * seededRandom(o.seed + 2)()))) });
    rmSync(dir, { recursive: true, force: true });
    const killMet = killRun.lost === 0 && killRun.duplicates <= CONCURRENCY;
    const result = minRatio(rate, LIMIT.perSecond, 0.95, "messages/s", { count, ...main, killRun: { count: killCount, ...killRun, met: killMet } });
    result.met = result.met && main.lost === 0 && main.duplicates === 0 && killMet;
    return result;
  },
};

/**
 * One run: `count` messages queued, then the Node server's dispatch loop in a child process
 * (`dispatch-child.ts`), so the fake Bot API here has an event loop of its own, as Telegram
 * would. With `killAt`, the child is SIGKILLed once that many messages have arrived and started
 * again; either way it runs until the outbox is empty and is then stopped with SIGTERM.
 */
export async function dispatchRun(o: BenchOptions, file: string, count: number, prefix: string, options: { leaseMs: number; killAt?: number }) {
  const fake = await startFakeBotApi({ limits: LIMIT });
  const db = openSqliteDb(file);
  await enqueue(db, drafts(count, prefix === "bench" ? o.seed : o.seed + 1, prefix));
  const start = async () => {
    const child = spawnScript("scenarios/dispatch-child.ts", [file, fake.apiRoot, String(options.leaseMs)]);
    await nextJson(child);
    return child;
  };
  const started = Date.now();
  const deadline = started + ((count / LIMIT.perSecond) * 2 + 60) * 1000 + options.leaseMs;
  let child = await start();
  let atKill: Record<string, number> | undefined;
  if (options.killAt !== undefined) {
    while (fake.delivered.size < options.killAt && Date.now() < deadline) await sleep(20);
    child.kill("SIGKILL");
    await once(child, "exit");
    atKill = statusesOf(db);
    o.log(`  killed the dispatcher after ${fake.delivered.size} deliveries: ${JSON.stringify(atKill)}`);
    child = await start();
  }
  while (pendingIn(db) > 0 && Date.now() < deadline) await sleep(250);
  child.kill("SIGTERM");
  await once(child, "exit");
  const statuses = statusesOf(db);
  const unfinishedAttempts = (db.sqlite.prepare("select count(*) as n from delivery_attempts where outcome is null").get() as { n: number }).n;
  db.close();
  await fake.close();
  return {
    ...countOutcome(fake, count),
    ...(options.killAt !== undefined ? { killedAfter: options.killAt, atKill, allowedDuplicates: CONCURRENCY, leaseMs: options.leaseMs } : {}),
    rejected429: fake.rejected,
    rejected429By: fake.rejectedBy,
    unfinishedAttempts,
    wallSeconds: round((Date.now() - started) / 1000, 1),
    sendingMs: fake.lastAt - fake.firstAt,
    statuses,
  };
}
