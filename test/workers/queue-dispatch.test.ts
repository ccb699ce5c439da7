import { createExecutionContext, createMessageBatch, createScheduledController, getQueueResult, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { eq, sql } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { outboxMessages } from "../../src/db/schema";
import { createD1Db } from "../../src/entry/d1-db";
import { enqueue } from "../../src/core/outbox/enqueue";
import { nextDueAt } from "../../src/core/outbox/next-due";
import worker from "../../src/entry/worker";
import type { Env } from "../../src/entry/worker-env";
import { DEAD_LETTER_QUEUE_NAME, DISPATCH_QUEUE_NAME, type DispatchJob } from "../../src/entry/queue-dispatch";

const db = createD1Db(env.DB);
const base64 = (fill: number) => btoa(String.fromCharCode(...new Uint8Array(32).fill(fill)));
const TELEGRAM_ROOT = "https://telegram.test";

/** A queue binding that records what the Worker sends instead of delivering it. */
function recordingQueue() {
  const sent: { body: DispatchJob; delaySeconds?: number }[] = [];
  const queue = {
    async send(body: DispatchJob, options?: QueueSendOptions) {
      sent.push({ body, delaySeconds: options?.delaySeconds });
    },
    async sendBatch() {
      throw new Error("not used");
    },
  } as unknown as Queue<DispatchJob>;
  return { queue, sent };
}

/**
 * A fake Bot API behind `TELEGRAM_API_ROOT`. grammY reads the global `fetch` when its Api is
 * built, and the Worker runs in the test's isolate, so stubbing the global before the first
 * batch routes the sender's calls here; anything else fails the test.
 */
function fakeTelegram(answer: (chatId: string) => "ok" | "error") {
  const calls: { chatId: string; text: string }[] = [];
  vi.stubGlobal("fetch", async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    if (!request.url.startsWith(`${TELEGRAM_ROOT}/bot`) || !request.url.endsWith("/sendMessage")) throw new Error(`unexpected fetch ${request.url}`);
    const body = (await request.json()) as { chat_id: string; text: string };
    const chatId = String(body.chat_id);
    calls.push({ chatId, text: body.text });
    if (answer(chatId) === "error") return Response.json({ ok: false, error_code: 500, description: "Internal Server Error" }, { status: 500 });
    return Response.json({ ok: true, result: { message_id: calls.length, date: 0, chat: { id: Number(chatId), type: "private" }, text: body.text } });
  });
  return calls;
}

/** A fresh env object per test: the Worker caches deps (and its dispatcher) per env object. */
function workerEnv(queue: Queue<DispatchJob>): Env {
  return {
    ...env,
    DATA_ENCRYPTION_KEY: base64(5),
    BLIND_INDEX_KEY: base64(6),
    DATA_KEY_ID: "queue",
    TELEGRAM_BOT_TOKEN: "123456:queue-test",
    TELEGRAM_API_ROOT: TELEGRAM_ROOT,
    QUIET_HOURS: "off",
    LOG_LEVEL: "error",
    DISPATCH_QUEUE: queue,
  };
}

const kick = (id: string, attempts = 1) => ({ id, timestamp: new Date(), attempts, body: { kind: "dispatch", reason: "cron", at: new Date().toISOString() } as DispatchJob });

async function deliver(queueName: string, workerEnv: Env, messages: ReturnType<typeof kick>[]) {
  const batch = createMessageBatch<DispatchJob>(queueName, messages);
  // The pool's batch records which messages were retried but not the delay asked for.
  const retryDelays = batch.messages.map((m) => vi.spyOn(m, "retry"));
  const ctx = createExecutionContext();
  await worker.queue(batch, workerEnv);
  const result = await getQueueResult(batch, ctx);
  return { ...result, retryDelays: retryDelays.flatMap((spy) => spy.mock.calls.map(([options]) => options?.delaySeconds)) };
}

