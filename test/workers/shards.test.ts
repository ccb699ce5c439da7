import { applyD1Migrations, createExecutionContext, createMessageBatch, createScheduledController, getQueueResult, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { adminUnits, outboxMessages } from "../../src/db/schema";
import { enqueueSteps } from "../../src/core/outbox/enqueue";
import { createD1Db } from "../../src/entry/d1-db";
import { createD1National } from "../../src/entry/d1-national";
import { createProtector } from "../../src/core/privacy/protector";
import { createInvite } from "../../src/core/officers/invites";
import { seedDemo } from "../../src/core/demo/seed-demo";
import worker from "../../src/entry/worker";
import { runScheduled } from "../../src/entry/worker-cron";
import type { Env } from "../../src/entry/worker-env";
import { DISPATCH_QUEUE_NAME, type DispatchJob } from "../../src/entry/queue-dispatch";
import { DAILY_QUEUE_NAME, type DailyKick } from "../../src/entry/shard-daily";

const base64 = (fill: number) => btoa(String.fromCharCode(...new Uint8Array(32).fill(fill)));
const TELEGRAM_ROOT = "https://telegram.test";
const SECRET = "shard-webhook-secret";
const p12 = createD1Db(env.DB_P12!);
const p38 = createD1Db(env.DB_P38!);
const p52 = createD1Db(env.DB_P52!);
const national = createD1National(env.NATIONAL_DB!);

/** Three provinces (Lai Châu 12, Thanh Hóa 38, Gia Lai 52), each its own D1 database, plus the national one. */
const shardedEnv: Env = {
  ...env,
  SHARDING: "province",
  DEFAULT_SHARD: "38",
  DATA_ENCRYPTION_KEY: base64(3),
  BLIND_INDEX_KEY: base64(4),
  DATA_KEY_ID: "shard",
  TELEGRAM_BOT_TOKEN: "123456:shard-test",
  TELEGRAM_WEBHOOK_SECRET: SECRET,
  TELEGRAM_API_ROOT: TELEGRAM_ROOT,
  QUIET_HOURS: "off",
  LOG_LEVEL: "error",
  DISPATCH_QUEUE: undefined,
};

/** Replies the Worker sends to the (fake) Bot API, per chat. */
const replies: { chatId: string; text: string }[] = [];
const repliesTo = (chatId: number) => replies.filter((r) => r.chatId === String(chatId)).map((r) => r.text);

let updateId = 1;
/** One Telegram text message from `from`, at 10:00 Hà Nội on 15/11/2025, through the Worker's fetch. */
async function send(from: number, text: string): Promise<Response> {
  const update = {
    update_id: updateId++,
    message: { message_id: updateId, date: Date.parse("2025-11-15T03:00:00Z") / 1000, chat: { id: from, type: "private" }, from: { id: from, is_bot: false, first_name: `Cán bộ ${from}`, language_code: "vi" }, text },
  };
  const ctx = createExecutionContext();
  const response = await worker.fetch(
    new Request("https://bhyt.test/webhooks/telegram", { method: "POST", headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET }, body: JSON.stringify(update) }),
    shardedEnv,
    ctx,
  );
  await waitOnExecutionContext(ctx);
  return response;
}

const count = async (db: typeof p12, query: ReturnType<typeof sql>) => Number((await db.orm.all<{ n: number }>(query))[0]?.n ?? 0);
const provinceOf = async (key: number) =>
  (await national.orm.all<{ p: string }>(sql`select shard_key as p from national_identities where channel = 'telegram' and external_key = ${String(key)}`))[0]?.p;

let invite12: string;
let invite38: string;

