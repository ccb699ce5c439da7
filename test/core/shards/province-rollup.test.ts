import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createTestDb, createTestProtector } from "../../helpers/test-db";
import { createRosterFixture } from "../../helpers/roster-fixture";
import { openSqliteNational } from "../../../src/entry/national-db";
import { provinceRollupJob, writeProvinceRollup } from "../../../src/core/shards/province-rollup";
import { runDueJobs } from "../../../src/core/schedule/daily-jobs";

const TZ = "Asia/Ho_Chi_Minh";

describe("province rollup", () => {
  it("counts cards, the day's tallies and the day's finished outbox messages, and replaces itself on re-run", async () => {
    const db = createTestDb();
    const national = openSqliteNational(db.sqlite);
    const roster = await createRosterFixture(db, await createTestProtector(), "2025-11-15");
    await roster.card("GD", -1); // expired yesterday
    await roster.card("GD", 0); // valid through today
    await roster.card("HS", 30); // expiring within 30 days
    await roster.card("HS", 31); // valid beyond the horizon
    const at = (iso: string) => Date.parse(iso);
    await db.orm.run(sql`insert into tally_reports (id, channel, received_at, created_at) values (1, 'sms', ${at("2025-11-15T03:00:00Z")}, ${at("2025-11-15T03:00:00Z")}), (2, 'sms', ${at("2025-11-15T04:00:00Z")}, ${at("2025-11-15T04:00:00Z")})`);
    await db.orm.run(sql`insert into tally_entries (report_id, unit_id, report_date, group_code, count, status, channel, created_at) values
      (1, ${roster.villageId}, '2025-11-15', 'GD', 5, 'active', 'sms', 0),
      (2, ${roster.villageId}, '2025-11-15', 'HS', 2, 'active', 'sms', 0),
      (2, ${roster.villageId}, '2025-11-15', 'GD', 9, 'superseded', 'sms', 0),
      (2, ${roster.villageId}, '2025-11-14', 'GD', 4, 'active', 'sms', 0)`);
    // Local day 15/11 runs from 14/11 17:00 UTC to 15/11 17:00 UTC.
    const outbox = (key: string, status: string, updated: string) =>
      db.orm.run(sql`insert into outbox_messages (idempotency_key, channel, purpose, template_key, payload, status, not_before, created_at, updated_at) values (${key}, 'sms', 'p', 't', '{}', ${status}, 0, 0, ${at(updated)})`);
    await outbox("a", "sent", "2025-11-14T17:30:00Z");
    await outbox("b", "delivered", "2025-11-15T16:59:00Z");
    await outbox("c", "failed", "2025-11-15T10:00:00Z");
    await outbox("d", "sent", "2025-11-15T17:00:00Z"); // the next local day
    await outbox("e", "pending", "2025-11-15T10:00:00Z");

    const now = new Date("2025-11-16T01:00:00Z");
    const row = await writeProvinceRollup(db, national, { shard: "38", day: "2025-11-15", timezone: TZ, now });
    expect(row).toMatchObject({ cards: 4, cardsValid: 3, cardsExpiring30d: 2, enrolments: 7, tallyReports: 2, outboxSent: 2, outboxFailed: 1 });
    await writeProvinceRollup(db, national, { shard: "38", day: "2025-11-15", timezone: TZ, now });
    const stored = db.sqlite.prepare("select province_code, day, cards, enrolments from national_province_rollups").all();
    expect(stored).toEqual([{ province_code: "38", day: "2025-11-15", cards: 4, enrolments: 7 }]);
  });

  it("runs once a local day and rolls up yesterday", async () => {
    const db = createTestDb();
    const national = openSqliteNational(db.sqlite);
    const job = provinceRollupJob({ db, national, shard: "12", timezone: TZ });
    const first = await runDueJobs(db, [job], { now: new Date("2025-11-16T01:00:00Z"), timezone: TZ });
    expect(first).toMatchObject([{ name: "province_rollup", ran: true, result: { day: "2025-11-15" } }]);
    expect(await runDueJobs(db, [job], { now: new Date("2025-11-16T09:00:00Z"), timezone: TZ })).toEqual([]);
  });
});
