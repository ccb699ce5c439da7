import { beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { outboxMessages } from "../../../src/db/schema";
import { enqueue } from "../../../src/core/outbox/enqueue";
import { claimDue, dropExpired } from "../../../src/core/outbox/claim";
import { outboxSummary } from "../../../src/core/outbox/outbox-status";
import type { SqliteDb } from "../../../src/entry/sqlite-db";
import { createTestDb } from "../../helpers/test-db";
import { draft } from "./outbox-fixture";

const T0 = new Date("2025-11-15T03:00:00Z");
const at = (ms: number) => new Date(T0.getTime() + ms);
let db: SqliteDb;
beforeEach(() => {
  db = createTestDb();
});

describe("enqueue", () => {
  it("is idempotent by idempotency key", async () => {
    expect((await enqueue(db, [draft("a"), draft("b")], T0)).inserted).toHaveLength(2);
    expect((await enqueue(db, [draft("a", { payload: { text: "changed" } }), draft("c")], T0)).inserted).toHaveLength(1);
    const rows = await db.orm.select().from(outboxMessages);
    expect(rows.map((r) => r.idempotencyKey).sort()).toEqual(["a", "b", "c"]);
    expect(rows.find((r) => r.idempotencyKey === "a")!.payload).toEqual({ text: "message a" });
    expect(rows.every((r) => r.status === "pending" && r.notBefore.getTime() === T0.getTime())).toBe(true);
  });

  it("chunks large batches under D1's 100 bound parameters", async () => {
    const many = Array.from({ length: 23 }, (_, i) => draft(`k${i}`));
    expect((await enqueue(db, many, T0)).inserted).toHaveLength(23);
  });
});

describe("claimDue", () => {
  it("claims due messages once, under a lease, counting an attempt", async () => {
    await enqueue(db, [draft("due"), draft("later", { notBefore: at(60_000) })], T0);
    const claimed = await claimDue(db, { now: T0, limit: 10, leaseMs: 30_000 });
    expect(claimed.map((m) => m.idempotencyKey)).toEqual(["due"]);
    expect(claimed[0]).toMatchObject({ status: "sending", attempts: 1, leaseUntil: at(30_000) });
    expect(await claimDue(db, { now: at(1000), limit: 10, leaseMs: 30_000 })).toEqual([]);
  });

  it("takes over a message whose lease ran out (its dispatcher died)", async () => {
    await enqueue(db, [draft("x")], T0);
    await claimDue(db, { now: T0, limit: 1, leaseMs: 30_000 });
    expect(await claimDue(db, { now: at(29_999), limit: 1, leaseMs: 30_000 })).toEqual([]);
    const [again] = await claimDue(db, { now: at(30_000), limit: 1, leaseMs: 30_000 });
    expect(again).toMatchObject({ idempotencyKey: "x", attempts: 2, leaseUntil: at(60_000) });
  });

  it("never claims an expired message; dropExpired marks it dropped", async () => {
    await enqueue(db, [draft("stale", { expiresAt: at(-1) }), draft("fresh", { expiresAt: at(60_000) })], T0);
    expect((await claimDue(db, { now: T0, limit: 10, leaseMs: 1000 })).map((m) => m.idempotencyKey)).toEqual(["fresh"]);
    expect(await dropExpired(db, T0)).toBe(1);
    const [stale] = await db.orm.select().from(outboxMessages).where(eq(outboxMessages.idempotencyKey, "stale"));
    expect(stale).toMatchObject({ status: "dropped", lastErrorCode: "expired" });
  });

  it("puts officer messages first, and filters by channel and by officer-only", async () => {
    await enqueue(db, [draft("resident-old", { notBefore: at(-5000) }), draft("officer", { purpose: "officer-reply" }), draft("tg", { channel: "telegram" })], T0);
    expect((await claimDue(db, { now: T0, limit: 1, leaseMs: 1000, channel: "sms", officerOnly: true })).map((m) => m.idempotencyKey)).toEqual(["officer"]);
    expect(await claimDue(db, { now: T0, limit: 5, leaseMs: 1000, channel: "sms", officerOnly: true })).toEqual([]);
    expect((await claimDue(db, { now: T0, limit: 5, leaseMs: 1000, channel: "sms" })).map((m) => m.idempotencyKey)).toEqual(["resident-old"]);
  });
});

describe("outboxSummary", () => {
  it("counts by state and by channel", async () => {
    await enqueue(db, [draft("a"), draft("b"), draft("c", { channel: "telegram" })], T0);
    await claimDue(db, { now: T0, limit: 1, leaseMs: 1000, channel: "telegram" });
    const summary = await outboxSummary(db);
    expect(summary.byStatus).toEqual({ pending: 2, sending: 1, sent: 0, delivered: 0, failed: 0, dropped: 0, cancelled: 0 });
    expect(summary.byChannel.sms).toMatchObject({ pending: 2, sending: 0 });
    expect(summary.byChannel.telegram).toMatchObject({ pending: 0, sending: 1 });
    expect(Object.keys(summary.byChannel).sort()).toEqual(["sms", "telegram"]);
  });
});