beforeAll(async () => {
  await applyD1Migrations(env.DB_P12!, env.TEST_MIGRATIONS);
  await applyD1Migrations(env.DB_P38!, env.TEST_MIGRATIONS);
  await applyD1Migrations(env.DB_P52!, env.TEST_MIGRATIONS);
  await applyD1Migrations(env.NATIONAL_DB!, env.TEST_NATIONAL_MIGRATIONS);
  const protector = await createProtector({ dataKey: new Uint8Array(32).fill(3), indexKey: new Uint8Array(32).fill(4), keyId: "shard" });
  // Thanh Hóa: the demo commune Ngọc Phụng with its villages (Xuân Thành…) and roster.
  await seedDemo({ db: p38, protector, today: "2025-11-15" });
  const [commune38] = await p38.orm.select().from(adminUnits).where(sql`${adminUnits.level} = 'commune' and ${adminUnits.provinceCode} = '38'`).limit(1);
  // Lai Châu: one commune with one village, and nothing else.
  const [province] = await p12.orm.insert(adminUnits).values({ code: "12", name: "Lai Châu", level: "province", searchKey: "lai chau", provinceCode: "12" }).returning();
  const [commune12] = await p12.orm.insert(adminUnits).values({ code: "12-09-01", name: "Bản Mẫu", kind: "xã", level: "commune", parentId: province!.id, searchKey: "ban mau", provinceCode: "12" }).returning();
  await p12.orm.insert(adminUnits).values({ code: "12-09-01-01", name: "Bản Hon", kind: "bản", level: "village", parentId: commune12!.id, searchKey: "ban hon", provinceCode: "12" });
  const now = new Date("2025-11-15T01:00:00Z");
  invite12 = (await createInvite(p12, protector, { communeId: commune12!.id, role: "commune", now })).code;
  invite38 = (await createInvite(p38, protector, { communeId: commune38!.id, role: "commune", now })).code;
  vi.stubGlobal("fetch", async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    if (!request.url.startsWith(`${TELEGRAM_ROOT}/bot`)) throw new Error(`unexpected fetch ${request.url}`);
    const body = (await request.json()) as { chat_id: number; text: string };
    replies.push({ chatId: String(body.chat_id), text: body.text });
    return Response.json({ ok: true, result: { message_id: replies.length, date: 0, chat: { id: body.chat_id, type: "private" }, text: body.text } });
  });
});

afterAll(() => vi.unstubAllGlobals());

