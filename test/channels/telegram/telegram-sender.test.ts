import { afterEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { createTelegramSender } from "../../../src/channels/telegram/telegram-sender";
import { parseConfig } from "../../../src/config";
import { silentLogger } from "../../../src/logger";
import { outboxMessages } from "../../../src/db/schema";
import { enqueue } from "../../../src/core/outbox/enqueue";
import { createDispatcher } from "../../../src/core/outbox/dispatcher";
import { createTestDb, createTestProtector, createTestTranslator } from "../../helpers/test-db";
import { startFakeHttp, type FakeAnswer } from "../../helpers/fake-http";

let fake: Awaited<ReturnType<typeof startFakeHttp>> | undefined;
afterEach(() => fake?.close());

const ok = (n: number): FakeAnswer => ({ body: { ok: true, result: { message_id: 100 + n, date: 0, chat: { id: 42, type: "private" }, text: "x" } } });
const tooMany: FakeAnswer = { status: 429, body: { ok: false, error_code: 429, description: "Too Many Requests: retry after 5", parameters: { retry_after: 5 } } };

async function senderAnswering(answer: (n: number) => FakeAnswer) {
  fake = await startFakeHttp((_req, n) => answer(n));
  const config = parseConfig({ TELEGRAM_BOT_TOKEN: "123456:TEST-token", TELEGRAM_API_ROOT: fake.baseUrl });
  return createTelegramSender(config.telegram!, { timeoutSeconds: 1 });
}
const message = { to: "42", text: "Nhắc hạn thẻ BHYT", idempotencyKey: "k" };

describe("Telegram sender", () => {
  it("sends with sendMessage and reads 429 retry_after, 403 blocked, 400, 500 and a timeout", async () => {
    const answers: FakeAnswer[] = [
      ok(0),
      tooMany,
      { status: 403, body: { ok: false, error_code: 403, description: "Forbidden: bot was blocked by the user" } },
      { status: 400, body: { ok: false, error_code: 400, description: "Bad Request: chat not found" } },
      { status: 500, body: { ok: false, error_code: 500, description: "Internal Server Error" } },
      { ...ok(5), delayMs: 1500 },
    ];
    const sender = await senderAnswering((n) => answers[n]!);
    expect(await sender.send(message)).toEqual({ ok: true, providerMessageId: "42:100" });
    expect(fake!.requests[0]!.path).toBe("/bot123456:TEST-token/sendMessage");
    expect(JSON.parse(fake!.requests[0]!.body)).toMatchObject({ chat_id: "42", text: "Nhắc hạn thẻ BHYT" });
    expect(await sender.send(message)).toEqual({ ok: false, retryable: true, code: "rate_limited", httpStatus: 429, retryAfterSeconds: 5 });
    expect(await sender.send(message)).toEqual({ ok: false, retryable: false, code: "blocked", httpStatus: 403, blocked: true });
    expect(await sender.send(message)).toMatchObject({ ok: false, retryable: false, httpStatus: 400 });
    expect(await sender.send(message)).toMatchObject({ ok: false, retryable: true, httpStatus: 500 });
    expect(await sender.send(message)).toEqual({ ok: false, retryable: true, code: "network" });
  });

  it("through the dispatcher: a 429 puts the message back for retry_after, then it is sent", async () => {
    const sender = await senderAnswering((n) => (n === 0 ? tooMany : ok(n)));
    const db = createTestDb();
    let now = new Date("2025-11-15T03:00:00Z");
    const dispatcher = createDispatcher({
      db, protector: await createTestProtector(), t: createTestTranslator(), defaultLocale: "vi", timezone: "Asia/Ho_Chi_Minh",
      logger: silentLogger, senders: [sender], now: () => now, concurrency: 1,
    });
    await enqueue(db, [{ idempotencyKey: "r1", channel: "telegram", purpose: "officer-digest", templateKey: "t", payload: { text: "Báo cáo", chatId: "42" } }], now);
    expect(await dispatcher.dispatchOnce()).toMatchObject({ retried: 1 });
    const [waiting] = await db.orm.select().from(outboxMessages).where(eq(outboxMessages.idempotencyKey, "r1"));
    expect(waiting).toMatchObject({ status: "pending", notBefore: new Date(now.getTime() + 5000) });
    now = new Date(now.getTime() + 5000);
    expect(await dispatcher.dispatchOnce()).toMatchObject({ sent: 1 });
    expect(fake!.requests).toHaveLength(2);
  });
});
