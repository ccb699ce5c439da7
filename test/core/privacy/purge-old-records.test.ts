import { afterAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { PURGE_CHUNK, purgeOldRecords } from "../../../src/core/privacy/purge-old-records";
import { runDueJobs } from "../../../src/core/schedule/daily-jobs";
import { scheduledJobs } from "../../../src/core/schedule/scheduled-jobs";
import type { Db } from "../../../src/db/client";
import { openSqliteDb } from "../../../src/entry/sqlite-db";
import { createCliRunner } from "../../helpers/run-cli";
import { createTestDb, createTestProtector, createTestTranslator } from "../../helpers/test-db";

const NOW = new Date("2025-11-15T15:15:00Z"); // 22:15 in Hà Nội
const DAY = 86_400_000;
const ago = (days: number, from = NOW.getTime()) => from - days * DAY;

const idsOf = async (db: Db, query: ReturnType<typeof sql>) => (await db.orm.all<{ k: string }>(query)).map((r) => r.k);

/** Outbox rows in every state at 401 and 399 days, each with one delivery attempt; dedup ids and ZNS ids either side of their limits. */
async function fill(db: Db, now: number) {
  const outbox = (key: string, status: string, days: number) =>
    sql`insert into outbox_messages (idempotency_key, channel, purpose, template_key, payload, status, not_before, created_at, updated_at)
        values (${key}, 'telegram', 'officer_reply', 'x', '{}', ${status}, ${ago(days, now)}, ${ago(days, now)}, ${ago(days, now)})`;
  for (const status of ["sent", "delivered", "failed", "dropped", "cancelled", "pending", "sending"]) {
    await db.orm.run(outbox(`old-${status}`, status, 401));
    await db.orm.run(outbox(`new-${status}`, status, 399));
  }
  await db.orm.run(sql`insert into delivery_attempts (message_id, attempt, started_at, outcome) select id, 1, created_at, 'sent' from outbox_messages`);
  for (const [id, days] of [["u-old", 8], ["u-new", 6]] as const) await db.orm.run(sql`insert into inbound_updates (channel, external_id, received_at) values ('telegram', ${id}, ${ago(days, now)})`);
  for (const [id, days] of [["z-old", 31], ["z-new", 29]] as const) await db.orm.run(sql`insert into zns_tracking (tracking_id, idempotency_key, created_at) values (${id}, ${id}, ${ago(days, now)})`);
}

describe("purge of old bookkeeping", () => {
  it("deletes finished outbox messages past the retention with their attempts, week-old dedup ids and month-old ZNS ids; keeps the rest", async () => {
    const db = createTestDb();
    await fill(db, NOW.getTime());
    const report = await purgeOldRecords(db, { now: NOW, outboxRetentionDays: 400 });
    expect(report).toEqual({ outboxBefore: new Date(ago(400)).toISOString(), inboundUpdates: 1, outboxMessages: 5, znsTracking: 1, staleImports: 0 });
    // A message still pending or being sent is never deleted, however old.
    expect((await idsOf(db, sql`select idempotency_key as k from outbox_messages order by k`)).filter((k) => k.startsWith("old-"))).toEqual(["old-pending", "old-sending"]);
    expect(await idsOf(db, sql`select idempotency_key as k from outbox_messages where idempotency_key like 'new-%'`)).toHaveLength(7);
    expect(await idsOf(db, sql`select cast(count(*) as text) as k from delivery_attempts`)).toEqual(["9"]);
    expect(await idsOf(db, sql`select external_id as k from inbound_updates`)).toEqual(["u-new"]);
    expect(await idsOf(db, sql`select tracking_id as k from zns_tracking`)).toEqual(["z-new"]);
    expect(await purgeOldRecords(db, { now: NOW, outboxRetentionDays: 400 })).toMatchObject({ inboundUpdates: 0, outboxMessages: 0, znsTracking: 0 });
  });

  it("deletes more than one round's worth", async () => {
    const db = createTestDb();
    const total = PURGE_CHUNK * 2 + 7;
    await db.orm.run(sql`with recursive n(i) as (select 1 union all select i + 1 from n where i < ${total})
      insert into inbound_updates (channel, external_id, received_at) select 'telegram', 'u' || i, ${ago(30)} from n`);
    expect((await purgeOldRecords(db, { now: NOW })).inboundUpdates).toBe(total);
    expect(await idsOf(db, sql`select cast(count(*) as text) as k from inbound_updates`)).toEqual(["0"]);
  });

  it("runs as the daily job purge_old_records at 22:15 with OUTBOX_RETENTION_DAYS", async () => {
    const db = createTestDb();
    await fill(db, NOW.getTime());
    const jobs = scheduledJobs({ db, protector: await createTestProtector(), t: createTestTranslator(), defaultLocale: "vi", timezone: "Asia/Ho_Chi_Minh", smsEnabled: false, outboxRetentionDays: 398 }).filter((j) => j.name === "purge_old_records");
    expect(await runDueJobs(db, jobs, { now: new Date(NOW.getTime() - 60_000), timezone: "Asia/Ho_Chi_Minh" })).toEqual([]);
    const outcomes = await runDueJobs(db, jobs, { now: NOW, timezone: "Asia/Ho_Chi_Minh" });
    expect(outcomes).toEqual([expect.objectContaining({ name: "purge_old_records", ran: true, result: expect.objectContaining({ outboxMessages: 10 }) })]);
  });
});

describe("bhyt db purge-old-records", () => {
  const dir = mkdtempSync(join(tmpdir(), "bhyt-retention-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("uses OUTBOX_RETENTION_DAYS, --days overrides it, fewer than 30 days is refused", async () => {
    const path = join(dir, "retention.sqlite");
    const db = openSqliteDb(path);
    await fill(db, Date.now());
    db.close();
    const cli = createCliRunner({ DATABASE_PATH: path, LOG_LEVEL: "error", OUTBOX_RETENTION_DAYS: "500" });
    expect((await cli("db", "purge-old-records", "--json")).last).toMatchObject({ ok: true, outboxRetentionDays: 500, outboxMessages: 0, inboundUpdates: 1, znsTracking: 1 });
    expect((await cli("db", "purge-old-records", "--days", "400", "--json")).last).toMatchObject({ ok: true, outboxRetentionDays: 400, outboxMessages: 5 });
    const refused = await cli("db", "purge-old-records", "--days", "7", "--json");
    expect(refused.code).toBe(2);
  });
});