describe("province shards on workerd: three province D1 databases and a national one", () => {
  it("routes an invite to the province that issued it and remembers the sender there only", async () => {
    expect((await send(1201, `/start ${invite12}`)).status).toBe(200);
    expect((await send(3801, `/start ${invite38}`)).status).toBe(200);
    expect(await provinceOf(1201)).toBe("12");
    expect(await provinceOf(3801)).toBe("38");
    // Each officer exists in their province's database, and only there.
    expect(await count(p12, sql`select count(*) as n from channel_identities where external_key = '1201'`)).toBe(1);
    expect(await count(p38, sql`select count(*) as n from channel_identities where external_key = '1201'`)).toBe(0);
    expect(await count(p38, sql`select count(*) as n from channel_identities where external_key = '3801'`)).toBe(1);
    expect(await count(p12, sql`select count(*) as n from channel_identities where external_key = '3801'`)).toBe(0);
    expect(repliesTo(1201).length).toBeGreaterThan(0);
  });

  it("records a Lai Châu officer's tally in Lai Châu and lets them touch nothing in Thanh Hóa", async () => {
    const before38 = await count(p38, sql`select count(*) as n from tally_entries`);
    expect((await send(1201, "Bản Hon GD 5")).status).toBe(200);
    expect(await count(p12, sql`select coalesce(sum(count), 0) as n from tally_entries where status = 'active'`)).toBe(5);
    // A Thanh Hóa village named by the Lai Châu officer: their province has no such village.
    const sentBefore = repliesTo(1201).length;
    expect((await send(1201, "Xuân Thành GD 3")).status).toBe(200);
    expect(await count(p38, sql`select count(*) as n from tally_entries`)).toBe(before38);
    expect(await count(p12, sql`select coalesce(sum(count), 0) as n from tally_entries where status = 'active'`)).toBe(5);
    const answer = repliesTo(1201).slice(sentBefore).join("\n");
    expect(answer).toContain("Bản Hon");
    expect(answer).not.toMatch(/đã ghi|Đã ghi/);
    // The Thanh Hóa officer reports in Thanh Hóa.
    expect((await send(3801, "Xuân Thành GD 3")).status).toBe(200);
    expect(await count(p38, sql`select count(*) as n from tally_entries where status = 'active'`)).toBe(before38 + 1);
    expect(await count(p12, sql`select coalesce(sum(count), 0) as n from tally_entries where status = 'active'`)).toBe(5);
  });

  it("starts an unknown sender in the default province without binding them anywhere", async () => {
    expect((await send(9901, "xin chào")).status).toBe(200);
    expect(repliesTo(9901).length).toBeGreaterThan(0);
    expect(await provinceOf(9901)).toBeUndefined();
    expect(await count(p12, sql`select count(*) as n from channel_identities where external_key = '9901'`)).toBe(0);
  });

  it("moves an officer to the province whose invite they redeem, and their reports with them", async () => {
    const protector = await createProtector({ dataKey: new Uint8Array(32).fill(3), indexKey: new Uint8Array(32).fill(4), keyId: "shard" });
    const [commune38] = await p38.orm.select().from(adminUnits).where(sql`${adminUnits.level} = 'commune' and ${adminUnits.provinceCode} = '38'`).limit(1);
    const invite = (await createInvite(p38, protector, { communeId: commune38!.id, role: "commune", now: new Date("2025-11-15T01:00:00Z") })).code;
    expect((await send(1201, `/start ${invite}`)).status).toBe(200);
    expect(await provinceOf(1201)).toBe("38");
    const before38 = await count(p38, sql`select coalesce(sum(count), 0) as n from tally_entries where status = 'active'`);
    expect((await send(1201, "Xuân Thành GD 2")).status).toBe(200);
    expect(await count(p38, sql`select coalesce(sum(count), 0) as n from tally_entries where status = 'active'`)).toBe(before38 + 2);
    expect(await count(p12, sql`select coalesce(sum(count), 0) as n from tally_entries where status = 'active'`)).toBe(5);
  });

  it("wakes only the shards with work for a broadcast kick, and serves every named shard of a batch without forwarding", async () => {
    const sent: DispatchJob[] = [];
    const queue = {
      send: async (body: DispatchJob) => void sent.push(body),
      sendBatch: async (messages: Iterable<MessageSendRequest<DispatchJob>>) => void sent.push(...[...messages].map((m) => m.body)),
    } as unknown as Queue<DispatchJob>;
    const queued: Env = { ...shardedEnv, DISPATCH_QUEUE: queue };
    const kick = (id: string, shard?: string) => ({ id, timestamp: new Date(), attempts: 1, body: { kind: "dispatch", reason: "cron", at: new Date().toISOString(), ...(shard ? { shard } : {}) } as DispatchJob });
    const run = async (messages: ReturnType<typeof kick>[]) => {
      const batch = createMessageBatch<DispatchJob>(DISPATCH_QUEUE_NAME, messages);
      const ctx = createExecutionContext();
      await worker.queue(batch, queued);
      return getQueueResult(batch, ctx);
    };
    // Only Thanh Hóa has something to send.
    for (const db of [p12, p38, p52]) await db.orm.update(outboxMessages).set({ status: "cancelled" }).where(inArray(outboxMessages.status, ["pending", "sending"]));
    await p38.atomic(enqueueSteps([{ idempotencyKey: "shard-queue-test", channel: "telegram", purpose: "officer-reply", templateKey: "x", payload: { chatId: "3801", text: "Thử" } }], new Date()));
    const broadcast = await run([kick("a")]);
    expect(broadcast.explicitAcks).toEqual(["a"]);
    expect(sent.map((k) => k.shard)).toEqual(["38"]);
    // Kicks for 12 (twice) and 38 in one batch: both shards are served in this run, nothing is forwarded.
    sent.length = 0;
    const mixed = await run([kick("b", "12"), kick("c", "38"), kick("d", "12")]);
    expect([...mixed.explicitAcks].sort()).toEqual(["b", "c", "d"]);
    expect(mixed.retryMessages).toEqual([]);
    expect(sent).toEqual([]);
    expect(repliesTo(3801)).toContain("Thử");
  });

  it("refuses a forged update before any routing", async () => {
    const response = await worker.fetch(
      new Request("https://bhyt.test/webhooks/telegram", { method: "POST", headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": "wrong-secret-value" }, body: JSON.stringify({ update_id: 1, message: { from: { id: 4444 }, text: `/start ${invite12}` } }) }),
      shardedEnv,
      createExecutionContext(),
    );
    expect(response.status).toBe(401);
    expect(await provinceOf(4444)).toBeUndefined();
  });

  it("rolls up yesterday per province into the national database at the morning Cron Trigger, once", async () => {
    const outcomes = await runScheduled(shardedEnv, Date.parse("2025-11-16T01:00:00Z"));
    expect(outcomes.filter((o) => o.name === "province_rollup")).toHaveLength(3);
    const rows = await national.orm.all<{ province_code: string; day: string; enrolments: number; cards: number; tally_reports: number }>(
      sql`select province_code, day, enrolments, cards, tally_reports from national_province_rollups order by province_code`,
    );
    const cards38 = await count(p38, sql`select count(*) as n from cards`);
    const enrolments38 = await count(p38, sql`select coalesce(sum(count), 0) as n from tally_entries where status = 'active' and report_date = '2025-11-15'`);
    expect(rows).toEqual([
      { province_code: "12", day: "2025-11-15", enrolments: 5, cards: 0, tally_reports: 1 },
      { province_code: "38", day: "2025-11-15", enrolments: enrolments38, cards: cards38, tally_reports: expect.any(Number) },
      { province_code: "52", day: "2025-11-15", enrolments: 0, cards: 0, tally_reports: 0 },
    ]);
    expect(cards38).toBeGreaterThan(0);
    // A second trigger the same morning writes nothing new.
    const again = await runScheduled(shardedEnv, Date.parse("2025-11-16T01:05:00Z"));
    expect(again.filter((o) => o.name === "province_rollup")).toEqual([]);
  });

  it("fans the Cron Trigger out to one bhyt-daily message per shard, each run doing one shard's jobs", async () => {
    const daily: DailyKick[] = [];
    const kicks: DispatchJob[] = [];
    const queues: Env = {
      ...shardedEnv,
      DAILY_QUEUE: { sendBatch: async (messages: Iterable<MessageSendRequest<DailyKick>>) => void daily.push(...[...messages].map((m) => m.body)) } as unknown as Queue<DailyKick>,
      DISPATCH_QUEUE: { send: async (body: DispatchJob) => void kicks.push(body) } as unknown as Queue<DispatchJob>,
    };
    const at = Date.parse("2025-11-17T01:00:00Z");
    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ scheduledTime: at, cron: "0 1 * * *" }), queues, ctx);
    await waitOnExecutionContext(ctx);
    expect(daily).toEqual([{ kind: "daily", shard: "12", at }, { kind: "daily", shard: "38", at }, { kind: "daily", shard: "52", at }]);
    // (Runs after the morning rollup test: the shards' job markers are per day, so 17/11 is a new day.)
    // The trigger itself ran nothing: no rollup for 16/11 yet.
    const rollups = async () => (await national.orm.all<{ s: string }>(sql`select shard_key as s from national_province_rollups where day = '2025-11-16' order by s`)).map((r) => r.s);
    expect(await rollups()).toEqual([]);
    const batch = createMessageBatch<DailyKick>(DAILY_QUEUE_NAME, [{ id: "d12", timestamp: new Date(), attempts: 1, body: daily[0]! }]);
    const run = createExecutionContext();
    await worker.queue(batch, queues);
    expect((await getQueueResult(batch, run)).explicitAcks).toEqual(["d12"]);
    expect(await rollups()).toEqual(["12"]);
    // Then that shard's outbox is kicked, named by shard.
    expect(kicks.at(-1)).toMatchObject({ kind: "dispatch", shard: "12" });
  });
});
