/**
 * @module dispatch-worker: queued Telegram messages sent by the real Worker's queue consumer
 * (`wrangler dev`: workerd, local D1 and Queues) to the same fake Bot API the `dispatch`
 * scenario uses (30 msg/s overall, 1/s per chat, 429 + retry_after), against the Node dispatch
 * loop on the same number of messages in the same run. The Worker is woken the way production
 * wakes it: the safety-net Cron Trigger sends a kick, each consumer run sends at most 100
 * messages and kicks again while work remains. Informative (goal 0): local workerd is not the
 * edge, but a consumer that stalls between runs shows up here as a rate far below the Node loop's.
 */
import { KICK_CRON } from "../../src/entry/cron-triggers";
import { createLocalState, startRealWorker } from "../../test/helpers/real-worker";
import { startFakeBotApi } from "../lib/fake-bot-api";
import { minRatio, round, type Scenario } from "../lib/scenario";
import { dispatchRun, LIMIT } from "./dispatch";
import { join } from "node:path";
import { mkdirSync, rmSync } from "node:fs";

/** Enough for several consumer runs (100 messages each) without making the run minutes long. */
const MAX_COUNT = 1_200;
const CHATS = 200;
const key = (fill: number) => Buffer.alloc(32, fill).toString("base64");
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** `count` officer messages to 200 chats, written in the Worker's local D1 by one statement. */
const queueSql = (count: number, now: number) => `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ${count - 1})
INSERT INTO outbox_messages (idempotency_key, channel, purpose, template_key, payload, status, not_before, attempts, created_at, updated_at)
SELECT 'worker:' || i, 'telegram', 'officer_bench', 'bench', json_object('text', 'worker message ' || i, 'chatId', CAST(${9_000_000} + (i * 7919) % ${CHATS} AS TEXT)), 'pending', ${now}, 0, ${now}, ${now} FROM n`;

export const dispatchWorker: Scenario = {
  name: "dispatch-worker",
  describe: "outbox → fake Bot API (30/s, 1/s per chat) through the Worker's queue consumer (wrangler dev) vs the Node dispatch loop, same count",
  async run(o) {
    const count = Math.min(o.dispatchCount, MAX_COUNT);
    const dir = join(o.workDir, "dispatch-worker");
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const node = await dispatchRun(o, join(dir, "node.sqlite"), count, "node", { leaseMs: 120_000 });
    const nodeRate = node.delivered > 1 ? ((node.delivered - 1) * 1000) / node.sendingMs : 0;
    o.log(`  node: ${JSON.stringify({ delivered: node.delivered, rate: round(nodeRate, 2) })}`);

    const fake = await startFakeBotApi({ limits: LIMIT });
    const state = await createLocalState({
      DATA_ENCRYPTION_KEY: key(3),
      BLIND_INDEX_KEY: key(4),
      TELEGRAM_BOT_TOKEN: "123456:BENCH-token",
      TELEGRAM_WEBHOOK_SECRET: "bench-webhook-secret",
      TELEGRAM_API_ROOT: fake.apiRoot,
      QUIET_HOURS: "off",
      LOG_LEVEL: "error",
    });
    try {
      await state.query(queueSql(count, Date.now()));
      const worker = await startRealWorker(state);
      try {
        const woken = Date.now();
        const kick = await fetch(`${worker.url}/__scheduled?cron=${encodeURIComponent(KICK_CRON)}`);
        if (!kick.ok) throw new Error(`the scheduled kick answered ${kick.status}`);
        const deadline = woken + ((count / LIMIT.perSecond) * 3 + 120) * 1000;
        while (fake.delivered.size < count && Date.now() < deadline) await sleep(250);
        const delivered = fake.delivered.size;
        const duplicates = [...fake.delivered.values()].reduce((a, n) => a + n - 1, 0);
        const sendingMs = fake.lastAt - fake.firstAt;
        const rate = delivered > 1 ? ((delivered - 1) * 1000) / sendingMs : 0;
        const worker429 = fake.rejected;
        o.log(`  worker: ${JSON.stringify({ delivered, rate: round(rate, 2), firstSendAfterKickMs: fake.firstAt - woken, rejected429: worker429 })}`);
        return minRatio(rate, nodeRate, 0, "messages/s", {
          count,
          worker: { delivered, lost: count - delivered, duplicates, rate: round(rate, 2), firstSendAfterKickMs: fake.firstAt - woken, sendingMs, rejected429: worker429 },
          node: { delivered: node.delivered, lost: node.lost, duplicates: node.duplicates, rate: round(nodeRate, 2), rejected429: node.rejected429 },
        });
      } finally {
        await worker.stop();
      }
    } finally {
      await fake.close();
      await state.remove();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
