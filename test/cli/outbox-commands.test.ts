import { describe, expect, it } from "vitest";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openSqliteDb } from "../../src/entry/sqlite-db";
import { enqueue } from "../../src/core/outbox/enqueue";
import { claimDue } from "../../src/core/outbox/claim";
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
