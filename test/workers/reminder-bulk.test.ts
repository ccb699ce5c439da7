import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createD1Db } from "../../src/entry/d1-db";
import { createProtector } from "../../src/core/privacy/protector";
import { seedDemo } from "../../src/core/demo/seed-demo";
import { planReminders } from "../../src/core/reminders/plan-reminders";
import { resolveMessage } from "../../src/core/outbox/resolve-message";
import { outboxMessages } from "../../src/db/schema";
import { createTranslator } from "../../src/i18n/translate";
import { eq } from "drizzle-orm";
import vi from "../../messages/vi.ftl";
import en from "../../messages/en.ftl";

describe("reminder planning on workerd + D1", () => {
  it("writes outbox rows and plans in bulk (json_each) and plans nothing twice", async () => {
    const db = createD1Db(env.DB);
    const protector = await createProtector({ dataKey: new Uint8Array(32).fill(7), indexKey: new Uint8Array(32).fill(8), keyId: "bulk" });
    await seedDemo({ db, protector, today: "2025-11-15" });
    const deps = { db, protector, timezone: "Asia/Ho_Chi_Minh", defaultLocale: "vi" as const, smsEnabled: true };
    const first = await planReminders(deps, { today: "2025-11-15", now: new Date("2025-11-15T01:00:00Z") });
    const queued = Object.values(first.byOffset).reduce((a, b) => a + b, 0) - first.undeliverable;
    expect(queued).toBeGreaterThan(0);
    const [outbox] = await db.orm.all<{ n: number; expires: number }>(sql`select count(*) as n, min(expires_at) as expires from outbox_messages where purpose = 'expiry_reminder'`);
    expect(outbox).toMatchObject({ n: queued, expires: expect.any(Number) });
    const [plans] = await db.orm.all<{ n: number }>(sql`select count(*) as n from reminder_plans where outcome = 'queued'`);
    expect(plans!.n).toBeGreaterThanOrEqual(queued);
    // Names are opened at send time, on D1 too (json_each over the person ids).
    const [row] = await db.orm.select().from(outboxMessages).where(eq(outboxMessages.purpose, "expiry_reminder")).limit(1);
    const resolved = await resolveMessage({ db, protector, t: createTranslator({ vi, en }), defaultLocale: "vi" }, row!);
    expect(resolved.ok && resolved.message.text).toMatch(/\*\*\*/);
    const again = await planReminders(deps, { today: "2025-11-15", now: new Date("2025-11-15T02:00:00Z") });
    expect(Object.values(again.byOffset).every((n) => n === 0)).toBe(true);
  });
});
