import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createD1Db } from "../../src/entry/d1-db";
import { createProtector } from "../../src/core/privacy/protector";
import { seedDemo } from "../../src/core/demo/seed-demo";
import { runScheduled } from "../../src/entry/worker-cron";

const base64 = (fill: number) => btoa(String.fromCharCode(...new Uint8Array(32).fill(fill)));

describe("Cron Triggers on workerd + D1", () => {
  it("runs each daily job once a local day, planning renewal reminders into reminder_plans", async () => {
    const db = createD1Db(env.DB);
    const protector = await createProtector({ dataKey: new Uint8Array(32).fill(7), indexKey: new Uint8Array(32).fill(8), keyId: "cron" });
    await seedDemo({ db, protector, today: "2025-11-15" });
    const keyed = { ...env, DATA_ENCRYPTION_KEY: base64(7), BLIND_INDEX_KEY: base64(8), DATA_KEY_ID: "cron" };
    const at8 = await runScheduled(keyed, Date.parse("2025-11-15T01:00:00Z"));
    expect(at8.map((o) => o.name)).toEqual(["renewal_reminders", "campaign_digests"]);
    const [planned] = await db.orm.all<{ n: number }>(sql`select count(*) as n from reminder_plans where planned_on = '2025-11-15'`);
    expect(planned!.n).toBeGreaterThan(0);
    // A second trigger the same morning plans nothing new.
    expect(await runScheduled(keyed, Date.parse("2025-11-15T01:05:00Z"))).toEqual([]);
    const at16 = await runScheduled(keyed, Date.parse("2025-11-15T09:00:00Z"));
    expect(at16.map((o) => o.name)).toEqual(["campaign_messages", "collector_nudges"]);
    const [meta] = await db.orm.all<{ n: number }>(sql`select count(*) as n from app_meta where key like 'job:%' and value = '2025-11-15'`);
    expect(meta!.n).toBe(4);
    // 22:00: old inbound texts are purged on D1 as well (json_remove, update … returning).
    await db.orm.run(sql`insert into tally_reports (channel, original_text, received_at, created_at) values ('sms', 'Xuân Thành GD 3', ${Date.parse("2025-07-01T00:00:00Z")}, ${Date.parse("2025-07-01T00:00:00Z")})`);
    const at22 = await runScheduled(keyed, Date.parse("2025-11-15T15:00:00Z"));
    const purge = at22.find((o) => o.name === "purge_inbound_text");
    expect(purge).toMatchObject({ ran: true, result: { tallyTexts: 1 } });
  });
});
