import { describe, expect, it } from "vitest";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openSqliteDb } from "../../src/entry/sqlite-db";
import { enqueue } from "../../src/core/outbox/enqueue";
import { claimDue } from "../../src/core/outbox/claim";
import { eq } from "drizzle-orm";
import { outboxMessages } from "../../src/db/schema";
import { createCliRunner } from "../helpers/run-cli";

const dir = mkdtempSync(join(tmpdir(), "bhyt-outbox-cli-"));
const env = { DATABASE_PATH: join(dir, "cli.sqlite"), LOG_LEVEL: "error", SEED_DEMO: "0" };
const cli = createCliRunner(env);

describe("bhyt outbox status", () => {
  it("reports an empty outbox", async () => {
    const { code, last, lines } = await cli("outbox", "status", "--json");
    expect(code).toBe(0);
    expect(last).toEqual({ ok: true, byStatus: { pending: 0, sending: 0, sent: 0, delivered: 0, failed: 0, dropped: 0, cancelled: 0 }, byChannel: {} });
    expect(lines).toHaveLength(1);
    expect((await cli("outbox", "status")).lines).toEqual(["Hàng đợi gửi tin đang trống."]);
  });

  it("counts messages by state and channel, as JSON and as text", async () => {
    const db = openSqliteDb(env.DATABASE_PATH);
    const now = new Date();
    const d = (key: string, channel: "sms" | "telegram") => ({ idempotencyKey: key, channel, purpose: "expiry-reminder", templateKey: "t", payload: { text: "x" } });
    await enqueue(db, [d("a", "sms"), d("b", "sms"), d("c", "telegram")], now);
    await claimDue(db, { now, limit: 1, leaseMs: 60_000, channel: "sms" });
    db.close();
    const { code, last } = await cli("outbox", "status", "--json");
    expect(code).toBe(0);
    expect(last.byStatus).toMatchObject({ pending: 2, sending: 1 });
    expect(last.byChannel).toEqual({
      sms: { pending: 1, sending: 1, sent: 0, delivered: 0, failed: 0, dropped: 0, cancelled: 0 },
      telegram: { pending: 1, sending: 0, sent: 0, delivered: 0, failed: 0, dropped: 0, cancelled: 0 },
    });
    const en = await cli("outbox", "status", "--lang", "en");
    expect(en.lines[0]).toBe("All channels: waiting 2, sending 1, sent 0, delivered 0, failed 0, dropped (too late) 0, cancelled 0");
    expect(en.lines[1]).toBe("  sms: waiting 1, sending 1, sent 0, delivered 0, failed 0, dropped (too late) 0, cancelled 0");
  });
});

describe("bhyt outbox failed", () => {
  it("lists undelivered messages with the reason in words, newest first", async () => {
    const db = openSqliteDb(env.DATABASE_PATH);
    const now = new Date();
    const d = (key: string) => ({ idempotencyKey: key, channel: "zalo_oa" as const, purpose: "expiry_reminder", templateKey: "t", payload: { text: "x" } });
    const { inserted } = await enqueue(db, [d("f1"), d("f2"), d("f3")], now);
    await db.orm.update(outboxMessages).set({ status: "failed", lastErrorCode: "dead_letter", updatedAt: new Date(now.getTime() + 1000) }).where(eq(outboxMessages.id, inserted[0]!));
    await db.orm.update(outboxMessages).set({ status: "failed", lastErrorCode: "zalo_-248", updatedAt: new Date(now.getTime() + 2000) }).where(eq(outboxMessages.id, inserted[1]!));
    db.close();
    const { code, last } = await cli("outbox", "failed", "--json");
    expect(code).toBe(0);
    const messages = (last as { messages: { id: number; code: string; reason: string }[] }).messages;
    expect(messages.map((m) => m.code)).toEqual(["zalo_-248", "dead_letter"]);
    expect(messages[0]!.reason).toBe("Nhà cung cấp báo lỗi zalo_-248.");
    expect(messages[1]!.reason).toContain("dead-letter");
    const text = await cli("outbox", "failed", "--lang", "en");
    expect(text.lines[1]).toMatch(/^#\d+ zalo_oa \(expiry_reminder\): .* — dead_letter: The server failed several times/);
    expect((await cli("outbox", "failed", "--limit", "0")).code).not.toBe(0);
  });
});
