import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { estimateCampaign, planCampaignDay } from "../../../src/core/campaigns/plan-campaign";
import { startPeakCampaign } from "../../../src/core/campaigns/start-campaign";
import type { Protector } from "../../../src/core/privacy/protector";
import { runDueJobs } from "../../../src/core/schedule/daily-jobs";
import { scheduledJobs } from "../../../src/core/schedule/scheduled-jobs";
import { addDays } from "../../../src/core/time/day-math";
import { zonedTime } from "../../../src/core/time/zoned-time";
import { outboxMessages } from "../../../src/db/schema";
import type { SqliteDb } from "../../../src/entry/sqlite-db";
import { type createRosterFixture, freshRoster } from "../../helpers/roster-fixture";
import { createTestTranslator } from "../../helpers/test-db";

// The audit's case: created on the dashboard at 10:07 on its first day, 2 messages a week.
const TZ = "Asia/Ho_Chi_Minh";
const START = "2026-12-07";
const END = "2026-12-20";
const at = (day: string, hhmm: string) => zonedTime(day, hhmm, TZ);
let db: SqliteDb;
let protector: Protector;
let fixture: Awaited<ReturnType<typeof createRosterFixture>>;
const deps = () => ({ db, protector, t: createTestTranslator(), defaultLocale: "vi" as const, timezone: TZ, smsEnabled: true });
const draft = (startsOn = START) => ({ name: "Tháng cao điểm 12", startsOn, endsOn: END, communeIds: [fixture.communeId], audience: ["expired" as const, "expiring" as const], maxPerWeek: 2 });
const campaignRows = () => db.orm.select().from(outboxMessages).where(eq(outboxMessages.purpose, "campaign"));
/** The daily jobs as both runtimes run them (Node's minute tick, the Workers' Cron Trigger). */
const tick = (now: Date) => runDueJobs(db, scheduledJobs(deps()), { now, timezone: TZ });
const campaignOutcome = async (now: Date) => (await tick(now)).find((o) => o.name === "campaign_messages");

beforeEach(async () => {
  ({ db, protector, ...fixture } = await freshRoster(START));
  await fixture.card("GD", -20, { phone: "84100000001" }); // expired
  await fixture.card("HS", 5, { phone: "84100000002" }); // expiring in the window
  await fixture.card("CN", 3); // no phone: undeliverable
});

describe("a campaign started during its first day", () => {
  it("sends on that day when created after the morning job, not four days later", async () => {
    await tick(at(START, "08:30")); // the morning job ran before the campaign existed
    const now = at(START, "10:07");
    const { campaign, today } = await startPeakCampaign(deps(), { ...draft(), now });
    expect(today).toEqual({ campaignId: campaign.id, households: 3, queued: 2, optedOut: 0, undeliverable: 1 });
    const rows = await campaignRows();
    expect(rows.map((r) => r.idempotencyKey.slice(-10))).toEqual([START, START]);
    expect(rows.every((r) => r.status === "pending" && r.notBefore.getTime() === now.getTime())).toBe(true);
  });

  it("is not sent twice when the daily job runs later that day or again", async () => {
    const { campaign } = await startPeakCampaign(deps(), { ...draft(), now: at(START, "10:07") });
    // Node back from downtime catches up at 10:08 (the job has not run today): same keys, nothing new.
    const outcome = await campaignOutcome(at(START, "10:08"));
    expect(outcome).toMatchObject({ ran: true, result: { campaigns: [{ campaignId: campaign.id, households: 3, queued: 0 }] } });
    expect(await planCampaignDay(deps(), { today: START, now: at(START, "11:00") })).toMatchObject([{ queued: 0 }]);
    expect(await campaignRows()).toHaveLength(2);
  });

  it("leaves the day to the morning job when created before it", async () => {
    const { today } = await startPeakCampaign(deps(), { ...draft(), now: at(START, "07:00") });
    expect(today).toBeUndefined();
    expect(await campaignRows()).toHaveLength(0);
    expect(await campaignOutcome(at(START, "08:30"))).toMatchObject({ ran: true, result: { campaigns: [{ queued: 2 }] } });
  });

  it("plans nothing on creation for a campaign that starts tomorrow, nor once today's sending has closed", async () => {
    expect((await startPeakCampaign(deps(), { ...draft(addDays(START, 1)), now: at(START, "10:07") })).today).toMatchObject({ queued: 0 });
    expect((await startPeakCampaign(deps(), { ...draft(), now: at(START, "20:30") })).today).toBeUndefined();
    expect(await campaignRows()).toHaveLength(0);
  });
});

describe("the preview's promise", () => {
  it.each([
    ["10:07", 4],
    ["20:30", 3], // past the job's 20:00 deadline: today is not sent, so not promised
    ["07:00", 4],
  ])("counts the send days and messages the campaign then sends (created at %s)", async (hhmm, days) => {
    if (hhmm > "08:30") await tick(at(START, "08:30")); // the morning job ran before the campaign existed
    const now = at(START, hhmm);
    const estimate = await estimateCampaign(deps(), { id: 0, ...draft() }, START, now);
    expect(estimate).toMatchObject({ households: 3, sendDays: days, messages: 2 * days, undeliverable: 1 });
    await startPeakCampaign(deps(), { ...draft(), now });
    // The clock goes on ticking: later that day, then each morning to the campaign's end.
    await tick(new Date(Math.max(now.getTime() + 60_000, at(START, "08:30").getTime())));
    for (let day = addDays(START, 1); day <= END; day = addDays(day, 1)) await tick(at(day, "08:30"));
    const rows = await campaignRows();
    expect(new Set(rows.map((r) => r.idempotencyKey.slice(-10))).size).toBe(estimate.sendDays);
    expect(rows).toHaveLength(estimate.messages);
  }, 30_000);
});
