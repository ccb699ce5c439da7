import { afterAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { count, eq } from "drizzle-orm";
import { purgeInboundText } from "../../../src/core/privacy/purge-inbound-text";
import { runDueJobs } from "../../../src/core/schedule/daily-jobs";
import { scheduledJobs } from "../../../src/core/schedule/scheduled-jobs";
import { resolveUnit } from "../../../src/core/units/resolve-unit";
import { seedDemo } from "../../../src/core/demo/seed-demo";
import { conversationStates, outboxMessages, tallyEntries, tallyReports } from "../../../src/db/schema";
import { openSqliteDb, type SqliteDb } from "../../../src/entry/sqlite-db";
import { createCliRunner } from "../../helpers/run-cli";
import { createTestDb, createTestProtector, createTestTranslator } from "../../helpers/test-db";

const NOW = new Date("2025-11-15T15:00:00Z"); // 22:00 in Hà Nội
const DAY = 86_400_000;
const ago = (days: number) => new Date(NOW.getTime() - days * DAY);

/** Two reports (91 and 89 days old) with one figure each, a stale and a live question, an old sent and an old pending reply. */
async function fill(db: SqliteDb): Promise<void> {
  const unit = await resolveUnit(db, "Xuân Thành");
  for (const [text, days] of [["Xuân Thành GD 3", 91], ["Xuân Thành HS 2", 89]] as const) {
    const [report] = await db.orm.insert(tallyReports).values({ channel: "sms", originalText: text, receivedAt: ago(days) }).returning();
    await db.orm.insert(tallyEntries).values({ reportId: report!.id, unitId: unit.id, reportDate: "2025-08-15", groupCode: "GD", count: 3, channel: "sms" });
  }
  await db.orm.insert(conversationStates).values([
    { channel: "sms", externalKey: "old", kind: "tally_confirm", data: { text: "Xuan Thanh GD 3" }, expiresAt: ago(95), updatedAt: ago(95) },
    { channel: "sms", externalKey: "live", kind: "tally_confirm", data: { text: "Xuan Thanh GD 4" }, expiresAt: new Date(NOW.getTime() + DAY), updatedAt: NOW },
  ]);
  await db.orm.insert(outboxMessages).values([
    { idempotencyKey: "old-sent", channel: "sms", purpose: "officer-reply", templateKey: "sms-reply", payload: { text: "Đã ghi nhận: Xuân Thành GD 3", toEnc: "v1.test.x", maxSegments: 4 }, status: "sent", notBefore: ago(91), createdAt: ago(91) },
    { idempotencyKey: "old-pending", channel: "sms", purpose: "officer-reply", templateKey: "sms-reply", payload: { text: "chờ", toEnc: "v1.test.y" }, status: "pending", notBefore: ago(91), createdAt: ago(91) },
  ]);
}

describe("purge of raw inbound text", () => {
  it("blanks tally texts older than the retention, keeps their figures and newer texts; drops stale questions and finished messages' texts", async () => {
    const db = createTestDb();
    await seedDemo({ db, protector: await createTestProtector(), today: "2025-11-15" });
    await fill(db);
    const entries = (await db.orm.select({ n: count() }).from(tallyEntries))[0]!.n;
    const report = await purgeInboundText(db, { now: NOW, retentionDays: 90 });
    expect(report).toMatchObject({ tallyTexts: 1, conversationStates: 1, outboxTexts: 1, before: ago(90).toISOString() });
    expect((await db.orm.select({ text: tallyReports.originalText }).from(tallyReports).orderBy(tallyReports.id)).map((r) => r.text)).toEqual([null, "Xuân Thành HS 2"]);
    expect((await db.orm.select({ n: count() }).from(tallyEntries))[0]!.n).toBe(entries);
    expect((await db.orm.select().from(conversationStates)).map((s) => s.externalKey)).toEqual(["live"]);
    const [sent] = await db.orm.select().from(outboxMessages).where(eq(outboxMessages.idempotencyKey, "old-sent"));
    expect(sent!.payload).toEqual({ maxSegments: 4 });
    const [pending] = await db.orm.select().from(outboxMessages).where(eq(outboxMessages.idempotencyKey, "old-pending"));
    expect(pending!.payload).toMatchObject({ text: "chờ" });
    // Idempotent: a second run finds nothing left.
    expect(await purgeInboundText(db, { now: NOW, retentionDays: 90 })).toMatchObject({ tallyTexts: 0, conversationStates: 0, outboxTexts: 0 });
    // A shorter retention reaches the newer report.
    expect((await purgeInboundText(db, { now: NOW, retentionDays: 30 })).tallyTexts).toBe(1);
  });

  it("runs as the daily job purge_inbound_text at 22:00 with INBOUND_TEXT_RETENTION_DAYS", async () => {
    const db = createTestDb();
    const protector = await createTestProtector();
    await seedDemo({ db, protector, today: "2025-11-15" });
    await fill(db);
    const jobs = scheduledJobs({ db, protector, t: createTestTranslator(), defaultLocale: "vi", timezone: "Asia/Ho_Chi_Minh", smsEnabled: false, inboundTextRetentionDays: 30 });
    const early = await runDueJobs(db, jobs.filter((j) => j.name === "purge_inbound_text"), { now: new Date("2025-11-15T14:59:00Z"), timezone: "Asia/Ho_Chi_Minh" });
    expect(early).toEqual([]);
    const outcomes = await runDueJobs(db, jobs.filter((j) => j.name === "purge_inbound_text"), { now: NOW, timezone: "Asia/Ho_Chi_Minh" });
    expect(outcomes).toEqual([expect.objectContaining({ name: "purge_inbound_text", ran: true, result: expect.objectContaining({ tallyTexts: 2 }) })]);
  });
});

describe("bhyt db purge-inbound-text", () => {
  const dir = mkdtempSync(join(tmpdir(), "bhyt-purge-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("purges with the configured retention, --days overrides it, a bad --days is refused", async () => {
    const path = join(dir, "purge.sqlite");
    const db = openSqliteDb(path);
    await seedDemo({ db, protector: await createTestProtector(), today: "2025-11-15" });
    const old = new Date(Date.now() - 100 * DAY);
    const recent = new Date(Date.now() - 10 * DAY);
    await db.orm.insert(tallyReports).values([{ channel: "sms", originalText: "old", receivedAt: old }, { channel: "sms", originalText: "recent", receivedAt: recent }]);
    db.close();
    const cli = createCliRunner({ DATABASE_PATH: path, LOG_LEVEL: "error", INBOUND_TEXT_RETENTION_DAYS: "90" });
    expect((await cli("db", "purge-inbound-text", "--json")).last).toMatchObject({ ok: true, retentionDays: 90, tallyTexts: 1 });
    expect((await cli("db", "purge-inbound-text", "--days", "5", "--json")).last).toMatchObject({ ok: true, retentionDays: 5, tallyTexts: 1 });
    expect((await cli("db", "purge-inbound-text", "--days", "zero", "--json")).code).toBe(2);
  });
});
