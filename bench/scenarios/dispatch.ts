/**
 * @module dispatch: queued outbox messages through the real dispatch loop to a fake Bot API
 * that enforces Telegram's limits (30 msg/s overall, 1/s per chat) with 429 + retry_after.
 * The baseline is the limit itself: the goal is ≥ 95% of 30/s with nothing lost or doubled.
 */
import { join } from "node:path";
import { rmSync } from "node:fs";
import { parseConfig } from "../../src/config";
import { enqueue } from "../../src/core/outbox/enqueue";
import type { OutboxDraft } from "../../src/core/outbox/types";
import { loadMessageSources, loadProtector } from "../../src/entry/node-support";
import { startOutboxDispatch } from "../../src/entry/outbox-dispatch";
import { openSqliteDb } from "../../src/entry/sqlite-db";
import { createTranslator } from "../../src/i18n/translate";
import { silentLogger } from "../../src/logger";
import { once } from "node:events";
import type { SqliteDb } from "../../src/entry/sqlite-db";
import { nextJson, spawnScript } from "../lib/child";
import { startFakeBotApi, type FakeBotApi } from "../lib/fake-bot-api";
import { pick, seededRandom } from "../lib/random";
import { minRatio, round, type BenchOptions, type Scenario } from "../lib/scenario";

const LIMIT = { perSecond: 30, perChatPerSecond: 1, retryAfterSeconds: 1 };
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
    const fake = await startFakeBotApi({ limits: LIMIT });
    const dir = join(o.workDir, "dispatch");
    rmSync(dir, { recursive: true, force: true });
    const config = parseConfig({ DATABASE_PATH: join(dir, "outbox.sqlite"), TELEGRAM_BOT_TOKEN: "123456:BENCH-token", TELEGRAM_API_ROOT: fake.apiRoot });
    const db = openSqliteDb(config.databasePath);
    const protector = await loadProtector(config);
    await enqueue(db, drafts(count, o.seed, "bench"));
    const started = Date.now();
    const loop = startOutboxDispatch(config, { db, protector, t: createTranslator(loadMessageSources(), config.defaultLocale), logger: silentLogger });
    const deadline = started + ((count / LIMIT.perSecond) * 2 + 30) * 1000;
    while (pendingIn(db) > 0 && Date.now() < deadline) await sleep(250);
    await loop?.stop();
    const statuses = statusesOf(db);
    db.close();
    await fake.close();
    const main = countOutcome(fake, count);
    const rate = main.delivered > 1 ? ((main.delivered - 1) * 1000) / (fake.lastAt - fake.firstAt) : 0;
    const killRun = await killAndRestart(o, join(dir, "kill.sqlite"), count);
    rmSync(dir, { recursive: true, force: true });
    const result = minRatio(rate, LIMIT.perSecond, 0.95, "messages/s", {
      count,
      ...main,
      rejected429: fake.rejected,
      rejected429By: fake.rejectedBy,
      wallSeconds: round((Date.now() - started) / 1000, 1),
      statuses,
      killRun,
    });
    result.met = result.met && main.lost === 0 && main.duplicates === 0 && killRun.met;
    return result;
  },
};

/**
 * The crash run: the dispatcher in a child process, SIGKILLed once a seeded random share
 * (20–80%) of the messages has arrived, then started again until the outbox is empty. Goal: 0
 * lost, duplicates ≤ concurrency (only sends in flight at the kill can arrive twice).
 */
async function killAndRestart(o: BenchOptions, file: string, count: number) {
  const fake = await startFakeBotApi({ limits: LIMIT });
  const db = openSqliteDb(file);
  await enqueue(db, drafts(count, o.seed + 1, "kill"));
  const killAt = Math.max(1, Math.floor(count * (0.2 + 0.6 * seededRandom(o.seed + 2)())));
  const start = async () => {
    const child = spawnScript("scenarios/dispatch-child.ts", [file, fake.apiRoot, String(KILL_RUN_LEASE_MS)]);
    await nextJson(child);
    return child;
  };
  const started = Date.now();
  const deadline = started + ((count / LIMIT.perSecond) * 2 + 60) * 1000 + KILL_RUN_LEASE_MS;
  const first = await start();
  while (fake.delivered.size < killAt && Date.now() < deadline) await sleep(20);
  first.kill("SIGKILL");
  await once(first, "exit");
  const atKill = statusesOf(db);
  o.log(`  killed the dispatcher after ${fake.delivered.size} deliveries: ${JSON.stringify(atKill)}`);
  const second = await start();
  while (pendingIn(db) > 0 && Date.now() < deadline) await sleep(250);
  second.kill("SIGTERM");
  await once(second, "exit");
  const statuses = statusesOf(db);
  const unfinishedAttempts = (db.sqlite.prepare("select count(*) as n from delivery_attempts where outcome is null").get() as { n: number }).n;
  db.close();
  await fake.close();
  const outcome = countOutcome(fake, count);
  return {
    killedAfter: killAt,
    atKill,
    ...outcome,
    allowedDuplicates: CONCURRENCY,
    unfinishedAttempts,
    leaseMs: KILL_RUN_LEASE_MS,
    wallSeconds: round((Date.now() - started) / 1000, 1),
    statuses,
    met: outcome.lost === 0 && outcome.duplicates <= CONCURRENCY,
  };
}
