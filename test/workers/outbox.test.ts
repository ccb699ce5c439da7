import { env } from "cloudflare:workers";
import { eq, like } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { deliveryAttempts, outboxMessages } from "../../src/db/schema";
import { createD1Db } from "../../src/entry/d1-db";
import { createLogger } from "../../src/logger";
import { createTranslator } from "../../src/i18n/translate";
import { createProtector } from "../../src/core/privacy/protector";
import { enqueue } from "../../src/core/outbox/enqueue";
import { claimDue } from "../../src/core/outbox/claim";
import { createDispatcher } from "../../src/core/outbox/dispatcher";
import type { ChannelSender, OutboundMessage } from "../../src/core/outbox/types";
import vi from "../../messages/vi.ftl";
import en from "../../messages/en.ftl";

const db = createD1Db(env.DB);
const T0 = new Date("2025-11-15T03:00:00Z");
const d = (key: string) => ({ idempotencyKey: key, channel: "telegram" as const, purpose: "officer-digest", templateKey: "t", payload: { text: key, chatId: "42" } });

describe("outbox on D1", () => {
  it("enqueues idempotently and claims with one UPDATE … RETURNING", async () => {
    expect((await enqueue(db, [d("d1-a"), d("d1-b")], T0)).inserted).toHaveLength(2);
    expect((await enqueue(db, [d("d1-a")], T0)).inserted).toHaveLength(0);
    const claimed = await claimDue(db, { now: T0, limit: 1, leaseMs: 60_000 });
    expect(claimed).toHaveLength(1);
    expect(claimed[0]).toMatchObject({ status: "sending", attempts: 1, leaseUntil: new Date(T0.getTime() + 60_000) });
    expect((await claimDue(db, { now: T0, limit: 5, leaseMs: 60_000 })).map((m) => m.idempotencyKey)).not.toContain(claimed[0]!.idempotencyKey);
  });

  it("dispatchOnce sends and settles through batches (a future queue consumer's path)", async () => {
    await enqueue(db, [d("d1-c")], T0);
    const calls: OutboundMessage[] = [];
    const sender: ChannelSender = { channel: "telegram", limits: { perSecond: 1000 }, send: async (m) => (calls.push(m), { ok: true, providerMessageId: `42:${calls.length}` }) };
    const dispatcher = createDispatcher({
      db,
      protector: await createProtector({ dataKey: new Uint8Array(32).fill(7), indexKey: new Uint8Array(32).fill(9), keyId: "test" }),
      t: createTranslator({ vi, en }),
      defaultLocale: "vi",
      timezone: "Asia/Ho_Chi_Minh",
      logger: createLogger({ level: "error", sink: () => {} }),
      senders: [sender],
      now: () => new Date(T0.getTime() + 120_000),
    });
    const report = await dispatcher.dispatchOnce({ maxMessages: 10 });
    expect(report.sent).toBeGreaterThanOrEqual(1);
    const [row] = await db.orm.select().from(outboxMessages).where(eq(outboxMessages.idempotencyKey, "d1-c"));
    expect(row).toMatchObject({ status: "sent", leaseUntil: null });
    const attempts = await db.orm.select().from(deliveryAttempts).where(eq(deliveryAttempts.messageId, row!.id));
    expect(attempts).toMatchObject([{ outcome: "sent" }]);
    expect((await db.orm.select().from(outboxMessages).where(like(outboxMessages.idempotencyKey, "d1-%"))).every((r) => r.status === "sent")).toBe(true);
  });
});