const telegramDraft = (key: string, chatId: string, payload: Record<string, unknown> = { text: `hello ${key}`, chatId }) => ({
  idempotencyKey: key,
  channel: "telegram" as const,
  purpose: "officer-reply",
  templateKey: "t",
  payload,
});

const rowByKey = async (key: string) => (await db.orm.select().from(outboxMessages).where(eq(outboxMessages.idempotencyKey, key)))[0]!;

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("Queues dispatch on workerd + D1", () => {
  it("a kick sends the due outbox through the Telegram sender, marks the rows sent and acks the batch", async () => {
    const calls = fakeTelegram(() => "ok");
    const { queue, sent } = recordingQueue();
    await enqueue(db, [telegramDraft("q-ok-1", "101"), telegramDraft("q-ok-2", "102")]);

    const result = await deliver(DISPATCH_QUEUE_NAME, workerEnv(queue), [kick("k1"), kick("k2")]);

    expect(result).toMatchObject({ outcome: "ok", ackAll: true, retryMessages: [], retryDelays: [] });
    expect(calls.map((c) => c.chatId).sort()).toEqual(["101", "102"]);
    expect(calls.find((c) => c.chatId === "101")?.text).toBe("hello q-ok-1");
    expect(await rowByKey("q-ok-1")).toMatchObject({ status: "sent", attempts: 1, leaseUntil: null, providerMessageId: "101:" + (calls.findIndex((c) => c.chatId === "101") + 1) });
    expect(await rowByKey("q-ok-2")).toMatchObject({ status: "sent" });
    // Two kicks, one run; nothing left, so no kick back into the queue.
    expect(sent).toEqual([]);
  });

  it("a failing provider leaves the row for a backoff retry and schedules a delayed kick for it", async () => {
    const calls = fakeTelegram(() => "error");
    const { queue, sent } = recordingQueue();
    await enqueue(db, [telegramDraft("q-fail", "201")]);

    const result = await deliver(DISPATCH_QUEUE_NAME, workerEnv(queue), [kick("k3")]);

    expect(result).toMatchObject({ outcome: "ok", ackAll: true });
    expect(calls).toHaveLength(1);
    const row = await rowByKey("q-fail");
    expect(row).toMatchObject({ status: "pending", attempts: 1, lastErrorCode: "http_500" });
    // The outbox's own backoff (30 s first) decides when; the consumer wakes itself then.
    expect(sent).toHaveLength(1);
    expect(sent[0]!.body).toMatchObject({ kind: "dispatch", reason: "later" });
    expect(sent[0]!.delaySeconds).toBeGreaterThanOrEqual(25);
    expect(sent[0]!.delaySeconds).toBeLessThanOrEqual(31);
    // Parked far away so the next tests see no due work from it.
    await db.orm.update(outboxMessages).set({ status: "failed" }).where(eq(outboxMessages.id, row.id));
  });

  it("a run that throws retries its kicks with a delay; after max_retries the DLQ consumer fails the poison row", async () => {
    fakeTelegram(() => "ok");
    const { queue, sent } = recordingQueue();
    const workerEnvironment = workerEnv(queue);
    // A sealed recipient under another key: opening it throws inside the dispatcher.
    await enqueue(db, [telegramDraft("q-poison", "", { text: "x", toEnc: "v1.other-key.AAAA" })]);

    // The first delivery and max_retries (3) redeliveries all throw.
    for (let attempts = 1; attempts <= 4; attempts++) {
      const result = await deliver(DISPATCH_QUEUE_NAME, workerEnvironment, [kick("k-poison", attempts)]);
      expect(result).toMatchObject({ outcome: "ok", ackAll: false, retryMessages: [{ msgId: "k-poison" }], retryDelays: [60 * 2 ** (attempts - 1)] });
      // The retry comes after the 60 s lease: let it run out, as the delay would.
      await db.orm.update(outboxMessages).set({ leaseUntil: new Date(0) }).where(eq(outboxMessages.idempotencyKey, "q-poison"));
    }
    expect(await rowByKey("q-poison")).toMatchObject({ status: "sending", attempts: 4 });
    expect(sent).toEqual([]);

    const dead = await deliver(DEAD_LETTER_QUEUE_NAME, workerEnvironment, [kick("k-poison", 1)]);

    expect(dead).toMatchObject({ outcome: "ok", ackAll: true });
    expect(await rowByKey("q-poison")).toMatchObject({ status: "failed", lastErrorCode: "dead_letter", leaseUntil: null });
  });

  it("the five-minute cron only kicks the queue; the daily crons run their jobs first", async () => {
    const { queue, sent } = recordingQueue();
    const workerEnvironment = workerEnv(queue);
    const jobsBefore = await db.orm.all<{ n: number }>(sql`select count(*) as n from app_meta where key like 'job:%'`);

    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ cron: "*/5 * * * *", scheduledTime: Date.parse("2025-11-15T01:05:00Z") }), workerEnvironment, ctx);
    await waitOnExecutionContext(ctx);

    expect(sent).toEqual([{ body: { kind: "dispatch", reason: "cron", at: "2025-11-15T01:05:00.000Z" }, delaySeconds: undefined }]);
    expect(await db.orm.all<{ n: number }>(sql`select count(*) as n from app_meta where key like 'job:%'`)).toEqual(jobsBefore);
  });
});

