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
import { startFakeBotApi } from "../lib/fake-bot-api";
import { pick, seededRandom } from "../lib/random";
import { minRatio, round, type Scenario } from "../lib/scenario";

const LIMIT = { perSecond: 30, perChatPerSecond: 1, retryAfterSeconds: 1 };
/** Enough chats that the per-chat limit is not what binds, as in a real campaign. */
const CHATS = 200;

export const dispatch: Scenario = {
  name: "dispatch",
  describe: "outbox → fake Bot API enforcing 30/s and 1/s per chat (429 + retry_after)",
  async run(o) {
    const count = o.dispatchCount;
    const fake = await startFakeBotApi({ limits: LIMIT });
    const dir = join(o.workDir, "dispatch");
    rmSync(dir, { recursive: true, force: true });
    const config = parseConfig({ DATABASE_PATH: join(dir, "outbox.sqlite"), TELEGRAM_BOT_TOKEN: "123456:BENCH-token", TELEGRAM_API_ROOT: fake.apiRoot });
    const db = openSqliteDb(config.databasePath);
    const protector = await loadProtector(config);
    const random = seededRandom(o.seed);
    // Officer purpose: quiet hours would otherwise hold resident messages when run at night.
    const drafts: OutboxDraft[] = Array.from({ length: count }, (_, i) => ({
      idempotencyKey: `bench:${i}`,
      channel: "telegram",
      purpose: "officer_bench",
      templateKey: "bench",
      payload: { text: `bench message ${i}`, chatId: String(9_000_000 + pick(random, CHATS)) },
    }));
    await enqueue(db, drafts);
    const started = Date.now();
    const loop = startOutboxDispatch(config, { db, protector, t: createTranslator(loadMessageSources(), config.defaultLocale), logger: silentLogger });
    const deadline = started + ((count / LIMIT.perSecond) * 2 + 30) * 1000;
    const pending = () => (db.sqlite.prepare("select count(*) as n from outbox_messages where status not in ('sent', 'failed', 'cancelled', 'dropped')").get() as { n: number }).n;
    while (pending() > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    await loop?.stop();
    const statuses = Object.fromEntries((db.sqlite.prepare("select status, count(*) as n from outbox_messages group by status").all() as { status: string; n: number }[]).map((r) => [r.status, r.n]));
    db.close();
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
    const delivered = fake.delivered.size;
    const duplicates = [...fake.delivered.values()].reduce((a, n) => a + n - 1, 0);
    const lost = count - delivered;
    const rate = delivered > 1 ? ((delivered - 1) * 1000) / (fake.lastAt - fake.firstAt) : 0;
    const result = minRatio(rate, LIMIT.perSecond, 0.95, "messages/s", {
      count,
      delivered,
      lost,
      duplicates,
      rejected429: fake.rejected,
      rejected429By: fake.rejectedBy,
      wallSeconds: round((Date.now() - started) / 1000, 1),
      statuses,
    });
    result.met = result.met && lost === 0 && duplicates === 0;
    return result;
  },
};