describe("webhook kicks", () => {
  it("an accepted webhook POST kicks the dispatch queue after the response; a refused one does not", async () => {
    const { queue, sent } = recordingQueue();
    const workerEnvironment = { ...workerEnv(queue), TELEGRAM_WEBHOOK_SECRET: "queue-test-secret" };
    const post = async (secret: string) => {
      const ctx = createExecutionContext();
      // The Worker types a request as it arrives from the edge (with `cf`); a test builds a plain one.
      const request = new Request<unknown, IncomingRequestCfProperties>("https://bhyt.test/webhooks/telegram", {
        method: "POST",
        headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": secret },
        body: JSON.stringify({ update_id: 9_001 }),
      });
      const response = await worker.fetch(request, workerEnvironment, ctx);
      await waitOnExecutionContext(ctx);
      return response.status;
    };

    expect(await post("wrong-secret-value")).toBe(401);
    expect(sent).toEqual([]);
    expect(await post("queue-test-secret")).toBe(200);
    expect(sent).toMatchObject([{ body: { kind: "dispatch", reason: "webhook" } }]);
  });
});

describe("nextDueAt on D1", () => {
  it("counts residents' messages from the end of quiet hours, officers' from their notBefore, and only served channels", async () => {
    // 22:00 in Hà Nội: quiet until 07:00 (00:00 UTC next day).
    const at = new Date("2030-01-01T15:00:00Z");
    const later = new Date("2030-01-01T15:10:00Z");
    await enqueue(db, [
      { ...telegramDraft("nd-resident", "301"), purpose: "renewal-reminder", notBefore: at },
      { ...telegramDraft("nd-zalo", "302"), channel: "zalo_bot" as const, notBefore: at },
    ]);
    const options = { now: at, channels: ["telegram" as const], timezone: "Asia/Ho_Chi_Minh", quietHours: { startMinute: 21 * 60, endMinute: 7 * 60 } };
    // Earlier tests' rows are settled; the resident row waits for the morning, the Zalo row has no sender.
    expect(await nextDueAt(db, options)).toEqual(new Date("2030-01-02T00:00:00Z"));
    await enqueue(db, [{ ...telegramDraft("nd-officer", "303"), notBefore: later }]);
    expect(await nextDueAt(db, options)).toEqual(later);
    expect(await nextDueAt(db, { ...options, quietHours: undefined })).toEqual(at);
    expect(await nextDueAt(db, { ...options, channels: [] })).toBeUndefined();
  });
});
